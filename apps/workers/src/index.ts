export { WORKER_ROLES, type WorkerRole } from './role-names'
