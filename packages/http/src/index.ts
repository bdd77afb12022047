export { HttpError, errorMiddleware, INTERNAL_ERROR_BODY } from './http-error'
export { healthRoutes, type ReadinessCheck } from './health.route'
export { noFavicon } from './favicon.route'
