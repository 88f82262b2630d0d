import { incidentContract } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { stepAction } from '../move-action'

/** The department reports back; the dispatch centre then closes (依责销号). */
export const feedback = legacyAction(
  incidentContract.actions.feedback,
  stepAction(async ({ note, photos }, ctx) => ({
    kind: { move: 'feedback' },
    note,
    photos,
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
  })),
)
