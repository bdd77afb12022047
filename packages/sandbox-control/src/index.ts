export { controlRoute, type ControlRoute } from './control-route'
export { controlIndex, type ControlIndex } from './control-index'
export { registeredRoutes } from './registered-routes'
