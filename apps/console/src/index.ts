export { createConsoleApp } from './app'
export type { ConsoleDeps } from './deps'
