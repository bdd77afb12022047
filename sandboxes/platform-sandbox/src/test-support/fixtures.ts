import type { CreateOrderBody, PostingBody } from '@baton/platform'

let counter = 0

/** A fresh order body; ids are unique per call so tests never collide. */
export function orderBody(overrides: Partial<CreateOrderBody> = {}): CreateOrderBody {
  counter += 1
  return {
    orderId: `ord-${counter}`,
    assessment: 'Logic',
    candidate: {
      opportunityId: `opp-${counter}`,
      contactId: `contact-${counter}`,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    },
    posting: { id: 'post-1', title: 'Engineer' },
    ...overrides,
  }
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
