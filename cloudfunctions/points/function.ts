import { pointsContract } from '@shared/points/points.contract'
import { defineFunction } from '../_core/wrap'
import { adjustStock } from './actions/adjust-stock'
import { approveBatch } from './actions/approve-batch'
import { board } from './actions/board'
import { cancelRedemption } from './actions/cancel-redemption'
import { correctEntry } from './actions/correct-entry'
import { expireRedemptions } from './actions/expire-redemptions'
import { exportLedger } from './actions/export-ledger'
import { exportRedemptions } from './actions/export-redemptions'
import { fulfil } from './actions/fulfil'
import { getBatch } from './actions/get-batch'
import { getSettings } from './actions/get-settings'
import { households } from './actions/households'
import { listBatches } from './actions/list-batches'
import { listGoods } from './actions/list-goods'
import { listObjections } from './actions/list-objections'
import { listRedemptions } from './actions/list-redemptions'
import { listRules } from './actions/list-rules'
import { lookupPickup } from './actions/lookup-pickup'
import { myPoints } from './actions/my-points'
import { myRedemptions } from './actions/my-redemptions'
import { object } from './actions/object'
import { propose } from './actions/propose'
import { publicity } from './actions/publicity'
import { redeem } from './actions/redeem'
import { rejectBatch } from './actions/reject-batch'
import { resolveObjection } from './actions/resolve-objection'
import { ruleVersions } from './actions/rule-versions'
import { saveGoods } from './actions/save-goods'
import { saveRule } from './actions/save-rule'
import { saveSettings } from './actions/save-settings'
import { settlePublicity } from './actions/settle-publicity'
import { stats } from './actions/stats'
import { expireAllRedemptions, settleAllPublicity } from './timers'

export const pointsFunction = defineFunction(
  pointsContract,
  {
    listRules,
    saveRule,
    ruleVersions,
    getSettings,
    saveSettings,
    households,
    propose,
    listBatches,
    getBatch,
    approveBatch,
    rejectBatch,
    publicity,
    object,
    listObjections,
    resolveObjection,
    settlePublicity,
    correctEntry,
    myPoints,
    board,
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
    stats,
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
