import { incidentContract } from '@shared/incident/incident.contract'
import { transitionAction } from '../incident.transition'

/** 依责销号: the dispatch centre closes; the reporter is asked to rate. */
export const close = transitionAction(incidentContract.actions.close, {
  transition: ({ note }) => ({
    kind: { action: 'close' },
    note,
    tell: (inc) => ({
      title: '事件已办结，请评价',
      body: `您上报的事（${inc.code}）已办结：${note}。请告诉我们您是否满意。`,
    }),
  }),
})
