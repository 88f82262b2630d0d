import { incidentContract } from '@shared/incident/incident.contract'
import { taskAction } from '../incident.tasks'

/** A department reports back on its part; when every department holding the case has, the centre closes (依责销号). */
export const feedback = taskAction(incidentContract.actions.feedback, 'feedback')
