import { createScratchDatabase, LOCAL_POSTGRES, type ScratchDatabase } from '@baton/testing'
import { onInterrupt } from './cleanup'

/** A fresh `baton_chaos_<random>` database on `server`, dropped also if the run is interrupted. */
export async function createScenarioDatabase(server = LOCAL_POSTGRES): Promise<ScratchDatabase> {
  const db = await createScratchDatabase('baton_chaos', server)
  const unregister = onInterrupt(db.drop)
  return {
    ...db,
    drop: async () => {
      unregister()
      await db.drop()
    },
  }
}
