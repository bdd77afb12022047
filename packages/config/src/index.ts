export { envSchema, type Env, type EnvKey } from './schema'
export { loadConfig, loadConfigOrExit, ConfigError } from './load'
