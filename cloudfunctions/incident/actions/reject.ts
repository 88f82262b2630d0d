import { incidentContract } from '@shared/incident/incident.contract'
import { transitionAction } from '../incident.transition'

export const reject = transitionAction(incidentContract.actions.reject, {
  transition: ({ note }) => ({
    kind: { action: 'reject' },
    note,
    tell: (inc) => ({ title: '事件被退回', body: `您上报的事（${inc.code}）被退回，理由：${note}` }),
  }),
})
