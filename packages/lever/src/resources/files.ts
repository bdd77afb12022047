import { z } from 'zod'
import { seg, type LeverHttp } from '../http/lever-http'
import { multipartFileBody } from '../http/multipart-body'
import { paginate } from '../http/paginate'
import { performAsQuery, type RequiredPerformAs } from './perform-as'

/** Lever documents `uploadedAt` and `size` as strings but sends numbers too (§6.7). */
const numberish = z.union([z.number(), z.string()]).nullish()

/** An opportunity file. */
export const fileSchema = z.looseObject({
  id: z.string(),
  downloadUrl: z.string().nullish(),
  ext: z.string().nullish(),
  name: z.string().nullish(),
  uploadedAt: numberish,
  status: z.string().nullish(),
  size: numberish,
})
export type LeverFile = z.output<typeof fileSchema>

/** A file to attach: 30 MB at most; docx, doc, js, jpg, png, pdf or txt. */
export interface FileUpload {
  filename: string
  contentType: string
  /** The file, whole or in the parts it was read in (sent in order, never joined). */
  content: Buffer | readonly Buffer[]
}

/** `/opportunities/:id/files` (not `/uploads`, which holds temporary apply-flow files). */
export function filesResource(http: LeverHttp) {
  const path = (opportunityId: string) => `/opportunities/${seg(opportunityId)}/files`
  return {
    /**
     * Uploads one file as multipart field `file` (perform_as required). The body is streamed from
     * `file.content` without copying it. Not idempotent: retried only when Lever surely did not
     * get it.
     */
    upload(
      opportunityId: string,
      file: FileUpload,
      options: RequiredPerformAs,
    ): Promise<LeverFile> {
      return http.request(
        {
          method: 'POST',
          path: path(opportunityId),
          query: performAsQuery(options),
          stream: multipartFileBody('file', file),
        },
        fileSchema,
      )
    },

    /** Every file of the opportunity, fetched lazily. */
    list(opportunityId: string): AsyncGenerator<LeverFile, void, undefined> {
      return paginate(http, { path: path(opportunityId) }, fileSchema)
    },
  }
}

export type FilesResource = ReturnType<typeof filesResource>
