import { incidentContract } from '@shared/incident/incident.contract'
import { taskAction } from '../incident.tasks'

/** 双向流转: a department hands its part back as not its own, with the reason; the centre dispatches again. */
export const returnTask = taskAction(incidentContract.actions.returnTask, 'return')
