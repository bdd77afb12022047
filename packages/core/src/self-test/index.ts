export { runSelfTest, type SelfTestReport } from './self-test'
export type { SelfTestStep } from './step'
