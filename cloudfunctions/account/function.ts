import { accountContract } from '@shared/account/account.contract'
import { defineFunction } from '../_core/wrap'
import { createInvite } from './actions/create-invite'
import { decideConsoleLogin } from './actions/decide-console-login'
import { decideJoinRequest } from './actions/decide-join-request'
import { getConsoleLogin } from './actions/get-console-login'
import { getMe } from './actions/get-me'
import { listHouseholdMembers } from './actions/list-household-members'
import { listHouseholds } from './actions/list-households'
import { listJoinRequests } from './actions/list-join-requests'
import { listMembers } from './actions/list-members'
import { listPushRecords } from './actions/list-push-records'
import { listUnits } from './actions/list-units'
import { myInbox } from './actions/my-inbox'
import { redeemInvite } from './actions/redeem-invite'
import { requestJoin } from './actions/request-join'
import { revokeMembership } from './actions/revoke-membership'
import { setLang } from './actions/set-lang'
import { setResidence } from './actions/set-residence'
import { signOutEverywhere } from './actions/sign-out-everywhere'
import { withdrawJoinRequest } from './actions/withdraw-join-request'

export const accountFunction = defineFunction(accountContract, {
  getMe,
  setLang,
  listUnits,
  listHouseholds,
  setResidence,
  requestJoin,
  withdrawJoinRequest,
  listJoinRequests,
  decideJoinRequest,
  listHouseholdMembers,
  revokeMembership,
  myInbox,
  createInvite,
  redeemInvite,
  listMembers,
  getConsoleLogin,
  decideConsoleLogin,
  signOutEverywhere,
  listPushRecords,
})
