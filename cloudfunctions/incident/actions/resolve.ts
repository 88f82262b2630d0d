import { incidentContract } from '@shared/incident/incident.contract'
import { transitionAction } from '../incident.transition'

export const resolve = transitionAction(incidentContract.actions.resolve, {
  transition: ({ note }) => ({
    kind: { action: 'resolve' },
    note,
    tell: (inc) => ({
      title: '事件已办结，请评价',
      body: `您上报的事（${inc.code}）已办结：${note}。请告诉我们您是否满意。`,
    }),
  }),
})
