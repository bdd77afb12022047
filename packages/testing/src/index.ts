export { testPrefix, deletePrefix, testRedisUrl } from './redis'
export { waitFor } from './wait'
export { createScratchDatabase, dropDatabase, LOCAL_POSTGRES, type ScratchDatabase } from './scratch-database'
