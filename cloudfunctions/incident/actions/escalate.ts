import { incidentContract } from '@shared/incident/incident.contract'
import { HANDLER_LEVEL_LABELS } from '@shared/incident/incident.schema'
import { transitionAction } from '../incident.transition'

/** 吹哨: one level up (grid → village → township dispatch centre). */
export const escalate = transitionAction(incidentContract.actions.escalate, {
  transition: ({ note }) => ({
    kind: { action: 'escalate' },
    note,
    tell: (inc) => ({
      title: '事件已上报上级',
      body: `您上报的事（${inc.code}）已上报到${HANDLER_LEVEL_LABELS[inc.level]}处理。`,
    }),
  }),
})
