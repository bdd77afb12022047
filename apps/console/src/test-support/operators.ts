import request from 'supertest'
import type { TestConsole } from './test-console'
import { TEST_ADMIN_TOKEN } from './test-console'

/** An operator created through the admin API, with the token it was given that once. */
export interface TestOperator {
  id: string
  name: string
  token: string
}

/** Creates an operator as the ADMIN_TOKEN admin, named uniquely (test files share a database). */
export async function createOperatorAsAdmin(
  testConsole: TestConsole,
  role: 'admin' | 'viewer',
  label: string = role,
): Promise<TestOperator> {
  const name = `${label} ${Math.random().toString(36).slice(2, 10)}`
  const created = await request(testConsole.app)
    .post('/api/operators')
    .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
    .send({ name, role })
    .expect(201)
  return { id: created.body.id, name, token: created.body.token }
}
