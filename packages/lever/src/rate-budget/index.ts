export type { RateBudget } from './rate-budget'
export { createRedisRateBudget, type RedisRateBudgetOptions } from './redis-rate-budget'
export { createLocalRateBudget } from './local-rate-budget'
