export type { HttpClientOptions, HttpRequestInfo } from './options'
export { templatePath, type TemplatedPath } from './route-template'
