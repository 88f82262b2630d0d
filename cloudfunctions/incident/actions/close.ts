import { incidentContract } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { stepAction } from '../move-action'

/** 依责销号: the dispatch centre closes; the reporter is asked to rate. */
export const close = legacyAction(
  incidentContract.actions.close,
  stepAction(async ({ note, photos }) => ({
    kind: { move: 'close' },
    note,
    photos,
    tell: (inc) => ({
      title: '事件已办结，请评价',
      body: `您上报的事（${inc.code}）已办结：${note}。请告诉我们您是否满意。`,
    }),
  })),
)
