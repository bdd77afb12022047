import { z } from 'zod'
import { seg, type LeverHttp } from '../http/lever-http'
import { paginate } from '../http/paginate'

/** A pipeline stage; built-in ids such as `lead-new` are not UUIDs. */
export const stageSchema = z.looseObject({ id: z.string(), text: z.string().nullish() })
export type LeverStage = z.output<typeof stageSchema>

/** `/stages`: per-customer pipelines, listed in pipeline order. */
export function stagesResource(http: LeverHttp) {
  return {
    /** All stages in pipeline order, fetched lazily (`collect` drains them). */
    list(): AsyncGenerator<LeverStage, void, undefined> {
      return paginate(http, { path: '/stages' }, stageSchema)
    },

    get(id: string): Promise<LeverStage> {
      return http.request({ method: 'GET', path: `/stages/${seg(id)}` }, stageSchema)
    },
  }
}

export type StagesResource = ReturnType<typeof stagesResource>
