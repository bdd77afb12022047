import { pageText } from '../test-support/pdf-text'
import { renderReportPdf } from './report'

describe('renderReportPdf', () => {
  it('renders a real PDF with the assessment, score, sections and summary', async () => {
    const pdf = await renderReportPdf({
      reference: 'po_123',
      assessment: 'Logic',
      postingTitle: 'Engineer',
      final: true,
      score: 72,
      passingScore: 60,
      sections: [{ name: 'Deduction', score: 80 }],
      summary: 'Strong reasoning.',
      completedAt: '2026-01-01T00:00:00.000Z',
    })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.subarray(-6).toString()).toContain('%%EOF')
    const text = pageText(pdf)
    for (const expected of [
      'Logic',
      'Score 72/100',
      'Passing score 60/100',
      'Deduction: 80/100',
      'Strong reasoning.',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('says when there is no score', async () => {
    const pdf = await renderReportPdf({
      reference: 'src_1',
      assessment: 'General',
      final: false,
      sections: [],
      summary: 'Interviewed.',
    })
    const text = pageText(pdf)
    expect(text).toContain('No score')
    expect(text).toContain('Provisional result')
  })
})
