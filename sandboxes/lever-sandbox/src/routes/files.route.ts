import { randomUUID } from 'node:crypto'
import { extname } from 'node:path'
import { Router, type Request, type Response } from 'express'
import multer from 'multer'
import { touch } from '../actions/events'
import type { SandboxContext } from '../context'
import { loadOpportunity, performAs } from '../http/access'
import { badRequest, LeverError, notFound } from '../http/errors'
import { guard, originOf } from '../http/guard'
import { paginate } from '../http/pagination'
import type { Opportunity, StoredFile } from '../state/types'

const MAX_BYTES = 30 * 1024 * 1024

/** Lever's accepted formats (lever-api.md §6.7); images upload but are never parsed. */
const FORMATS: Record<string, { mimeType: string; parsed: boolean }> = {
  '.docx': {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    parsed: true,
  },
  '.doc': { mimeType: 'application/msword', parsed: true },
  '.js': { mimeType: 'application/javascript', parsed: true },
  '.jpg': { mimeType: 'image/jpeg', parsed: false },
  '.png': { mimeType: 'image/png', parsed: false },
  '.pdf': { mimeType: 'application/pdf', parsed: true },
  '.txt': { mimeType: 'text/plain', parsed: true },
}

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_BYTES, files: 1 },
})

/** Runs multer, turning its errors into Lever-shaped ones. */
function receiveFile(req: Request, res: Response): Promise<Express.Multer.File | undefined> {
  return new Promise((resolve, reject) => {
    upload.single('file')(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        reject(
          err.code === 'LIMIT_FILE_SIZE'
            ? new LeverError(413, 'File exceeds the 30 MB limit')
            : badRequest(`Invalid upload: ${err.message}`),
        )
      } else if (err) reject(err)
      else resolve(req.file)
    })
  })
}

/** Files on an opportunity: multipart upload in field `file`, list, download, delete. */
export function filesRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  const present = (req: Request, file: StoredFile) => ({
    id: file.id,
    downloadUrl: `${originOf(req)}/v1/opportunities/${file.opportunityId}/files/${file.id}/download`,
    ext: file.ext,
    name: file.name,
    uploadedAt: file.uploadedAt,
    status: file.status,
    size: file.content.length,
  })
  const loadFile = (req: Request, opportunity: Opportunity) => {
    const file = state.files.get(String(req.params.fileId))
    if (!file || file.opportunityId !== opportunity.id)
      throw notFound('File', String(req.params.fileId))
    return file
  }

  router.post('/opportunities/:id/files', guard(ctx, 'files'), async (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    const userId = performAs(ctx, req, true) as string
    const received = await receiveFile(req, res)
    if (!received) throw badRequest('A multipart field named "file" is required')
    const ext = extname(received.originalname).toLowerCase()
    const format = FORMATS[ext]
    if (!format) throw badRequest(`Unsupported file format ${ext || '(none)'}`)
    const file: StoredFile = {
      id: randomUUID(),
      opportunityId: opportunity.id,
      name: received.originalname,
      ext,
      mimeType: format.mimeType,
      content: received.buffer,
      status: format.parsed ? 'processed' : 'unsupported',
      userId,
      createdVia: 'api',
      uploadedAt: Date.now(),
    }
    state.files.set(file.id, file)
    touch(opportunity)
    res.status(201).json({ data: present(req, file) })
  })

  router.get('/opportunities/:id/files', guard(ctx, 'files'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    const rows = [...state.files.values()].filter((file) => file.opportunityId === opportunity.id)
    const page = paginate(
      state,
      req,
      rows,
      (file) => `${String(file.uploadedAt).padStart(16, '0')}:${file.id}`,
    )
    res.json({ ...page, data: page.data.map((file) => present(req, file)) })
  })

  router.get('/opportunities/:id/files/:fileId', guard(ctx, 'files'), (req, res) => {
    res.json({ data: present(req, loadFile(req, loadOpportunity(ctx, req, res))) })
  })

  router.get('/opportunities/:id/files/:fileId/download', guard(ctx, 'files'), (req, res) => {
    const file = loadFile(req, loadOpportunity(ctx, req, res))
    if (file.status === 'error') throw new LeverError(422, 'File processing failed')
    res.type(file.mimeType).attachment(file.name).send(file.content)
  })

  router.delete('/opportunities/:id/files/:fileId', guard(ctx, 'files'), (req, res) => {
    const file = loadFile(req, loadOpportunity(ctx, req, res))
    performAs(ctx, req, true)
    state.files.delete(file.id)
    res.status(204).end()
  })

  return router
}
