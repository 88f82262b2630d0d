import { incidentContract } from '@shared/incident/incident.contract'
import { taskAction } from '../incident.tasks'

/** 部门报到: a department takes on its part of a whistled case (its response time is counted to here). */
export const reportIn = taskAction(incidentContract.actions.reportIn, 'report_in')
