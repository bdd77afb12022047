import type { AuditResult } from '../audit/audit'

export type Row = [figure: string, value: string]

export interface ScenarioContext {
  /** Opportunities to move into the trigger stage. */
  events: number
  /** This scenario's log directory (one file per process). */
  logDir: string
  log(line: string): void
}

export interface ScenarioResult {
  name: string
  passed: boolean
  durationMs: number
  rows: Row[]
  failures: string[]
  audit: AuditResult | null
  logDir: string
}

export type Scenario = (ctx: ScenarioContext) => Promise<ScenarioResult>
