export { createConsoleApp } from './app'
export { createConsoleMetrics } from './metrics'
export type { ConsoleDeps } from './deps'
