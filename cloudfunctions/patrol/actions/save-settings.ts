import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolSettingsSchema } from '@shared/patrol/patrol.schema'
import { C } from '../../_core/collections'
import { getOr } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { mustBeVillage } from '../patrol.repo'
import { settingsView } from '../patrol.views'
import { audit } from '../../_core/audit'

/**
 * Changes the village's patrol rules (the coverage a patrol needs to earn hours and points). Nothing is edited in
 * place: each change is a new document with its author, time and reason, and patrols started from now on are
 * judged by it (a patrol keeps the threshold it started under).
 */
export const saveSettings = defineAction(patrolContract.actions.saveSettings, {
  load: async ({ villageId }, ctx) => ({ unitId: villageId, village: await ctx.rt.units.get(villageId) }),
  texts: ({ reason }) => [reason],
  run: async ({ input: { villageId, coveragePct, reason }, loaded, tx, ctx }) => {
    mustBeVillage(loaded.village)
    const settings = PatrolSettingsSchema.parse({
      _id: ctx.newId('pst'),
      villageId,
      coveragePct,
      reason,
      by: ctx.caller.user._id,
      at: ctx.now,
    })
    await tx.insert(C.patrol_settings, settings)
    await audit(tx, ctx, { what: 'patrol.settings', unitId: villageId, subjectId: villageId, after: settings })
    return { settingsId: settings._id }
  },
  present: async ({ result, ctx }) =>
    settingsView(
      ctx.db,
      await getOr(ctx.db, C.patrol_settings, result.settingsId, PatrolErrors.UNIT_NOT_FOUND),
      ctx.lang,
    ),
})
