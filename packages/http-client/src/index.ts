export type { HttpClientOptions, HttpRequestInfo } from './options'
