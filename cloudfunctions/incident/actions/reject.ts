import { incidentContract } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { stepAction } from '../move-action'

export const reject = legacyAction(
  incidentContract.actions.reject,
  stepAction(async ({ note, photos }) => ({
    kind: { move: 'reject' },
    note,
    photos,
    tell: (inc) => ({ title: '事件被退回', body: `您上报的事（${inc.code}）被退回，理由：${note}` }),
  })),
)
