import type { CreateOrderBody, PostingBody } from '../api-schemas'
import type { OrderScoredData } from '../events/schemas'

/** Request and event bodies shaped like the real ones, for tests. */
export const orderBody: CreateOrderBody = {
  orderId: 'ord-1',
  assessment: 'Logic',
  candidate: {
    opportunityId: 'opp-1',
    contactId: 'contact-1',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 0000 0000',
  },
  posting: { id: 'post-1', title: 'Engineer' },
}

export const postingBody: PostingBody = {
  title: 'Engineer',
  team: 'Platform',
  location: 'London',
  hiringManager: { name: 'Grace Hopper', email: 'grace@example.com' },
  description: 'Build things.',
  salary: { min: 50000, max: 70000, currency: 'GBP', interval: 'per-year-salary' },
  tags: ['Acme Assessment - Logic'],
  state: 'published',
}

export const scoredData: OrderScoredData = {
  tenantId: 'ten-1',
  orderId: 'ord-1',
  final: true,
  score: 72,
  passingScore: 60,
  sections: [
    { name: 'Reasoning', score: 80 },
    { name: 'Speed', score: 64 },
  ],
  summary: 'Solid reasoning.',
  recruiterUrl: 'https://platform.test/recruiter/orders/po_1',
  reportPdfUrl: 'https://platform.test/v1/reports/po_1/pdf',
  completedAt: '2026-01-02T03:04:05.000Z',
}
