import { incidentContract } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { stepAction } from '../move-action'
import { levelLabel } from '../step'

export const accept = legacyAction(
  incidentContract.actions.accept,
  stepAction(async ({ note, photos }) => ({
    kind: { move: 'accept' },
    note,
    photos,
    tell: (inc) => ({
      title: '事件已受理',
      body: `您上报的事（${inc.code}）已由${levelLabel(inc.level)}受理，正在处理。`,
    }),
  })),
)
