import { action, defineContract } from '../contract'

import * as S from './points.schema'

export { PointsErrors } from './points.errors'

export const pointsContract = defineContract('points', '文明积分与积分超市', {
  // rules (村规民约)
  listRules: action({
    summary: '本村积分规则（村规民约）',
    input: S.ListRulesInputSchema,
    output: S.ListRulesOutputSchema,
    write: false,
    permission: null,
  }),
  saveRule: action({
    summary: '新增或修改积分规则（修改即新版本，已给的积分不变）',
    input: S.SaveRuleInputSchema,
    output: S.RuleViewSchema,
    write: true,
    permission: 'points_rule_manage',
  }),
  ruleVersions: action({
    summary: '一条规则的历次版本',
    input: S.RuleVersionsInputSchema,
    output: S.RuleVersionsOutputSchema,
    write: false,
    permission: 'points_rule_manage',
  }),
  getSettings: action({
    summary: '本村公示天数、领取期限',
    input: S.GetSettingsInputSchema,
    output: S.SettingsViewSchema,
    write: false,
    permission: null,
  }),
  saveSettings: action({
    summary: '设置公示天数、领取期限',
    input: S.SaveSettingsInputSchema,
    output: S.SettingsViewSchema,
    write: true,
    permission: 'points_rule_manage',
  }),
  // scoring: propose → approve → publicity (objections) → settle
  households: action({
    summary: '评定时选户：本村各户及积分',
    input: S.PointsHouseholdsInputSchema,
    output: S.PointsHouseholdsOutputSchema,
    write: false,
    permission: 'points_propose',
  }),
  propose: action({
    summary: '提出积分评定（一户或一批户）',
    input: S.ProposeInputSchema,
    output: S.BatchViewSchema,
    write: true,
    permission: 'points_propose',
  }),
  listBatches: action({
    summary: '评定列表（待审核队列）',
    input: S.ListBatchesInputSchema,
    output: S.ListBatchesOutputSchema,
    write: false,
    permission: 'points_propose',
  }),
  getBatch: action({
    summary: '一次评定的详情和各户',
    input: S.GetBatchInputSchema,
    output: S.GetBatchOutputSchema,
    write: false,
    permission: 'points_propose',
  }),
  approveBatch: action({
    summary: '审核通过（不能审自己提的），进入公示',
    input: S.DecideBatchInputSchema,
    output: S.BatchViewSchema,
    write: true,
    permission: 'points_approve',
  }),
  rejectBatch: action({
    summary: '审核不通过',
    input: S.RejectBatchInputSchema,
    output: S.BatchViewSchema,
    write: true,
    permission: 'points_approve',
  }),
  publicity: action({
    summary: '积分公示（姓名脱敏）',
    input: S.PublicityInputSchema,
    output: S.PublicityOutputSchema,
    write: false,
    permission: null,
  }),
  object: action({
    summary: '对公示中的积分提出异议',
    input: S.ObjectInputSchema,
    output: S.ObjectionViewSchema,
    write: true,
    permission: 'points_object',
  }),
  listObjections: action({
    summary: '异议列表',
    input: S.ListObjectionsInputSchema,
    output: S.ListObjectionsOutputSchema,
    write: false,
    permission: 'points_approve',
  }),
  resolveObjection: action({
    summary: '处理异议：维持或撤回积分',
    input: S.ResolveObjectionInputSchema,
    output: S.ObjectionViewSchema,
    write: true,
    permission: 'points_approve',
  }),
  settlePublicity: action({
    summary: '公示期满无异议的积分计入（可重复执行）',
    input: S.SettleInputSchema,
    output: S.SettleOutputSchema,
    write: true,
    permission: 'points_approve',
  }),
  correctEntry: action({
    summary: '更正一条积分记录（记一条相反的记录）',
    input: S.CorrectEntryInputSchema,
    output: S.EntryViewSchema,
    write: true,
    permission: 'points_approve',
  }),
  // residents
  myPoints: action({
    summary: '我家的积分和明细',
    input: S.MyPointsInputSchema,
    output: S.MyPointsOutputSchema,
    write: false,
    permission: null,
  }),
  board: action({
    summary: '积分榜（姓名脱敏）',
    input: S.BoardInputSchema,
    output: S.BoardOutputSchema,
    write: false,
    permission: null,
  }),
  // points store
  listGoods: action({
    summary: '积分超市商品',
    input: S.ListGoodsInputSchema,
    output: S.ListGoodsOutputSchema,
    write: false,
    permission: null,
  }),
  saveGoods: action({
    summary: '新增或修改商品',
    input: S.SaveGoodsInputSchema,
    output: S.GoodsViewSchema,
    write: true,
    permission: 'goods_manage',
  }),
  adjustStock: action({
    summary: '补货或减少库存',
    input: S.AdjustStockInputSchema,
    output: S.GoodsViewSchema,
    write: true,
    permission: 'goods_manage',
  }),
  redeem: action({
    summary: '兑换商品：扣积分、占库存，得到取货码',
    input: S.RedeemInputSchema,
    output: S.RedemptionViewSchema,
    write: true,
    permission: 'redemption_create',
  }),
  myRedemptions: action({
    summary: '我家的兑换单',
    input: S.MyRedemptionsInputSchema,
    output: S.MyRedemptionsOutputSchema,
    write: false,
    permission: null,
  }),
  cancelRedemption: action({
    summary: '领取前取消兑换，退回积分和库存',
    input: S.RedemptionIdInputSchema,
    output: S.RedemptionViewSchema,
    write: true,
    permission: null,
  }),
  lookupPickup: action({
    summary: '按取货码查兑换单',
    input: S.PickupInputSchema,
    output: S.RedemptionViewSchema,
    write: false,
    permission: 'redemption_fulfil',
  }),
  fulfil: action({
    summary: '核销：按取货码发放商品',
    input: S.PickupInputSchema,
    output: S.RedemptionViewSchema,
    write: true,
    permission: 'redemption_fulfil',
  }),
  listRedemptions: action({
    summary: '本村兑换单',
    input: S.ListRedemptionsInputSchema,
    output: S.ListRedemptionsOutputSchema,
    write: false,
    permission: 'goods_manage',
  }),
  expireRedemptions: action({
    summary: '过期未领的兑换单作废，退回积分和库存',
    input: S.SettleInputSchema,
    output: S.ExpireOutputSchema,
    write: true,
    permission: 'goods_manage',
  }),
  // figures and exports
  stats: action({
    summary: '本村积分统计',
    input: S.StatsInputSchema,
    output: S.StatsOutputSchema,
    write: false,
    permission: 'points_stats',
  }),
  exportLedger: action({
    summary: '导出某月积分台账（CSV / Excel）',
    input: S.ExportInputSchema,
    output: S.ExportOutputSchema,
    write: false,
    permission: 'points_export',
  }),
  exportRedemptions: action({
    summary: '导出某月兑换台账（CSV / Excel）',
    input: S.ExportInputSchema,
    output: S.ExportOutputSchema,
    write: false,
    permission: 'points_export',
  }),
})

export type PointsContract = typeof pointsContract
