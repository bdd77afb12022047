import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import nock from 'nock'
import type { LeverClient } from '../client'
import { collect } from '../http/paginate'
import { BASE, testClient, useNock } from '../test-support/nock-client'
import { authorizeUrl } from './authorize-url'
import { BATON_LEVER_CALLS, BATON_OAUTH_SCOPES, leverCallsOnRoute, type LeverCall } from './scopes'

useNock()

/** Every scope Lever offers (docs, OAuth → Scopes), to catch a misspelt one. */
const LEVER_SCOPES = new Set([
  'offline_access',
  ...[
    'applications',
    'archive_reasons',
    'audit_events',
    'diversity_surveys',
    'eeo_responses',
    'eeo_responses_pii',
    'offers',
    'referrals',
    'resumes',
    'sources',
    'stages',
    'tags',
    'tasks',
  ].map((r) => `${r}:read:admin`),
  ...[
    'contact',
    'feedback',
    'feedback_templates',
    'files',
    'forms',
    'form_templates',
    'groups',
    'interviews',
    'notes',
    'opportunities',
    'panels',
    'permissions',
    'postings',
    'requisitions',
    'requisition_fields',
    'roles',
    'users',
    'webhooks',
  ].flatMap((r) => [`${r}:read:admin`, `${r}:write:admin`]),
  'confidential:access:admin',
  'uploads:write:admin',
])

/** The resource whose read scope an `expand=` value needs (its object is that resource's). */
const EXPANDED_RESOURCE: Record<string, string> = {
  applications: 'applications',
  hiringManager: 'users',
}

const key = (row: Pick<LeverCall, 'call' | 'expand'>) =>
  row.expand ? `${row.call}?expand=${row.expand.join(',')}` : row.call

describe('the consent screen', () => {
  it('asks for exactly the union of the scopes of the calls in the table', () => {
    const url = authorizeUrl({
      authUrl: 'https://auth.lever.test',
      clientId: 'c',
      redirectUri: 'r',
      state: 's',
      audience: 'a',
    })
    const asked = new URL(url).searchParams.get('scope')!.split(' ')
    expect(asked).toEqual([...BATON_OAUTH_SCOPES])
    const union = new Set(BATON_LEVER_CALLS.flatMap((row) => row.scopes))
    // Every asked scope is needed by a call, and every needed scope is asked or implied by a write.
    for (const scope of asked.slice(1)) expect(union).toContain(scope)
    for (const scope of union) {
      expect(asked).toContainEqual(
        expect.stringMatching(`^${scope.replace(':read:', ':(read|write):')}$`),
      )
    }
    expect(asked.sort()).toEqual([
      'applications:read:admin',
      'archive_reasons:read:admin',
      'feedback:write:admin',
      'feedback_templates:write:admin',
      'files:write:admin',
      'notes:write:admin',
      'offline_access',
      'opportunities:write:admin',
      'postings:read:admin',
      'stages:read:admin',
      'users:read:admin',
      'webhooks:write:admin',
    ])
  })

  it('asks only for scopes Lever offers, under its cap of 20', () => {
    for (const scope of BATON_OAUTH_SCOPES) expect(LEVER_SCOPES).toContain(scope)
    expect(BATON_OAUTH_SCOPES.length).toBeLessThanOrEqual(20)
  })
})

describe('the table of calls', () => {
  it('gives each call its route scope, read for GET and write otherwise, then one per expansion', () => {
    for (const row of BATON_LEVER_CALLS) {
      const [, first, , nested] = row.route.split('/')
      const resource = nested && ['notes', 'files', 'feedback'].includes(nested) ? nested : first
      const access = row.method === 'GET' ? 'read' : 'write'
      const expanded = (row.expand ?? []).map((name) => `${EXPANDED_RESOURCE[name]}:read:admin`)
      expect([key(row), row.scopes]).toEqual([
        key(row),
        [`${resource}:${access}:admin`, ...expanded],
      ])
    }
  })

  it('has one row per call and expansion', () => {
    const keys = BATON_LEVER_CALLS.map(key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  // What each row's client call looks like; the request it sends must be the row's route.
  const pdf = { filename: 'r.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF') }
  const as = { performAs: 'u1' }
  const INVOKE: Record<string, (lever: LeverClient) => Promise<unknown>> = {
    'opportunities.get': (l) => l.opportunities.get('o1'),
    'opportunities.get?expand=applications': (l) =>
      l.opportunities.get('o1', { expand: ['applications'] }),
    'opportunities.list': (l) => collect(l.opportunities.list()),
    'opportunities.create': (l) => l.opportunities.create({ name: 'n' }, as),
    'opportunities.addTags': (l) => l.opportunities.addTags('o1', ['t']),
    'opportunities.removeTags': (l) => l.opportunities.removeTags('o1', ['t']),
    'opportunities.addLinks': (l) => l.opportunities.addLinks('o1', ['https://r']),
    'opportunities.setStage': (l) => l.opportunities.setStage('o1', 'offer'),
    'notes.create': (l) => l.notes.create('o1', { value: 'v' }),
    'notes.list': (l) => collect(l.notes.list('o1')),
    'notes.delete': (l) => l.notes.delete('o1', 'n1'),
    'files.upload': (l) => l.files.upload('o1', pdf, as),
    'files.list': (l) => collect(l.files.list('o1')),
    'feedbackTemplates.list': (l) => collect(l.feedbackTemplates.list()),
    'feedbackTemplates.create': (l) =>
      l.feedbackTemplates.create({
        text: 't',
        instructions: 'i',
        fields: [{ type: 'score-system', text: 'r' }],
      }),
    'feedback.create': (l) => l.feedback.create('o1', { baseTemplateId: 't', fieldValues: [] }, as),
    'feedback.list': (l) => collect(l.feedback.list('o1')),
    'feedback.update': (l) => l.feedback.update('o1', 'f1', { fieldValues: [] }, as),
    'postings.get?expand=hiringManager': (l) => l.postings.get('p1', { expand: ['hiringManager'] }),
    'postings.list': (l) => collect(l.postings.list()),
    'postings.list?expand=hiringManager': (l) =>
      collect(l.postings.list({ expand: ['hiringManager'] })),
    'stages.list': (l) => collect(l.stages.list()),
    'stages.get': (l) => l.stages.get('offer'),
    'users.list': (l) => collect(l.users.list()),
    'archiveReasons.list': (l) => collect(l.archiveReasons.list()),
    'webhooks.list': (l) => collect(l.webhooks.list()),
    'webhooks.create': (l) => l.webhooks.create({ url: 'https://b/h', event: 'candidateHired' }),
    'webhooks.delete': (l) => l.webhooks.delete('w1'),
  }

  it('names a call for every row, and a row for every call', () => {
    expect(Object.keys(INVOKE).sort()).toEqual(BATON_LEVER_CALLS.map(key).sort())
  })

  /** An answer every schema of its kind accepts: a page, an object with all created ids, or 204. */
  function answer(row: LeverCall): [number, Record<string, unknown>?] {
    if (row.method === 'DELETE') return [204]
    if (row.method === 'GET' && !row.route.endsWith('/:id'))
      return [200, { data: [], hasNext: false }]
    const created = {
      id: 'x',
      noteId: 'x',
      event: 'e',
      url: 'u',
      configuration: { signatureToken: 't' },
    }
    return [row.method === 'POST' ? 201 : 200, { data: created }]
  }

  it.each(BATON_LEVER_CALLS.map((row) => [key(row), row] as const))(
    '%s sends its route',
    async (_key, row) => {
      const route = new RegExp(`^/v1${row.route.replace(/:\w+/g, '[^/?]+')}(\\?|$)`)
      let sent = ''
      nock(BASE)
        .intercept((uri) => route.test(uri) && Boolean((sent = uri)), row.method)
        .reply(...answer(row))
      await INVOKE[key(row)](testClient())
      const expand = new URL(sent, BASE).searchParams.get('expand')
      expect(expand?.split(',')).toEqual(row.expand ? [...row.expand] : undefined)
    },
  )
})

describe('leverCallsOnRoute', () => {
  it('finds the calls on a route whatever its ids are called, one per expand', () => {
    const scopes = (method: string, route: string) => leverCallsOnRoute(method, route).map((c) => c.scopes)
    expect(scopes('DELETE', '/opportunities/:id/notes/:id')).toEqual([['notes:write:admin']])
    expect(scopes('POST', '/opportunities/:opportunityId/notes')).toEqual([['notes:write:admin']])
    expect(scopes('GET', '/opportunities/:id')).toEqual([
      ['opportunities:read:admin'],
      ['opportunities:read:admin', 'applications:read:admin'],
    ])
    expect(scopes('GET', '/archive_reasons/:id')).toEqual([])
  })
})

describe("Baton's sources", () => {
  const ROOT = resolve(__dirname, '../../../..')
  const DIRS = [
    'packages/core/src',
    'apps/console/src',
    'apps/workers/src',
    'apps/ingress/src',
    'tools/launcher/src',
  ]

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sources(path)
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
    })
  }

  it('make no Lever call that the table leaves out, and the table lists none they do not make', () => {
    const client = testClient() as unknown as Record<string, Record<string, unknown>>
    const found = new Set<string>()
    // `<anything>.<resource>.<method>(<args up to the first ")">`; only the client's own methods
    // count, and an `expand: [...]` must sit in those first arguments to be seen.
    const calls = /\.(\w+)\.(\w+)\(([^)]*)/g
    for (const file of DIRS.flatMap((dir) => sources(join(ROOT, dir)))) {
      for (const [, resource, method, args] of readFileSync(file, 'utf8').matchAll(calls)) {
        if (!Object.hasOwn(client[resource] ?? {}, method)) continue
        const expand = /expand:\s*\[([^\]]*)\]/.exec(args)?.[1].match(/[\w]+/g) ?? undefined
        found.add(key({ call: `${resource}.${method}`, expand }))
      }
    }
    expect([...found].sort()).toEqual(BATON_LEVER_CALLS.map(key).sort())
  })
})
