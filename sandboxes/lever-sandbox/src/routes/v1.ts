import express, { Router } from 'express'
import type { SandboxContext } from '../context'
import { renderLeverError, unknownPath } from '../http/errors'
import { applicationsRouter } from './applications.route'
import { archiveReasonsRouter } from './archive-reasons.route'
import { feedbackTemplatesRouter } from './feedback-templates.route'
import { feedbackRouter } from './feedback.route'
import { filesRouter } from './files.route'
import { notesRouter } from './notes.route'
import { opportunitiesRouter } from './opportunities.route'
import { opportunityUpdatesRouter } from './opportunity-updates.route'
import { postingsRouter } from './postings.route'
import { stagesRouter } from './stages.route'
import { usersRouter } from './users.route'
import { webhooksRouter } from './webhooks.route'

/** The Lever Data API v1 lookalike, mounted at `/v1`. */
export function v1Router(ctx: SandboxContext): Router {
  const router = Router()
  router.use(express.json({ limit: '1mb' }))
  for (const build of [
    opportunitiesRouter,
    opportunityUpdatesRouter,
    applicationsRouter,
    notesRouter,
    filesRouter,
    feedbackTemplatesRouter,
    feedbackRouter,
    postingsRouter,
    stagesRouter,
    usersRouter,
    archiveReasonsRouter,
    webhooksRouter,
  ]) {
    router.use(build(ctx))
  }
  router.use(unknownPath)
  router.use(renderLeverError)
  return router
}
