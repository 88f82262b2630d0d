import { incidentContract } from '@shared/incident/incident.contract'
import { transitionAction } from '../incident.transition'

/** The department reports back; the dispatch centre then closes (依责销号). */
export const feedback = transitionAction(incidentContract.actions.feedback, {
  transition: ({ note }, _loaded, ctx) => ({
    kind: { action: 'feedback' },
    note,
    counters: (inc) =>
      inc.departmentId
        ? [
            [
              [inc.departmentId],
              {
                reportedBack: 1,
                reportedBackOnTime: inc.dispatchDeadline !== null && ctx.now <= inc.dispatchDeadline ? 1 : 0,
              },
            ],
          ]
        : [],
    tell: (inc) => ({ title: '部门已反馈', body: `您上报的事（${inc.code}）职能部门已处理并反馈，等待综治中心销号。` }),
  }),
})
