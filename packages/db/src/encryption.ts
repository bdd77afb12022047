import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const VERSION = 'v1'

/** Raised when a ciphertext was tampered with or was encrypted under another key. */
export class DecryptionError extends Error {
  constructor() {
    super('ciphertext could not be authenticated')
    this.name = 'DecryptionError'
  }
}

/**
 * AES-256-GCM under a 32-byte key (ENCRYPTION_KEY, base64). The output is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, so the format can change later without ambiguity.
 */
export class Encryptor {
  private readonly key: Buffer

  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, 'base64')
    if (this.key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes, base64-encoded')
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    const tag = cipher.getAuthTag()
    return [VERSION, iv, tag, body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
  }

  decrypt(ciphertext: string): string {
    const [version, iv, tag, body] = ciphertext.split('.')
    if (version !== VERSION || !iv || !tag || body === undefined) throw new DecryptionError()
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    } catch {
      throw new DecryptionError()
    }
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value))
  }

  decryptJson<T>(ciphertext: string): T {
    return JSON.parse(this.decrypt(ciphertext)) as T
  }
}

/** A fresh random key, base64: used for sandbox mode and tests. */
export function generateEncryptionKey(): string {
  return randomBytes(32).toString('base64')
}
