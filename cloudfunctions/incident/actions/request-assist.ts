import { incidentContract } from '@shared/incident/incident.contract'
import { taskAction } from '../incident.tasks'

/** 协办: a department asks for another's help on its part; the centre is told and dispatches the helper. */
export const requestAssist = taskAction(incidentContract.actions.requestAssist, 'assist')
