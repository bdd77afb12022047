/** The shared Redis; scenarios that do not break Redis use it under a prefix of their own. */
export const SHARED_REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
