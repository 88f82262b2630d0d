import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { defineFunction } from '../_core/wrap'
import { cancelSignup } from './actions/cancel-signup'
import { checkIn } from './actions/check-in'
import { checkOut } from './actions/check-out'
import { completeNeed } from './actions/complete-need'
import { confirmAttendance } from './actions/confirm-attendance'
import { confirmNeed } from './actions/confirm-need'
import { createNeed } from './actions/create-need'
import { decideOrg } from './actions/decide-org'
import { getFigures } from './actions/get-figures'
import { getTask } from './actions/get-task'
import { getTaskCode } from './actions/get-task-code'
import { listOpenNeeds } from './actions/list-open-needs'
import { listOrgTasks } from './actions/list-org-tasks'
import { listOrgs } from './actions/list-orgs'
import { listPublicNeeds } from './actions/list-public-needs'
import { listSignups } from './actions/list-signups'
import { listTasks } from './actions/list-tasks'
import { listVillageNeeds } from './actions/list-village-needs'
import { myHours } from './actions/my-hours'
import { myInbox } from './actions/my-inbox'
import { myNeeds } from './actions/my-needs'
import { myOrgs } from './actions/my-orgs'
import { publishTask } from './actions/publish-task'
import { registerOrg } from './actions/register-org'
import { reviewNeed } from './actions/review-need'
import { signup } from './actions/signup'
import { takeNeed } from './actions/take-need'
import { verifyNeed } from './actions/verify-need'
import { withdrawNeed } from './actions/withdraw-need'
import { pushReminders } from './volunteer.timers'

export const volunteerFunction = defineFunction(
  volunteerContract,
  {
    registerOrg,
    decideOrg,
    listOrgs,
    myOrgs,
    publishTask,
    listTasks,
    listOrgTasks,
    getTask,
    signup,
    cancelSignup,
    checkIn,
    checkOut,
    getTaskCode,
    listSignups,
    confirmAttendance,
    myHours,
    myInbox,
    createNeed,
    myNeeds,
    withdrawNeed,
    confirmNeed,
    listPublicNeeds,
    listVillageNeeds,
    reviewNeed,
    verifyNeed,
    listOpenNeeds,
    takeNeed,
    completeNeed,
    getFigures,
  },
  {
    pushReminders: { everyMinutes: 30, run: (rt, now) => pushReminders(rt, now) },
  },
)
