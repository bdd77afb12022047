export { QUEUE, ALL_QUEUES, type QueueName } from './names'
export {
  jobSchemas,
  SCHEDULED_TASKS,
  MAINTENANCE_TASKS,
  INVITATION_TRIGGERS,
  type JobData,
  type ScheduledTask,
  type MaintenanceTask,
} from './jobs'
export {
  openQueues,
  enqueue,
  enqueueMany,
  withTraceContext,
  defaultJobOptions,
  refillFairShares,
  countPendingJobs,
  type Queues,
  type JobToAdd,
} from './queues'
export { startWorker, type Processor, type JobContext } from './worker'
export { jobIds } from './job-ids'
export { enqueueMissing } from './enqueue-missing'
export { FAIR_QUEUES, PLACES_PER_TENANT, heldJobs, isFairQueue } from './fair-share'
export { forgetFinishedJobs } from './forget-finished-jobs'
// Core reaches BullMQ only through this package, so one package pins its version.
export { UnrecoverableError, type Job } from 'bullmq'
