export { WORKER_ROLES, type WorkerRole } from './role-names'
export { startRole, type RoleContext, type RunningRole } from './roles'
