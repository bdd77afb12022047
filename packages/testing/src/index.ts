export { testPrefix, deletePrefix, testRedisUrl } from './redis'
export { waitFor } from './wait'
