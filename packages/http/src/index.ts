export { HttpError, errorMiddleware } from './http-error'
export { healthRoutes } from './health.route'
