import { Counter, Registry, collectDefaultMetrics } from 'prom-client'

/** Prometheus metrics of the ingress process. */
export function createIngressMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const webhooks = new Counter({
    name: 'baton_webhooks_total',
    help: 'Webhooks received, by source and outcome (stored, duplicate, ping, or the rejection code)',
    labelNames: ['source', 'outcome'] as const,
    registers: [registry],
  })
  return { registry, webhooks }
}

export type IngressMetrics = ReturnType<typeof createIngressMetrics>
