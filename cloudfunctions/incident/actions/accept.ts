import { incidentContract } from '@shared/incident/incident.contract'
import { HANDLER_LEVEL_LABELS } from '@shared/incident/incident.schema'
import { transitionAction } from '../incident.transition'

export const accept = transitionAction(incidentContract.actions.accept, {
  transition: ({ note }) => ({
    kind: { action: 'accept' },
    note,
    tell: (inc) => ({
      title: '事件已受理',
      body: `您上报的事（${inc.code}）已由${HANDLER_LEVEL_LABELS[inc.level]}受理，正在处理。`,
    }),
  }),
})
