export { createLogger, type Logger } from './logger'
export { httpLogger } from './http'
export { redactPaths, maskEmails, maskUrlPassword } from './redaction'
export { exitOnStartupFailure, type StartupFailureOutput } from './startup-failure'
