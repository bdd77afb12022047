import type { CoreDeps } from '@baton/core'
import type { Registry } from 'prom-client'

/** What the console's routes need, injected so tests can build the app on the test database. */
export interface ConsoleDeps {
  core: CoreDeps
  /** Bearer token of the admin API and the dashboard. */
  adminToken: string
  registry: Registry
}
