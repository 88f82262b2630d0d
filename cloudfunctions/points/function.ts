import { pointsContract } from '@shared/points/points.contract'
import { defineFunction } from '../_core/wrap'
import { adjustStock } from './actions/adjust-stock'
import { approveBatch } from './actions/approve-batch'
import { getBoard } from './actions/get-board'
import { cancelRedemption } from './actions/cancel-redemption'
import { correctEntry } from './actions/correct-entry'
import { expireRedemptions } from './actions/expire-redemptions'
import { exportLedger } from './actions/export-ledger'
import { exportRedemptions } from './actions/export-redemptions'
import { fulfil } from './actions/fulfil'
import { getBatch } from './actions/get-batch'
import { getSettings } from './actions/get-settings'
import { listHouseholds } from './actions/list-households'
import { listBatches } from './actions/list-batches'
import { listGoods } from './actions/list-goods'
import { listObjections } from './actions/list-objections'
import { listRedemptions } from './actions/list-redemptions'
import { listRules } from './actions/list-rules'
import { lookupPickup } from './actions/lookup-pickup'
import { myPoints } from './actions/my-points'
import { myRedemptions } from './actions/my-redemptions'
import { fileObjection } from './actions/file-objection'
import { propose } from './actions/propose'
import { listPublicity } from './actions/list-publicity'
import { redeem } from './actions/redeem'
import { rejectBatch } from './actions/reject-batch'
import { resolveObjection } from './actions/resolve-objection'
import { listRuleVersions } from './actions/list-rule-versions'
import { saveGoods } from './actions/save-goods'
import { saveRule } from './actions/save-rule'
import { saveSettings } from './actions/save-settings'
import { settlePublicity } from './actions/settle-publicity'
import { getFigures } from './actions/get-figures'
import { expireAllRedemptions, settleAllPublicity } from './points.timers'

export const pointsFunction = defineFunction(
  pointsContract,
  {
    listRules,
    saveRule,
    listRuleVersions,
    getSettings,
    saveSettings,
    listHouseholds,
    propose,
    listBatches,
    getBatch,
    approveBatch,
    rejectBatch,
    listPublicity,
    fileObjection,
    listObjections,
    resolveObjection,
    settlePublicity,
    correctEntry,
    myPoints,
    getBoard,
    listGoods,
    saveGoods,
    adjustStock,
    redeem,
    myRedemptions,
    cancelRedemption,
    lookupPickup,
    fulfil,
    listRedemptions,
    expireRedemptions,
    getFigures,
    exportLedger,
    exportRedemptions,
  },
  {
    // Publicity ends and pickup times pass when nobody is looking: CloudBase's timer triggers (cloudbaserc.json),
    // or the local host's interval, settle and expire every village. Reads and the officials' buttons still do it lazily.
    settlePublicity: { everyMinutes: 60, run: (rt, now) => settleAllPublicity(rt, now) },
    expireRedemptions: { everyMinutes: 60, run: (rt, now) => expireAllRedemptions(rt, now) },
  },
)
