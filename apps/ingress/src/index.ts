export { createIngressApp } from './app'
export { createIngressMetrics, type IngressMetrics } from './metrics'
export type { IngressDeps } from './deps'
export { createWebhookLog, type WebhookLog } from './webhook-log'
