import { createDb, createTenant, Encryptor, generateEncryptionKey } from '@baton/db'
import type { LeverClient, LeverWebhook } from '@baton/lever'
import type { CoreDeps } from '../deps'
import {
  deleteRegisteredWebhooks,
  ensureWebhooks,
  LEVER_WEBHOOK_EVENTS,
  webhookUrl,
} from './webhook-registration'

const db = createDb(process.env.DATABASE_URL!)
const encryptor = new Encryptor(generateEncryptionKey())
afterAll(() => db.$disconnect())

/**
 * One Lever account's webhooks, as Lever's API serves them: `list` answers every webhook of the
 * account, whoever registered it, and any of them can be deleted (docs, Webhooks via the API).
 */
function leverAccount(refuseDelete: string[] = []) {
  const hooks = new Map<string, LeverWebhook>()
  let next = 0
  const add = (url: string, event: string) => {
    const hook = {
      id: `wh-${++next}`,
      url,
      event,
      configuration: {},
      createdAt: next,
      updatedAt: next,
    }
    hooks.set(hook.id, hook)
    return hook
  }
  const client = {
    webhooks: {
      async *list() {
        yield* [...hooks.values()]
      },
      async create({ url, event }: { url: string; event: string }) {
        const hook = add(url, event)
        return { id: hook.id, url, event, signatureToken: `token-${hook.id}` }
      },
      async delete(id: string) {
        if (refuseDelete.includes(id)) throw new Error('created in the Lever UI')
        if (!hooks.delete(id)) throw new Error('ResourceNotFound')
      },
    },
  } as unknown as LeverClient
  return { hooks, add, client }
}

async function setup(account: ReturnType<typeof leverAccount>) {
  const deps = {
    db,
    encryptor,
    publicUrl: 'https://baton.example.com/',
    lever: { forTenant: async () => account.client, invalidate: () => undefined },
  } as unknown as CoreDeps
  const tenant = await createTenant(db, encryptor, { name: 'Webhooks', settings: {} })
  const neighbour = await createTenant(db, encryptor, { name: 'Same account', settings: {} })
  return {
    deps,
    tenantId: tenant.id,
    url: webhookUrl(deps, tenant.webhookKey),
    neighbourUrl: webhookUrl(deps, neighbour.webhookKey),
  }
}

const tokenIds = async (tenantId: string) =>
  (await db.signingToken.findMany({ where: { tenantId } }))
    .map((token) => token.leverWebhookId)
    .sort()

describe('ensureWebhooks', () => {
  it('registers every event at the tenant URL, leaving the account’s other webhooks alone', async () => {
    const account = leverAccount()
    const { deps, tenantId, url, neighbourUrl } = await setup(account)
    const foreign = [
      account.add('https://other-vendor.example.com/hook', 'candidateStageChange'),
      account.add(neighbourUrl, 'applicationCreated'),
    ]
    const { created } = await ensureWebhooks(deps, tenantId)
    expect(created).toEqual([...LEVER_WEBHOOK_EVENTS])
    const ours = [...account.hooks.values()].filter((hook) => hook.url === url)
    expect(ours.map((hook) => hook.event).sort()).toEqual([...LEVER_WEBHOOK_EVENTS].sort())
    expect(foreign.every((hook) => account.hooks.get(hook.id) === hook)).toBe(true)
    expect(await tokenIds(tenantId)).toEqual(ours.map((hook) => hook.id).sort())
    expect((await ensureWebhooks(deps, tenantId)).created).toEqual([])
  })

  it('heals a webhook that is gone or was pointed elsewhere, and forgets their tokens', async () => {
    const account = leverAccount()
    const { deps, tenantId, url } = await setup(account)
    await ensureWebhooks(deps, tenantId)
    const [gone, moved] = [...account.hooks.values()]
    account.hooks.delete(gone.id)
    moved.url = 'https://someone-else.example.com/hook'
    const { created } = await ensureWebhooks(deps, tenantId)
    expect(created.sort()).toEqual([gone.event, moved.event].sort())
    const ours = [...account.hooks.values()].filter((hook) => hook.url === url)
    expect(ours).toHaveLength(LEVER_WEBHOOK_EVENTS.length)
    expect(await tokenIds(tenantId)).toEqual(ours.map((hook) => hook.id).sort())
    expect(account.hooks.get(moved.id)?.url).toBe('https://someone-else.example.com/hook')
  })
})

describe('deleteRegisteredWebhooks', () => {
  it('deletes only the webhooks at the tenant URL, past one Lever refuses', async () => {
    const account = leverAccount(['wh-1'])
    const { deps, tenantId, url, neighbourUrl } = await setup(account)
    const madeInUi = account.add(url, 'candidateHired')
    await ensureWebhooks(deps, tenantId)
    const foreign = [
      account.add('https://other-vendor.example.com/hook', 'candidateHired'),
      account.add(neighbourUrl, 'candidateStageChange'),
    ]
    expect(await deleteRegisteredWebhooks(deps, tenantId)).toBe(LEVER_WEBHOOK_EVENTS.length - 1)
    expect([...account.hooks.values()]).toEqual([madeInUi, ...foreign])
  })
})
