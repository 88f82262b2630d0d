import { incidentContract } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { stepAction } from '../move-action'
import { levelLabel } from '../step'

/** 吹哨: one level up (grid → village → township dispatch centre). */
export const escalate = legacyAction(
  incidentContract.actions.escalate,
  stepAction(async ({ note, photos }) => ({
    kind: { move: 'escalate' },
    note,
    photos,
    tell: (inc) => ({
      title: '事件已上报上级',
      body: `您上报的事（${inc.code}）已上报到${levelLabel(inc.level)}处理。`,
    }),
  })),
)
