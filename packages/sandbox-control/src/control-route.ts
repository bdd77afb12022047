/** One route of a sandbox's control API, as `GET /_sandbox` lists it. */
export interface ControlRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Under `/_sandbox`. */
  path: string
  /** Query parameters, when it takes any. */
  query: string | null
  /** The JSON body, when it takes one (`?` marks an optional field, `=` its default). */
  body: string | null
  purpose: string
}

/** A {@link ControlRoute} from its path under `/_sandbox` and, when it takes them, query and body. */
export const controlRoute = (
  method: ControlRoute['method'],
  path: string,
  purpose: string,
  input: { query?: string; body?: string } = {},
): ControlRoute => ({
  method,
  path: `/_sandbox${path}`,
  query: input.query ?? null,
  body: input.body ?? null,
  purpose,
})
