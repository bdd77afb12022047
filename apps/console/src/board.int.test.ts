import request from 'supertest'
import { QUEUE } from '@baton/queues'
import { useTestConsole, createTenantAsAdmin, TEST_ADMIN_TOKEN as ADMIN } from './test-support/test-console'

const consoleUnderTest = useTestConsole('board')

describe('Bull Board job views', () => {
  it("name the job's tenant and link back to its page in the console", async () => {
    const tenantId = await createTenantAsAdmin(consoleUnderTest, { name: 'Globex Recruiting' })
    await consoleUnderTest.core.queues[QUEUE.scheduled].add('posting-sync', { tenantId, task: 'posting-sync' }, { jobId: `board-${tenantId}` })
    const board = (path: string) => request(consoleUnderTest.app).get(path).set('Authorization', `Bearer ${ADMIN}`)
    // The first view loads the names in the background; the next one shows them.
    await board(`/queues/api/queues?activeQueue=${QUEUE.scheduled}&status=waiting&page=1&jobsPerPage=10`)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const res = await board(`/queues/api/queues?activeQueue=${QUEUE.scheduled}&status=waiting&page=1&jobsPerPage=10`)
    expect(res.status).toBe(200)
    const queue = (res.body.queues as { name: string; jobs: { name: string; data: unknown }[] }[]).find((q) => q.name === QUEUE.scheduled)
    const job = queue!.jobs.find((j) => JSON.stringify(j.data).includes(tenantId))
    expect(job?.name).toBe('posting-sync · Globex Recruiting')
    expect(job?.data).toMatchObject({ tenantId, tenant: { name: 'Globex Recruiting', console: `/#tenant=${tenantId}` } })
  })

  it("link an invitation job to its candidate's timeline", async () => {
    const tenantId = await createTenantAsAdmin(consoleUnderTest, { name: 'Initech' })
    const opportunityId = '11111111-2222-4333-8444-555555555555'
    await consoleUnderTest.core.queues[QUEUE.invitations].add(
      QUEUE.invitations,
      { tenantId, opportunityId, trigger: 'gapScan' },
      { jobId: `board-timeline-${tenantId}` },
    )
    const board = (path: string) => request(consoleUnderTest.app).get(path).set('Authorization', `Bearer ${ADMIN}`)
    const res = await board(`/queues/api/queues?activeQueue=${QUEUE.invitations}&status=waiting&page=1&jobsPerPage=10`)
    const queue = (res.body.queues as { name: string; jobs: { data: unknown }[] }[]).find((q) => q.name === QUEUE.invitations)
    const job = queue!.jobs.find((j) => JSON.stringify(j.data).includes(tenantId))
    expect(job?.data).toMatchObject({ tenant: { timeline: `/#tenant=${tenantId}&timeline=${opportunityId}` } })
  })

  it('link to the console from the header', async () => {
    const page = await request(consoleUnderTest.app).get('/queues').set('Authorization', `Bearer ${ADMIN}`)
    expect(page.text).toContain('Baton queues')
  })
})
