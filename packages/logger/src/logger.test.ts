import { Writable } from 'node:stream'
import { createLogger } from './logger'

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { lines, logger: createLogger({ name: 'test', level: 'info' }, stream) }
}

describe('createLogger redaction', () => {
  it('does not print an email in a logged object', () => {
    const { lines, logger } = capture()
    logger.info({ candidate: { email: 'jane.doe@example.com', name: 'Jane Doe' }, opportunityId: 'o1' }, 'invited')
    const out = lines.join('')
    expect(out).not.toContain('jane.doe@example.com')
    expect(out).not.toContain('Jane Doe')
    expect(out).toContain('o1')
    expect(out).toContain('[redacted]')
  })

  it('redacts tokens, API keys and phones at the top level and nested', () => {
    const { lines, logger } = capture()
    logger.info({ apiKey: 'k-123', lever: { token: 't-456' }, phones: [{ value: '+1 555' }] })
    const out = lines.join('')
    for (const secret of ['k-123', 't-456', '+1 555']) expect(out).not.toContain(secret)
  })

  it('masks an email that appears inside a message string or an error', () => {
    const { lines, logger } = capture()
    logger.warn('bad address bob@example.org rejected')
    logger.error({ err: new Error('platform refused alice@example.com') }, 'failed')
    const out = lines.join('')
    expect(out).not.toContain('bob@example.org')
    expect(out).not.toContain('alice@example.com')
    expect(out).toContain('[email]')
  })
})
