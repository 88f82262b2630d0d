import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { pushReminders } from './reminders'
import { defineFunction } from '../_core/wrap'
import { cancelSignup } from './actions/cancel-signup'
import { checkIn, checkOut } from './actions/check-in'
import { confirmAttendance } from './actions/confirm-attendance'
import { createRequest } from './actions/create-request'
import { decideOrg } from './actions/decide-org'
import { figures } from './actions/figures'
import { getTask } from './actions/get-task'
import { listOrgs } from './actions/list-orgs'
import { listSignups } from './actions/list-signups'
import { listTasks } from './actions/list-tasks'
import { myHours } from './actions/my-hours'
import { myInbox } from './actions/my-inbox'
import { myOrgs } from './actions/my-orgs'
import { confirmRequest, myRequests, publicRequests, withdrawRequest } from './actions/my-requests'
import { orgTasks } from './actions/org-tasks'
import { completeRequest, openRequests, takeRequest } from './actions/org-requests'
import { publishTask } from './actions/publish-task'
import { registerOrg } from './actions/register-org'
import { signup } from './actions/signup'
import { taskCode } from './actions/task-code'
import { reviewRequest, verifyRequest, villageRequests } from './actions/village-requests'

export const volunteerFunction = defineFunction(
  volunteerContract,
  {
    registerOrg,
    decideOrg,
    listOrgs,
    myOrgs,
    publishTask,
    listTasks,
    orgTasks,
    getTask,
    signup,
    cancelSignup,
    checkIn,
    checkOut,
    taskCode,
    listSignups,
    confirmAttendance,
    myHours,
    myInbox,
    createRequest,
    myRequests,
    withdrawRequest,
    confirmRequest,
    publicRequests,
    villageRequests,
    reviewRequest,
    verifyRequest,
    openRequests,
    takeRequest,
    completeRequest,
    figures,
  },
  {
    pushReminders: { everyMinutes: 30, run: (rt, now) => pushReminders(rt, now) },
  },
)
