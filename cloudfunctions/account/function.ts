import { accountContract } from '@shared/account/account.contract'
import { defineFunction } from '../_core/wrap'
import { createInvite } from './actions/create-invite'
import { getMe } from './actions/get-me'
import { listHouseholds } from './actions/list-households'
import { listMembers } from './actions/list-members'
import { listUnits } from './actions/list-units'
import { redeemInvite } from './actions/redeem-invite'
import { setResidence } from './actions/set-residence'

export const accountFunction = defineFunction(accountContract, {
  getMe,
  listUnits,
  listHouseholds,
  setResidence,
  createInvite,
  redeemInvite,
  listMembers,
})
