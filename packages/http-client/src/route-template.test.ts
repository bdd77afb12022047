import { templatePath } from './route-template'

const OPP = '5a1f0c9e-0000-4000-8000-000000000001'
const TENANT = '0b6e4f1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b'

describe('templatePath', () => {
  it.each([
    ['/opportunities', '/opportunities'],
    [`/opportunities/${OPP}`, '/opportunities/:id'],
    [`/opportunities/${OPP}/addTags`, '/opportunities/:id/addTags'],
    [
      `/opportunities/${OPP}/notes/9f8e7d6c-0000-4000-8000-000000000002`,
      '/opportunities/:id/notes/:id',
    ],
    [`/opportunities/${OPP}/feedback/fb-1`, '/opportunities/:id/feedback/:id'],
    ['/feedback_templates', '/feedback_templates'],
    // Built-in Lever stage ids are not UUIDs; their place makes them ids.
    ['/stages/lead-new', '/stages/:id'],
    ['/stages/offer', '/stages/:id'],
    ['/webhooks/123', '/webhooks/:id'],
  ])('Lever %s → %s', (path, route) => {
    expect(templatePath(path).route).toBe(route)
  })

  it('keeps the opportunity id apart', () => {
    expect(templatePath(`/opportunities/${OPP}/notes`)).toEqual({
      route: '/opportunities/:id/notes',
      opportunityId: OPP,
      tenantId: null,
    })
    expect(templatePath('/stages/offer').opportunityId).toBeNull()
  })

  it('strips /v1 and any query string or fragment', () => {
    expect(
      templatePath(`/v1/opportunities/${OPP}?expand=applications&email=ada%40example.com`),
    ).toEqual({
      route: '/opportunities/:id',
      opportunityId: OPP,
      tenantId: null,
    })
    expect(templatePath('/users?email=ada@example.com#x').route).toBe('/users')
  })

  it('reads the tenant and the candidate from platform paths', () => {
    expect(templatePath(`/v1/tenants/${TENANT}/candidates/${OPP}/events`)).toEqual({
      route: '/tenants/:id/candidates/:id/events',
      opportunityId: OPP,
      tenantId: TENANT,
    })
    expect(templatePath(`/v1/tenants/${TENANT}/orders/ord-1/cancel`)).toEqual({
      route: '/tenants/:id/orders/:id/cancel',
      opportunityId: null,
      tenantId: TENANT,
    })
    expect(templatePath(`/v1/tenants/${TENANT}/postings/post%201`).route).toBe(
      '/tenants/:id/postings/:id',
    )
    expect(templatePath('/v1/reports/po_1/pdf').route).toBe('/reports/:id/pdf')
  })

  it('names no tenant that is not a UUID (the column is one)', () => {
    expect(templatePath('/v1/tenants/ten-1/orders').tenantId).toBeNull()
  })

  it('turns whatever is not a plain name into :id, wherever it stands', () => {
    expect(templatePath('/opportunities/x/ada.lovelace@example.com').route).toBe(
      '/opportunities/:id/:id',
    )
    expect(templatePath('/Ada%20Lovelace').route).toBe('/:id')
    expect(templatePath('/').route).toBe('/')
  })

  it('keeps only the host of a report link off the platform', () => {
    expect(templatePath('//storage.example.com:9000')).toEqual({
      route: '//storage.example.com:9000',
      opportunityId: null,
      tenantId: null,
    })
  })

  it('keeps no undecodable or overlong opportunity id', () => {
    expect(templatePath('/opportunities/%E0%A4%A').opportunityId).toBeNull()
    expect(templatePath(`/opportunities/${'x'.repeat(101)}`).opportunityId).toBeNull()
  })
})
