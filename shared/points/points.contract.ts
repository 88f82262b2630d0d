import { action, defineContract } from '../contract'
import { defineErrors } from '../errors'
import './points.messages'
import * as S from './points.schema'

/** The points domain's refusals, in both languages; what varies is a parameter (`{left}`), never a sentence. */
export const PointsErrors = defineErrors('POINTS', {
  RULE_NOT_FOUND: { zh: '没有找到这条积分规则', bo: 'སྐར་གྲངས་སྒྲིག་སྲོལ་འདི་རྙེད་མ་བྱུང་།' },
  RULE_INACTIVE: { zh: '这条积分规则已停用', bo: 'སྐར་གྲངས་སྒྲིག་སྲོལ་འདི་མཚམས་བཞག་ཟིན།' },
  RULE_IS_SYSTEM: {
    zh: '这条规则由系统自动记分，不能手工评定',
    bo: 'སྒྲིག་སྲོལ་འདིའི་སྐར་གྲངས་མ་ལག་གིས་རང་འགུལ་རྩིས་འཇུག་བྱེད། ལས་བྱེད་པས་འཇོག་མི་ཆོག',
  },
  RULE_CODE_TAKEN: { zh: '这个规则编码已经有了', bo: 'སྒྲིག་སྲོལ་ཨང་འདི་ཡོད་ཟིན།' },
  EVIDENCE_REQUIRED: {
    zh: '这条规则需要上传照片作为依据',
    bo: 'སྒྲིག་སྲོལ་འདིར་ར་སྤྲོད་ཀྱི་པར་ཡར་སྐྱེལ་དགོས།',
  },
  HOUSEHOLD_NOT_FOUND: { zh: '没有找到这一户：{id}', bo: 'ཁྱིམ་ཚང་འདི་རྙེད་མ་བྱུང་། {id}' },
  HOUSEHOLD_NOT_IN_VILLAGE: {
    zh: '{name}家不在本村（社区）',
    bo: '{name} ཡི་ཁྱིམ་ཚང་གྲོང་ཚོ་ (སྡོད་ཁུལ་) འདིར་མེད།',
  },
  DUPLICATE_HOUSEHOLD: {
    zh: '同一户在一次评定里只能出现一次',
    bo: 'གྲོས་འཆར་གཅིག་ནང་ཁྱིམ་ཚང་གཅིག་ཐེངས་གཅིག་ལས་འཇོག་མི་ཆོག',
  },
  CAP_EXCEEDED: {
    zh: '超过“{rule}”每户每月 {cap} 分的上限：{households}',
    bo: '“{rule}” ཡི་ཁྱིམ་ཚང་རེར་ཟླ་རེའི་མཐོ་ཚད་སྐར་གྲངས་ {cap} ལས་བརྒལ་འདུག {households}',
  },
  BATCH_NOT_FOUND: { zh: '没有找到这次评定', bo: 'སྐར་གྲངས་འཇོག་པའི་གྲོས་འཆར་འདི་རྙེད་མ་བྱུང་།' },
  BATCH_DECIDED: { zh: '这次评定已经审核过了', bo: 'གྲོས་འཆར་འདི་ཞིབ་དཔྱད་བྱས་ཟིན།' },
  OWN_PROPOSAL: {
    zh: '不能审核自己提出的评定，请另一位干部审核',
    bo: 'རང་གིས་བཏོན་པའི་གྲོས་འཆར་རང་གིས་ཞིབ་དཔྱད་བྱེད་མི་ཆོག ལས་བྱེད་པ་གཞན་ཞིག་གིས་ཞིབ་དཔྱད་བྱེད་རོགས།',
  },
  OWN_PROPOSAL_OBJECTION: {
    zh: '这条积分是您提出的，异议请另一位干部处理',
    bo: 'སྐར་གྲངས་འདི་ཁྱེད་ཀྱིས་བཏོན་པ་ཡིན། མི་མཐུན་བསམ་ཚུལ་དེར་ལས་བྱེད་པ་གཞན་ཞིག་གིས་ཐག་གཅོད་བྱེད་རོགས།',
  },
  OWN_OBJECTION: {
    zh: '这是您自己提的异议，请另一位干部处理',
    bo: 'འདི་ཁྱེད་རང་གིས་བཏོན་པའི་མི་མཐུན་བསམ་ཚུལ་ཡིན། ལས་བྱེད་པ་གཞན་ཞིག་གིས་ཐག་གཅོད་བྱེད་རོགས།',
  },
  OWN_HOUSEHOLD: {
    zh: '这涉及您自己家的积分，请另一位干部处理',
    bo: 'འདི་ཁྱེད་རང་གི་ཁྱིམ་ཚང་གི་སྐར་གྲངས་དང་འབྲེལ། ལས་བྱེད་པ་གཞན་ཞིག་གིས་ཐག་གཅོད་བྱེད་རོགས།',
  },
  AWARD_NOT_FOUND: { zh: '没有找到这条积分', bo: 'སྐར་གྲངས་འདི་རྙེད་མ་བྱུང་།' },
  NOT_IN_PUBLICITY: { zh: '这条积分不在公示期内', bo: 'སྐར་གྲངས་འདི་ཁྱབ་བསྒྲགས་ཀྱི་དུས་ཡུན་ནང་མེད།' },
  ALREADY_OBJECTED: {
    zh: '您已经对这条积分提过异议了',
    bo: 'ཁྱེད་ཀྱིས་སྐར་གྲངས་འདིར་མི་མཐུན་བསམ་ཚུལ་བཏོན་ཟིན།',
  },
  NOT_MY_VILLAGE: {
    zh: '只能对本村（社区）的公示提出异议',
    bo: 'རང་གི་གྲོང་ཚོ་ (སྡོད་ཁུལ་) གི་ཁྱབ་བསྒྲགས་ཁོ་ནར་མི་མཐུན་བསམ་ཚུལ་འདོན་ཆོག',
  },
  OBJECTION_NOT_FOUND: { zh: '没有找到这条异议', bo: 'མི་མཐུན་བསམ་ཚུལ་འདི་རྙེད་མ་བྱུང་།' },
  OBJECTION_RESOLVED: { zh: '这条异议已经处理过了', bo: 'མི་མཐུན་བསམ་ཚུལ་འདི་ཐག་གཅོད་བྱས་ཟིན།' },
  NO_HOUSEHOLD: {
    zh: '您还没有加入家庭户：请先在“我的”里申请加入，同意后才能用积分',
    bo: 'ཁྱེད་ད་དུང་ཁྱིམ་ཚང་ནང་ཞུགས་མེད། སྔོན་ལ་“ངའི།” ནང་ཞུགས་འཚམས་ཞུ་རོགས། ཆོག་མཆན་ཐོབ་རྗེས་སྐར་གྲངས་བེད་སྤྱོད་ཆོག',
  },
  INSUFFICIENT_BALANCE: {
    zh: '积分不够了：现有 {balance} 分，需要 {need} 分',
    bo: 'སྐར་གྲངས་མི་འདང་། ད་ཡོད་སྐར་གྲངས་ {balance} ཡིན། སྐར་གྲངས་ {need} དགོས།',
  },
  GOODS_NOT_FOUND: { zh: '没有找到这件商品', bo: 'ཅ་དངོས་འདི་རྙེད་མ་བྱུང་།' },
  GOODS_OFF: { zh: '这件商品已下架', bo: 'ཅ་དངོས་འདི་ཚོང་ཁྲིའི་ཐོག་ནས་ཕབ་ཟིན།' },
  OUT_OF_STOCK: { zh: '库存不够了，只剩 {left} 件', bo: 'ཉར་ཚགས་མི་འདང་། {left} ལས་ལྷག་མེད།' },
  LIMIT_REACHED: {
    zh: '这件商品每户每月最多换 {limit} 件，您家本月已换 {taken} 件',
    bo: 'ཅ་དངོས་འདི་ཁྱིམ་ཚང་རེར་ཟླ་རེར་ {limit} ལས་བརྗེ་མི་ཆོག ཁྱེད་ཀྱི་ཁྱིམ་ཚང་གིས་ཟླ་འདིར་ {taken} བརྗེས་ཟིན།',
  },
  STOCK_NEGATIVE: {
    zh: '库存不能少于 0：现在只有 {stock} 件',
    bo: 'ཉར་ཚགས་ 0 ལས་ཉུང་མི་ཆོག ད་ལྟ་ {stock} ཁོ་ན་ཡོད།',
  },
  REDEMPTION_NOT_FOUND: { zh: '没有找到这个兑换单', bo: 'བརྗེ་རེས་འདི་རྙེད་མ་བྱུང་།' },
  NOT_YOUR_REDEMPTION: { zh: '这不是您家的兑换单', bo: 'འདི་ཁྱེད་ཀྱི་ཁྱིམ་ཚང་གི་བརྗེ་རེས་མིན།' },
  REDEMPTION_CLOSED: {
    zh: '这个兑换单已经领取、取消或过期了',
    bo: 'བརྗེ་རེས་འདི་བླངས་ཟིན་པའམ། མེད་པར་བཟོས་པའམ། དུས་ཚོད་ཡོལ་ཟིན།',
  },
  REDEMPTION_EXPIRED: {
    zh: '这个兑换单已过期，积分已退回',
    bo: 'བརྗེ་རེས་འདིའི་དུས་ཚོད་ཡོལ་ཟིན། སྐར་གྲངས་ཕྱིར་སློག་བྱས་ཟིན།',
  },
  CODE_NOT_FOUND: {
    zh: '取货码不对，或这个兑换单已经处理过了',
    bo: 'ལེན་ཨང་མི་འགྲིག་པའམ། བརྗེ་རེས་འདི་ཐག་གཅོད་བྱས་ཟིན།',
  },
  BAD_QR: { zh: '这不是积分超市的取货码', bo: 'འདི་སྐར་གྲངས་ཚོང་ཁང་གི་ལེན་ཨང་མིན།' },
  ENTRY_NOT_FOUND: { zh: '没有找到这条积分记录', bo: 'སྐར་གྲངས་ཀྱི་ཐོ་འདི་རྙེད་མ་བྱུང་།' },
  ENTRY_NOT_CORRECTABLE: { zh: '这条记录不能更正', bo: 'ཐོ་འདི་ནོར་བཅོས་བྱེད་མི་ཆོག' },
  ALREADY_CORRECTED: { zh: '这条记录已经更正过了', bo: 'ཐོ་འདི་ནོར་བཅོས་བྱས་ཟིན།' },
  EXPORT_TOO_LARGE: {
    zh: '这个月的记录太多，请联系管理员分批导出',
    bo: 'ཟླ་འདིའི་ཐོ་མང་དྲགས། དོ་དམ་པར་འབྲེལ་བ་བྱས་ནས་ཚར་རེ་ནས་ཕྱིར་འདོན་བྱོས།',
  },
})

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
  listRuleVersions: action({
    summary: '一条规则的历次版本',
    input: S.ListRuleVersionsInputSchema,
    output: S.ListRuleVersionsOutputSchema,
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
  listHouseholds: action({
    summary: '评定时选户：本村各户及积分',
    input: S.ListPointsHouseholdsInputSchema,
    output: S.ListPointsHouseholdsOutputSchema,
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
  listPublicity: action({
    summary: '积分公示（姓名脱敏）',
    input: S.ListPublicityInputSchema,
    output: S.ListPublicityOutputSchema,
    write: false,
    permission: null,
  }),
  fileObjection: action({
    summary: '对公示中的积分提出异议',
    input: S.FileObjectionInputSchema,
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
  getBoard: action({
    summary: '积分榜（姓名脱敏）',
    input: S.GetBoardInputSchema,
    output: S.BoardSchema,
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
  getFigures: action({
    summary: '本村积分统计',
    input: S.GetFiguresInputSchema,
    output: S.FiguresSchema,
    write: false,
    permission: 'points_figures',
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
