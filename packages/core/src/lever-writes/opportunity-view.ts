import type { LeverClient, LeverOpportunity } from '@baton/lever'

/**
 * What Baton last learned of one opportunity's tags, links and stage. Every opportunity write
 * answers with the whole opportunity, so the tags a write-back adds first also tell the later
 * steps whether the link and the stage are there: one answer serves several read-backs. A write
 * that fails leaves the state unknown, and the next read fetches it (one GET).
 */
export class OpportunityView {
  private known: LeverOpportunity | null

  constructor(
    private readonly lever: LeverClient,
    readonly id: string,
    known: LeverOpportunity | null = null,
  ) {
    this.known = known
  }

  /** The last state Baton knows without asking, or null. */
  get latest(): LeverOpportunity | null {
    return this.known
  }

  /** The current state: the last one known, else read from Lever. */
  async current(): Promise<LeverOpportunity> {
    this.known ??= await this.lever.opportunities.get(this.id)
    return this.known
  }

  /** Sends a write whose answer is the updated opportunity, and keeps that answer. */
  async write(send: (lever: LeverClient) => Promise<LeverOpportunity>): Promise<LeverOpportunity> {
    this.known = null
    this.known = await send(this.lever)
    return this.known
  }
}
