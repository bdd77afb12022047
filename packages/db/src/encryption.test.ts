import { DecryptionError, Encryptor, generateEncryptionKey } from './encryption'

describe('Encryptor', () => {
  const encryptor = new Encryptor(generateEncryptionKey())

  it('round-trips text and JSON', () => {
    expect(encryptor.decrypt(encryptor.encrypt('lever-api-key'))).toBe('lever-api-key')
    expect(encryptor.decryptJson(encryptor.encryptJson({ apiKey: 'k', n: 1 }))).toEqual({ apiKey: 'k', n: 1 })
  })

  it('never contains the plaintext and uses a fresh IV each time', () => {
    const a = encryptor.encrypt('secret-value')
    const b = encryptor.encrypt('secret-value')
    expect(a).not.toContain('secret-value')
    expect(a).not.toBe(b)
  })

  it('detects a tampered ciphertext', () => {
    const [v, iv, tag, body] = encryptor.encrypt('secret-value').split('.')
    const flipped = Buffer.from(body, 'base64url')
    flipped[0] ^= 1
    expect(() => encryptor.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow(DecryptionError)
    const badTag = Buffer.from(tag, 'base64url')
    badTag[0] ^= 1
    expect(() => encryptor.decrypt([v, iv, badTag.toString('base64url'), body].join('.'))).toThrow(DecryptionError)
  })

  it('refuses a ciphertext made under another key', () => {
    const other = new Encryptor(generateEncryptionKey())
    expect(() => other.decrypt(encryptor.encrypt('x'))).toThrow(DecryptionError)
  })

  it('rejects malformed input and short keys', () => {
    expect(() => encryptor.decrypt('garbage')).toThrow(DecryptionError)
    expect(() => new Encryptor(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/)
  })
})
