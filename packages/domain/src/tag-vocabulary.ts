import {
  ASSESSMENT_PLACEHOLDER,
  BRAND_PLACEHOLDER,
  mergeTemplates,
  STAGE_PLACEHOLDER,
  type Band,
  type StatusTag,
  type TagTemplateOverrides,
} from './tag-templates'

/**
 * A tenant's tags with the brand filled in: the exact texts Baton writes and the patterns it
 * parses. Build it with {@link vocabulary}.
 */
export interface TagVocabulary {
  brand: string
  /** Posting tag: invite on application. */
  screening: string
  /** Alternative spelling of {@link TagVocabulary.screening}. */
  screeningAlias: string
  /** Posting tag: never send assessments for this posting. */
  skipAssessment: string
  /** Opportunity tag overriding skip-assessment and blocked origins. */
  sendTests: string
  status: Record<StatusTag, string>
  band: Record<Band, string>
  /** Assessment mapping template with the brand filled in, `{assessment}` still open. */
  assessmentTemplate: string
  /** Stage-specific trigger template with the brand filled in, `{stage}` still open. */
  stageTriggerTemplate: string
}

const fill = (template: string, brand: string) => template.split(BRAND_PLACEHOLDER).join(brand)

const fillAll = <K extends string>(templates: Record<K, string>, brand: string) =>
  Object.fromEntries(
    Object.entries<string>(templates).map(([k, t]) => [k, fill(t, brand)]),
  ) as Record<K, string>

/**
 * The tag vocabulary for `brand`, from the default templates of product.md §2 with a tenant's
 * `overrides` laid over them.
 */
export function vocabulary(brand: string, overrides?: TagTemplateOverrides): TagVocabulary {
  const t = mergeTemplates(overrides)
  return {
    brand,
    screening: fill(t.screening, brand),
    screeningAlias: fill(t.screeningAlias, brand),
    skipAssessment: fill(t.skipAssessment, brand),
    sendTests: fill(t.sendTests, brand),
    status: fillAll(t.status, brand),
    band: fillAll(t.band, brand),
    assessmentTemplate: fill(t.assessment, brand),
    stageTriggerTemplate: fill(t.stageTrigger, brand),
  }
}

/** The vocabulary of a tenant's settings (`brand` and `tagTemplates`). */
export function vocabularyFor(settings: {
  brand: string
  tagTemplates?: TagTemplateOverrides
}): TagVocabulary {
  return vocabulary(settings.brand, settings.tagTemplates)
}

/** The exact assessment mapping tag for `assessment`, e.g. `Acme Assessment - Data Analyst`. */
export function assessmentTag(vocab: TagVocabulary, assessment: string): string {
  return vocab.assessmentTemplate.replace(ASSESSMENT_PLACEHOLDER, () => assessment)
}

/** The exact stage-specific trigger tag for `stage`, e.g. `Acme Assessment Stage - Phone Screen`. */
export function stageTriggerTag(vocab: TagVocabulary, stage: string): string {
  return vocab.stageTriggerTemplate.replace(STAGE_PLACEHOLDER, () => stage)
}
