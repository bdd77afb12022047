import PDFDocument from 'pdfkit'
import type { SectionScore } from '@baton/platform'

/** What a report shows. No candidate name or contact: the report is about the result. */
export interface ReportContent {
  /** `platformOrderId` or the sourced candidate's `externalId`. */
  reference: string
  assessment: string
  postingTitle?: string
  final: boolean
  score?: number
  passingScore?: number
  sections: SectionScore[]
  summary: string
  completedAt?: string
}

/** Renders an assessment report as a real PDF (pdfkit, built-in Helvetica). */
export function renderReportPdf(report: ReportContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${report.assessment} report`, Producer: 'Baton platform sandbox' },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc.font('Helvetica-Bold').fontSize(20).text(`${report.assessment} assessment report`)
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#555555')
  doc.text(`Reference ${report.reference}${report.postingTitle ? ` · ${report.postingTitle}` : ''}`)
  if (report.completedAt) doc.text(`Completed ${report.completedAt}`)
  doc.text(report.final ? 'Final result' : 'Provisional result')

  doc.moveDown().fillColor('#000000').font('Helvetica-Bold').fontSize(28)
  doc.text(report.score === undefined ? 'No score' : `Score ${report.score}/100`)
  if (report.passingScore !== undefined) {
    doc.font('Helvetica').fontSize(11).text(`Passing score ${report.passingScore}/100`)
  }

  if (report.sections.length > 0) {
    doc.moveDown().font('Helvetica-Bold').fontSize(14).text('Sections')
    doc.font('Helvetica').fontSize(11)
    for (const section of report.sections) doc.text(`${section.name}: ${section.score}/100`)
  }

  doc.moveDown().font('Helvetica-Bold').fontSize(14).text('Summary')
  doc.font('Helvetica').fontSize(11).text(report.summary)
  doc.end()
  return done
}
