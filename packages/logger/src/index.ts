export { createLogger, type Logger } from './logger'
export { httpLogger } from './http'
export { redactPaths, maskEmails } from './redaction'
