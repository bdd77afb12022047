import { inflateSync } from 'node:zlib'

/** The text drawn on the pages: pdfkit writes deflated content streams with hex-encoded strings. */
export function pageText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
  const text: string[] = []
  for (const [, data] of streams) {
    let content: string
    try {
      content = inflateSync(Buffer.from(data, 'latin1')).toString('latin1')
    } catch {
      continue
    }
    for (const [, hex] of content.matchAll(/<([0-9a-f]+)>/g)) {
      text.push(Buffer.from(hex, 'hex').toString('latin1'))
    }
  }
  return text.join('')
}
