import { IncidentErrors } from '@shared/incident/incident.contract'
import { slotLabel } from '@shared/incident/incident.labels'
import type { GridRound, RoundSlot, RoundView } from '@shared/incident/incident.schema'
import { bjMinuteOfDay } from '@shared/time/beijing'
import { C } from '../_core/collections'
import { stableId } from '../_core/ids'
import { getOr, type DataPort, type TxStore } from '../_core/port'
import type { ActionContext } from '../_core/wrap'

/**
 * 一日两巡: a grid's morning and afternoon rounds (the slot by Beijing time: before noon the morning's). One round
 * per grid, day and slot (a deterministic id), walked by whoever started it; visits (五访五问) are kept on the round
 * with a short note. Notes are the grid's handlers' only: every round action is checked in the round's grid.
 */
export function slotAt(now: number): RoundSlot {
  return bjMinuteOfDay(now) < 12 * 60 ? 'morning' : 'afternoon'
}

export function roundId(gridId: string, day: string, slot: RoundSlot): string {
  return stableId('rd', gridId, day, slot)
}

export function loadRound(db: Pick<DataPort, 'get'> | TxStore, id: string): Promise<GridRound> {
  return getOr(db, C.grid_rounds, id, IncidentErrors.ROUND_NOT_FOUND)
}

/** The round as its grid's handlers see it, with the grid's households to pick the next visit from. */
export async function roundView(ctx: Pick<ActionContext, 'rt' | 'db' | 'lang'>, r: GridRound): Promise<RoundView> {
  const households = await ctx.db.find(C.households, {
    where: { gridId: r.gridId },
    orderBy: [['headName', 'asc']],
    limit: 500,
  })
  return {
    id: r._id,
    grid: (await ctx.rt.units.ref(r.gridId))!,
    day: r.day,
    slot: r.slot,
    slotLabel: slotLabel(r.slot, ctx.lang),
    byName: r.byName,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    visits: r.visits,
    households: households.map((h) => ({ id: h._id, name: h.headName, address: h.address })),
  }
}
