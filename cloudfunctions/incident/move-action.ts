import type { z } from 'zod'
import type { ActionDef } from '@shared/contract'
import type { InboxMessage, Incident, TransitionOutputSchema } from '@shared/incident/incident.schema'
import { STATUS_META } from '@shared/incident/incident.states'
import type { ActionContext, LegacyAction } from '../_core/wrap'
import { adoptPhotos, loadIncident, pushAfter } from './store'
import { noticeForMove } from './handlers'
import { applyStep, type Step } from './step'

type Out = z.input<typeof TransitionOutputSchema>

/** The permission of a handling step is checked in the unit holding the incident now. */
export async function holderScope(input: { incidentId: string }, ctx: ActionContext): Promise<string> {
  return (await loadIncident(ctx, input.incidentId)).handlerUnitId
}

/**
 * A handling step as an action: adopt the photos, run the step in the one transaction, push the
 * messages after it committed. `build` turns the input into the step (and may check more first).
 */
export function stepAction<A extends ActionDef>(
  build: (
    input: z.output<A['input']>,
    ctx: ActionContext,
    inc: Incident,
  ) => Promise<Omit<Step, 'by' | 'now' | 'photos'> & { photos?: string[] }>,
  scope: (input: z.output<A['input']>, ctx: ActionContext) => Promise<string> = holderScope as never,
): LegacyAction<A> {
  return {
    scope,
    run: async (input, ctx) => {
      const { incidentId } = input as { incidentId: string }
      const inc = await loadIncident(ctx, incidentId)
      const partial = await build(input, ctx, inc)
      const photos = await adoptPhotos(ctx, partial.photos ?? [])
      const notice =
        'move' in partial.kind
          ? await noticeForMove(ctx.rt, inc, partial.kind.move, partial.patch?.(inc) ?? {}, ctx.caller.user._id)
          : null
      // the transaction returns exactly the output (a repeat replays it); pushes go out only after a real commit
      let messages: InboxMessage[] = []
      const out = await ctx.transact(async (tx): Promise<Out> => {
        const r = await applyStep(tx, incidentId, {
          ...partial,
          photos,
          notice,
          now: ctx.now,
          by: { userId: ctx.caller.user._id, name: ctx.caller.user.name },
        })
        messages = r.messages
        return {
          id: r.incident._id,
          status: r.incident.status,
          statusLabel: STATUS_META[r.incident.status].label,
          level: r.incident.level,
        }
      })
      await pushAfter(ctx.rt, messages)
      return out as z.input<A['output']>
    },
  }
}
