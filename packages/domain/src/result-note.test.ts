import { bounceNoteText, failureNoteText } from './failure-notes'
import { PROVISIONAL_MARKER, resultNoteText } from './result-note'

const result = {
  score: 82,
  rating: 4 as const,
  sections: [
    { name: 'Logic', score: 80 },
    { name: 'SQL', score: 84 },
  ],
  summary: 'Strong analytical reasoning.',
  recruiterUrl: 'https://platform.example/r/123',
  final: true,
  assessment: 'Data Analyst',
  brand: 'Acme',
}

describe('resultNoteText', () => {
  it('shows score, rating wording, sections, summary and report link', () => {
    expect(resultNoteText(result)).toBe(
      [
        'Acme assessment result: Data Analyst',
        'Score: 82/100',
        'Rating: 4 - Strong Hire',
        'Section scores:',
        '- Logic: 80/100',
        '- SQL: 84/100',
        'Summary:',
        'Strong analytical reasoning.',
        'Report: https://platform.example/r/123',
      ].join('\n'),
    )
  })

  it('marks a partial result as provisional, first', () => {
    const text = resultNoteText({ ...result, final: false, rating: 2 })
    expect(text.startsWith(PROVISIONAL_MARKER)).toBe(true)
    expect(text).toContain('PROVISIONAL (partial result)')
    expect(text).toContain('Rating: 2 - No Hire')
    expect(resultNoteText(result)).not.toContain('PROVISIONAL')
  })

  it('leaves out what is missing', () => {
    const text = resultNoteText({
      ...result,
      sections: [],
      summary: ' ',
      recruiterUrl: null,
      assessment: null,
      brand: undefined,
      rating: 1,
    })
    expect(text).toBe(
      ['Assessment result', 'Score: 82/100', 'Rating: 1 - Strong No Hire'].join('\n'),
    )
  })

  it.each([
    ['report_too_large', 'Report PDF not attached: the PDF is larger than Baton accepts'],
    ['report_not_pdf', 'Report PDF not attached: the platform did not send a PDF'],
  ])('says last why the report PDF is not attached (%s)', (reason, line) => {
    const lines = resultNoteText({ ...result, reportNotAttached: reason }).split('\n')
    expect(lines[lines.length - 1].startsWith(line)).toBe(true)
    expect(lines[lines.length - 2]).toBe('Report: https://platform.example/r/123')
  })
})

describe('failureNoteText', () => {
  it('says the email is missing and how to retry', () => {
    const text = failureNoteText('missing_email', 'Acme')
    expect(text).toContain('Acme could not send the assessment invitation')
    expect(text).toContain('no email address')
    expect(text).toContain("fix the candidate's email address")
    expect(text).toContain('out of the trigger stage and back into it')
    expect(text).toContain('"Acme: Send Tests"')
  })

  it('says the email is invalid', () => {
    expect(failureNoteText('invalid_email', 'Zeta')).toContain('not a valid email address')
    expect(failureNoteText('invalid_email', 'Zeta')).toContain('"Zeta: Send Tests"')
  })

  it("names the tenant's own Send Tests tag", () => {
    expect(failureNoteText('missing_email', 'Zeta', 'Zeta :: Go')).toContain('"Zeta :: Go"')
  })
})

describe('bounceNoteText', () => {
  it('gives the reason and how to retry', () => {
    const text = bounceNoteText('mailbox does not exist', 'Acme')
    expect(text).toContain('could not deliver the assessment invitation')
    expect(text).toContain('Reason: mailbox does not exist.')
    expect(text).toContain('"Acme: Send Tests"')
    expect(bounceNoteText('', 'Acme')).toContain('Reason: not given.')
  })
})
