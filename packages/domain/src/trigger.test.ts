import { defaultTriggerStage } from './default-trigger-stage'
import { vocabulary } from './tag-vocabulary'
import {
  describeEvent,
  describeTrigger,
  eventTriggersInvitation,
  resolveTrigger,
  type Trigger,
} from './trigger'

const acme = vocabulary('Acme')
const stages = [
  { id: 'lead-new', text: 'New Lead' },
  { id: 'stage-phone', text: 'Phone Screen' },
  { id: 'stage-hm', text: 'Hiring Manager Review' },
  { id: 'stage-onsite', text: 'On-site Interview' },
]
const tenant = { triggerStageId: 'stage-onsite', inviteOnApplication: false }

describe('defaultTriggerStage', () => {
  it('finds the stage named "On-site Interview", case and spacing ignored', () => {
    expect(defaultTriggerStage(stages)).toBe('stage-onsite')
    expect(defaultTriggerStage([{ id: 's', text: ' on-site   INTERVIEW' }])).toBe('s')
  })

  it('is null when the account has no such stage', () => {
    expect(defaultTriggerStage([{ id: 'x', text: 'Onsite' }])).toBeNull()
    expect(defaultTriggerStage([])).toBeNull()
  })
})

describe('resolveTrigger', () => {
  it('prefers a stage-specific posting tag, matching the stage name loosely', () => {
    const tags = ['Acme: Screening', 'acme assessment stage -  hiring manager   review']
    expect(resolveTrigger(acme, tags, stages, { ...tenant, inviteOnApplication: true })).toEqual({
      kind: 'stage',
      stageId: 'stage-hm',
      source: 'postingStageTag',
    })
  })

  it('takes the first stage tag that names a known stage', () => {
    const tags = [
      'Acme Assessment Stage - Nowhere',
      'Acme Assessment Stage - Phone Screen',
      'Acme Assessment Stage - On-site Interview',
    ]
    expect(resolveTrigger(acme, tags, stages, tenant)).toMatchObject({ stageId: 'stage-phone' })
  })

  it('resolves to none when every stage tag names an unknown stage', () => {
    const trigger = resolveTrigger(
      acme,
      ['Acme Assessment Stage - Nowhere', 'Acme: Screening'],
      stages,
      tenant,
    )
    expect(trigger).toEqual({
      kind: 'none',
      why: 'the posting\'s stage tag names no Lever stage ("Nowhere")',
    })
  })

  it('invites on application for the screening tag or its alias', () => {
    expect(resolveTrigger(acme, ['ACME:  screening'], stages, tenant)).toEqual({
      kind: 'application',
      source: 'postingScreeningTag',
    })
    expect(resolveTrigger(acme, ['Acme - On Application'], stages, tenant)).toEqual({
      kind: 'application',
      source: 'postingScreeningTag',
    })
  })

  it("invites on application when that is the tenant's default", () => {
    expect(resolveTrigger(acme, [], stages, { ...tenant, inviteOnApplication: true })).toEqual({
      kind: 'application',
      source: 'tenantInviteOnApplication',
    })
  })

  it("falls back to the tenant's trigger stage", () => {
    expect(resolveTrigger(acme, ['Full-time', 'Acme Assessment - SQL'], stages, tenant)).toEqual({
      kind: 'stage',
      stageId: 'stage-onsite',
      source: 'tenantTriggerStage',
    })
  })

  it('is none when nothing applies', () => {
    const trigger = resolveTrigger(acme, [], stages, {
      triggerStageId: null,
      inviteOnApplication: false,
    })
    expect(trigger.kind).toBe('none')
  })

  it('reads tags of the tenant brand only', () => {
    const zeta = vocabulary('Zeta')
    expect(resolveTrigger(zeta, ['Acme: Screening'], stages, tenant).kind).toBe('stage')
    expect(resolveTrigger(zeta, ['Zeta: Screening'], stages, tenant).kind).toBe('application')
  })
})

describe('eventTriggersInvitation', () => {
  const stage: Trigger = { kind: 'stage', stageId: 'stage-onsite', source: 'tenantTriggerStage' }
  const application: Trigger = { kind: 'application', source: 'postingScreeningTag' }
  const none: Trigger = { kind: 'none', why: 'x' }

  it('fires a stage trigger on entering that stage only', () => {
    expect(eventTriggersInvitation(stage, { type: 'stageChange', toStageId: 'stage-onsite' })).toBe(
      true,
    )
    expect(eventTriggersInvitation(stage, { type: 'stageChange', toStageId: 'stage-phone' })).toBe(
      false,
    )
    expect(eventTriggersInvitation(stage, { type: 'applicationCreated' })).toBe(false)
  })

  it('fires an application trigger on application only', () => {
    expect(eventTriggersInvitation(application, { type: 'applicationCreated' })).toBe(true)
    expect(
      eventTriggersInvitation(application, { type: 'stageChange', toStageId: 'stage-onsite' }),
    ).toBe(false)
  })

  it('always fires for the Send Tests scan', () => {
    for (const t of [stage, application, none]) {
      expect(eventTriggersInvitation(t, { type: 'sendTestsScan' })).toBe(true)
    }
  })

  it('fires the gap scan for opportunities sitting in their trigger stage', () => {
    expect(eventTriggersInvitation(stage, { type: 'gapScan', stageId: 'stage-onsite' })).toBe(true)
    expect(eventTriggersInvitation(stage, { type: 'gapScan', stageId: 'stage-phone' })).toBe(false)
    expect(eventTriggersInvitation(application, { type: 'gapScan', stageId: 'stage-onsite' })).toBe(
      false,
    )
  })

  it('never fires a none trigger on Lever events', () => {
    expect(eventTriggersInvitation(none, { type: 'applicationCreated' })).toBe(false)
    expect(eventTriggersInvitation(none, { type: 'stageChange', toStageId: 'stage-onsite' })).toBe(
      false,
    )
  })
})

describe('descriptions', () => {
  it('describe triggers and events', () => {
    expect(describeTrigger({ kind: 'stage', stageId: 's1', source: 'postingStageTag' })).toBe(
      'entering stage s1 (posting stage tag)',
    )
    expect(describeTrigger({ kind: 'application', source: 'tenantInviteOnApplication' })).toBe(
      'on application (tenant default)',
    )
    expect(describeTrigger({ kind: 'none', why: 'no stage' })).toBe('never: no stage')
    expect(describeEvent({ type: 'stageChange', toStageId: 's1' })).toBe('stage change to s1')
    expect(describeEvent({ type: 'gapScan', stageId: 's1' })).toBe('gap scan in stage s1')
  })
})
