import { accountContract } from '@shared/account/account.contract'
import { defineFunction } from '../_core/wrap'
import { checkImport } from './actions/check-import'
import { commitImport } from './actions/commit-import'
import { createInvite } from './actions/create-invite'
import { createInviteSheet } from './actions/create-invite-sheet'
import { createUnit } from './actions/create-unit'
import { decideConsoleLogin } from './actions/decide-console-login'
import { decideJoinRequest } from './actions/decide-join-request'
import { exportAudit } from './actions/export-audit'
import { exportRoster } from './actions/export-roster'
import { findPeople } from './actions/find-people'
import { getConsoleLogin } from './actions/get-console-login'
import { getImport } from './actions/get-import'
import { getMe } from './actions/get-me'
import { getOrgTree } from './actions/get-org-tree'
import { grantRole } from './actions/grant-role'
import { importTemplate } from './actions/import-template'
import { listAudit } from './actions/list-audit'
import { listHouseholdMembers } from './actions/list-household-members'
import { listHouseholds } from './actions/list-households'
import { listJoinRequests } from './actions/list-join-requests'
import { listMembers } from './actions/list-members'
import { listPushRecords } from './actions/list-push-records'
import { listUnits } from './actions/list-units'
import { myInbox } from './actions/my-inbox'
import { putImportPart } from './actions/put-import-part'
import { redeemInvite } from './actions/redeem-invite'
import { requestJoin } from './actions/request-join'
import { revokeMembership } from './actions/revoke-membership'
import { revokeRole } from './actions/revoke-role'
import { roleHistory } from './actions/role-history'
import { setLang } from './actions/set-lang'
import { setProfile } from './actions/set-profile'
import { setResidence } from './actions/set-residence'
import { startImport } from './actions/start-import'
import { updateUnit } from './actions/update-unit'
import { verifyPhone } from './actions/verify-phone'
import { signOutEverywhere } from './actions/sign-out-everywhere'
import { withdrawJoinRequest } from './actions/withdraw-join-request'
import { tidyTimer } from './account.tidy'

export const accountFunction = defineFunction(
  accountContract,
  {
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
    setProfile,
    verifyPhone,
    getOrgTree,
    createUnit,
    updateUnit,
    findPeople,
    grantRole,
    revokeRole,
    roleHistory,
    createInviteSheet,
    importTemplate,
    exportRoster,
    startImport,
    putImportPart,
    checkImport,
    commitImport,
    getImport,
    listAudit,
    exportAudit,
    getConsoleLogin,
    decideConsoleLogin,
    signOutEverywhere,
    listPushRecords,
  },
  { tidy: tidyTimer },
)
