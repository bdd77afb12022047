export { moveStage, startSandboxedCore, type SandboxedCore } from './sandboxed-core'
