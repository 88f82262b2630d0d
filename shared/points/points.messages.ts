import { defineMessages, register, render, type Lang, type MessageRef } from '../i18n/i18n'

/**
 * The points domain's words in both languages (issue #20), for both halves: statuses, entry kinds, rule categories
 * and modes, what the system writes on ledger lines (kept as MessageRefs, rendered when read), export headers, the
 * input checks of its own and the labels of every input field of the points contract. Tibetan follows
 * docs/GLOSSARY.md (སྐར་གྲངས། points, ཁྱབ་བསྒྲགས། publicity, མི་མཐུན་བསམ་ཚུལ། objection, བརྗེ་རེས། redemption …).
 */
export const POINTS = register(
  defineMessages({
    // ---- a proposal (batch) ----
    'points.batch.pending': { zh: '待审核', bo: 'ཞིབ་དཔྱད་སྒུག་བཞིན།' },
    'points.batch.approved': { zh: '已通过，公示中', bo: 'ཆོག་མཆན་ཐོབ་ཟིན། ཁྱབ་བསྒྲགས་བྱེད་བཞིན།' },
    'points.batch.rejected': { zh: '未通过', bo: 'ཕྱིར་སློག་བྱས།' },
    // ---- one household's award ----
    'points.award.proposed': { zh: '待审核', bo: 'ཞིབ་དཔྱད་སྒུག་བཞིན།' },
    'points.award.publicity': { zh: '公示中', bo: 'ཁྱབ་བསྒྲགས་བྱེད་བཞིན།' },
    'points.award.objected': { zh: '有异议，待处理', bo: 'མི་མཐུན་བསམ་ཚུལ་ཡོད། ཐག་གཅོད་སྒུག་བཞིན།' },
    'points.award.credited': { zh: '已计入', bo: 'རྩིས་སུ་བཅུག་ཟིན།' },
    'points.award.rejected': { zh: '未通过', bo: 'ཕྱིར་སློག་བྱས།' },
    'points.award.withdrawn': { zh: '已撤回', bo: 'ཕྱིར་འཐེན་བྱས།' },
    // ---- an objection ----
    'points.objection.open': { zh: '待处理', bo: 'ཐག་གཅོད་སྒུག་བཞིན།' },
    'points.objection.rejected': {
      zh: '异议不成立，积分维持',
      bo: 'མི་མཐུན་བསམ་ཚུལ་མི་འཐད། སྐར་གྲངས་རྒྱུན་འཁྱོངས་བྱས།',
    },
    'points.objection.accepted': { zh: '异议成立，积分撤回', bo: 'མི་མཐུན་བསམ་ཚུལ་འཐད། སྐར་གྲངས་ཕྱིར་འཐེན་བྱས།' },
    // ---- a redemption ----
    'points.redemption.pending': { zh: '待领取', bo: 'ལེན་རྒྱུ་ལྷག་ཡོད།' },
    'points.redemption.fulfilled': { zh: '已领取', bo: 'བླངས་ཟིན།' },
    'points.redemption.cancelled': { zh: '已取消', bo: 'མེད་པར་བཟོས་ཟིན།' },
    'points.redemption.expired': { zh: '已过期', bo: 'དུས་ཚོད་ཡོལ་ཟིན།' },
    // ---- kinds of ledger entry ----
    'points.kind.award': { zh: '评定加分', bo: 'སྐར་གྲངས་སྣོན་པ།' },
    'points.kind.deduction': { zh: '评定扣分', bo: 'སྐར་གྲངས་བཅད་པ།' },
    'points.kind.system': { zh: '系统记分', bo: 'རང་འགུལ་རྩིས་འཇུག' },
    'points.kind.redeem': { zh: '兑换商品', bo: 'ཅ་དངོས་བརྗེ་རེས།' },
    'points.kind.refund': { zh: '兑换退回', bo: 'བརྗེ་རེས་ཕྱིར་སློག' },
    'points.kind.correction': { zh: '更正', bo: 'ནོར་བཅོས།' },
    'points.kind.opening': { zh: '期初积分', bo: 'ཐོག་མའི་སྐར་གྲངས།' },
    // ---- rule categories (村规民约) ----
    'points.category.sanitation': { zh: '环境卫生', bo: 'ཁོར་ཡུག་གཙང་སྦྲ།' },
    'points.category.filial': { zh: '孝老爱亲', bo: 'རྒན་པ་གུས་བཀུར་དང་ནང་མི་ལ་བྱམས་པ།' },
    'points.category.volunteer': { zh: '志愿服务', bo: 'དང་བླངས་ཞབས་ཞུ།' },
    'points.category.customs': { zh: '移风易俗', bo: 'གོམས་སྲོལ་གསར་བརྗེ།' },
    'points.category.safety': { zh: '平安建设', bo: 'བདེ་འཇགས་འཛུགས་སྐྲུན།' },
    'points.category.law': { zh: '遵纪守法', bo: 'ཁྲིམས་ལུགས་བརྩི་སྲུང་།' },
    'points.category.neighbours': { zh: '邻里互助', bo: 'ཁྱིམ་མཚེས་ཕན་ཚུན་རོགས་རམ།' },
    'points.category.other': { zh: '其他', bo: 'གཞན།' },
    // ---- how a rule scores ----
    'points.mode.manual': { zh: '干部评定', bo: 'ལས་བྱེད་པས་སྐར་གྲངས་འཇོག' },
    'points.mode.system': { zh: '系统自动记分', bo: 'མ་ལག་གིས་རང་འགུལ་རྩིས་འཇུག' },

    // ---- what the system writes on a ledger line (stored as MessageRefs, rendered in the reader's language) ----
    'points.reason.text': { zh: '{text}', bo: '{text}' },
    'points.reason.report_reward': {
      zh: '有价值的上报（以奖代补，{code}）',
      bo: 'རིན་ཐང་ལྡན་པའི་སྙན་ཞུ། (བྱ་དགའ། {code})',
    },
    'points.reason.award': { zh: '{rule}', bo: '{rule}' },
    // ---- points earned by work elsewhere, as publicity and the ledger name them ----
    'points.reward.rule': { zh: '价值信息以奖代补', bo: 'རིན་ཐང་ལྡན་པའི་ཆ་འཕྲིན་ལ་བྱ་དགའ།' },
    'points.reward.source': {
      zh: '来源：上报 {code}（经网格员认定有价值）',
      bo: 'འབྱུང་ཁུངས། སྙན་ཞུ། {code} (དྲ་མིག་ལས་བྱེད་པས་རིན་ཐང་ལྡན་པར་ངོས་བཟུང་།)',
    },
    'points.reason.award_note': { zh: '{rule}：{note}', bo: '{rule}: {note}' },
    'points.reason.redeem': { zh: '兑换 {goods} ×{n}', bo: 'ཅ་དངོས་བརྗེ་རེས། {goods} ×{n}' },
    'points.reason.cancelled': { zh: '取消兑换：{goods} ×{n}', bo: 'བརྗེ་རེས་མེད་པར་བཟོས། {goods} ×{n}' },
    'points.reason.expired': { zh: '逾期未领：{goods} ×{n}', bo: 'དུས་ཚོད་ཡོལ་ཡང་མ་བླངས། {goods} ×{n}' },
    'points.reason.correction': { zh: '更正：{reason}', bo: 'ནོར་བཅོས། {reason}' },
    'points.reason.clipped': {
      zh: '（余额不足，实扣 {points} 分）',
      bo: ' (ལྷག་མ་མི་འདང་བས་སྐར་གྲངས་ {points} ཁོ་ན་བཅད།)',
    },
    'points.reason.capped': {
      zh: '（已达本月上限 {cap} 分）',
      bo: ' (ཟླ་འདིའི་མཐོ་ཚད་སྐར་གྲངས་ {cap} ལ་སླེབས་ཟིན།)',
    },

    // ---- parts of error messages built from several households ----
    'points.cap.left': { zh: '{name}（本月还可 {left} 分）', bo: '{name} (ཟླ་འདིར་ད་དུང་སྐར་གྲངས་ {left} ཆོག)' },
    'points.cap.join': { zh: '、', bo: '། ' },
    'points.cap.more': { zh: ' 等 {n} 户', bo: ' སོགས་ཁྱིམ་ཚང་ {n}' },
    'points.why.zero_points': { zh: '数量太小，算下来是 0 分', bo: 'གྲངས་ཀ་ཉུང་དྲགས་པས་སྐར་གྲངས་ 0 རེད།' },
    'points.why.no_village': { zh: '没有找到这个村（社区）', bo: 'གྲོང་ཚོ་ (སྡོད་ཁུལ་) འདི་རྙེད་མ་བྱུང་།' },

    // ---- exports (headers and names in the reader's language) ----
    'points.export.ledger_file': { zh: '积分台账-{village}-{month}', bo: 'སྐར་གྲངས་ཐོ་དེབ་-{village}-{month}' },
    'points.export.ledger_sheet': { zh: '积分台账 {month}', bo: 'སྐར་གྲངས་ཐོ་དེབ {month}' },
    'points.export.redemptions_file': {
      zh: '兑换台账-{village}-{month}',
      bo: 'བརྗེ་རེས་ཐོ་དེབ་-{village}-{month}',
    },
    'points.export.redemptions_sheet': { zh: '兑换台账 {month}', bo: 'བརྗེ་རེས་ཐོ་དེབ {month}' },
    'points.col.at': { zh: '时间', bo: 'དུས་ཚོད།' },
    'points.col.household': { zh: '户编号', bo: 'ཁྱིམ་ཚང་ཨང་།' },
    'points.col.head': { zh: '户主', bo: 'ཁྱིམ་བདག' },
    'points.col.member': { zh: '成员', bo: 'ཁྱིམ་མི།' },
    'points.col.kind': { zh: '类型', bo: 'རྣམ་པ།' },
    'points.col.points': { zh: '积分', bo: 'སྐར་གྲངས།' },
    'points.col.balance': { zh: '余额', bo: 'ལྷག་མ།' },
    'points.col.rule_code': { zh: '规则编码', bo: 'སྒྲིག་སྲོལ་ཨང་།' },
    'points.col.rule': { zh: '规则', bo: 'སྒྲིག་སྲོལ།' },
    'points.col.rule_version': { zh: '规则版本', bo: 'སྒྲིག་སྲོལ་པར་གཞི།' },
    'points.col.category': { zh: '类别', bo: 'རིགས།' },
    'points.col.reason': { zh: '事由', bo: 'རྒྱུ་མཚན།' },
    'points.col.proposed_by': { zh: '评定人', bo: 'སྐར་གྲངས་འཇོག་མཁན།' },
    'points.col.approved_by': { zh: '审核人', bo: 'ཞིབ་དཔྱད་པ།' },
    'points.col.source_type': { zh: '来源类型', bo: 'འབྱུང་ཁུངས་རིགས།' },
    'points.col.source': { zh: '来源', bo: 'འབྱུང་ཁུངས།' },
    'points.col.entry': { zh: '记录编号', bo: 'ཐོ་ཨང་།' },
    'points.col.redeemed_at': { zh: '兑换时间', bo: 'བརྗེ་རེས་དུས་ཚོད།' },
    'points.col.redeemer': { zh: '兑换人', bo: 'བརྗེ་རེས་མཁན།' },
    'points.col.goods': { zh: '商品', bo: 'ཅ་དངོས།' },
    'points.col.quantity': { zh: '数量', bo: 'གྲངས་ཀ' },
    'points.col.status': { zh: '状态', bo: 'གནས་སྟངས།' },
    'points.col.closed_at': { zh: '办结时间', bo: 'མཇུག་སྒྲིལ་དུས་ཚོད།' },
    'points.col.closed_by': { zh: '经办人', bo: 'ལས་དོན་པ།' },
    'points.col.expires_at': { zh: '领取截止', bo: 'ལེན་པའི་དུས་མཚམས།' },
    'points.col.redemption': { zh: '兑换单号', bo: 'བརྗེ་རེས་ཨང་།' },

    // ---- input checks of the points contract ({field} is the field's label) ----
    'points.v.rule_code': {
      zh: '编码用大写字母、数字和下划线',
      bo: 'ཨང་རྟགས་ལ་དབྱིན་ཡིག་ཆེན་པོ་དང་ཨང་གྲངས། _ བཅས་བེད་སྤྱོད་བྱོས།',
    },
    'points.v.not_zero': { zh: '{field}不能为 0', bo: '{field} 0 ཡིན་མི་ཆོག' },
    'points.v.more_than_zero': { zh: '{field}要大于 0', bo: '{field} 0 ལས་མང་དགོས།' },
    'points.v.pick_households': { zh: '请至少选一户', bo: 'ཉུང་མཐར་ཁྱིམ་ཚང་གཅིག་འདེམས་རོགས།' },
    'points.v.max_households': { zh: '一次最多 {max} 户', bo: 'ཐེངས་གཅིག་ལ་ཁྱིམ་ཚང་ {max} ལས་མང་མི་ཆོག' },
    'points.v.pickup_code': { zh: '取货码是 6 位数字', bo: 'ལེན་ཨང་ནི་ཨང་གྲངས་ 6 ཡིན།' },

    // ---- labels of the points contract's input fields ----
    'field.points.code': { zh: '编码', bo: 'ཨང་རྟགས' },
    'field.category': { zh: '类别', bo: 'རིགས' },
    'field.points': { zh: '分值', bo: 'སྐར་གྲངས' },
    'field.clause': { zh: '村规民约条款', bo: 'གྲོང་ཚོའི་གྲོས་མཐུན་སྒྲིག་སྲོལ་གྱི་ཚན་པ' },
    'field.evidenceRequired': { zh: '是否需要照片', bo: 'པར་དགོས་མིན' },
    'field.capPerMonth': { zh: '每户每月上限', bo: 'ཁྱིམ་ཚང་རེར་ཟླ་རེའི་མཐོ་ཚད' },
    'field.mode': { zh: '记分方式', bo: 'རྩིས་འཇུག་ཐབས་ལམ' },
    'field.points.active': { zh: '是否在用', bo: 'བེད་སྤྱོད་བྱེད་མིན' },
    'field.includeInactive': { zh: '含停用的规则', bo: 'མཚམས་བཞག་པའི་སྒྲིག་སྲོལ་ཡང་ཚུད' },
    'field.ruleId': { zh: '积分规则', bo: 'སྐར་གྲངས་སྒྲིག་སྲོལ' },
    'field.publicityDays': { zh: '公示天数', bo: 'ཁྱབ་བསྒྲགས་ཀྱི་ཉིན་གྲངས' },
    'field.qr': { zh: '扫到的取货二维码', bo: 'བཤེར་བའི་ལེན་ཨང་གི་ཨང་རྟགས' },
    'field.pickupDays': { zh: '领取期限（天）', bo: 'ལེན་པའི་དུས་ཚོད། (ཉིན་གྲངས།)' },
    'field.items': { zh: '所选的户', bo: 'བདམས་པའི་ཁྱིམ་ཚང' },
    'field.householdId': { zh: '户', bo: 'ཁྱིམ་ཚང' },
    'field.quantity': { zh: '数量', bo: 'གྲངས་ཀ' },
    'field.memberName': { zh: '成员姓名', bo: 'ཁྱིམ་མིའི་མིང' },
    'field.evidence': { zh: '依据照片', bo: 'ར་སྤྲོད་ཀྱི་པར' },
    'field.batchId': { zh: '评定', bo: 'སྐར་གྲངས་འཇོག་པའི་གྲོས་འཆར' },
    'field.status': { zh: '状态', bo: 'གནས་སྟངས' },
    'field.awardId': { zh: '积分', bo: 'སྐར་གྲངས' },
    'field.objectionId': { zh: '异议', bo: 'མི་མཐུན་བསམ་ཚུལ' },
    'field.points.decision': { zh: '处理结果', bo: 'ཐག་གཅོད་འབྲས་བུ' },
    'field.entryId': { zh: '积分记录', bo: 'སྐར་གྲངས་ཀྱི་ཐོ' },
    'field.goodsId': { zh: '商品', bo: 'ཅ་དངོས' },
    'field.price': { zh: '积分价格', bo: 'སྐར་གྲངས་ཀྱི་རིན་གོང' },
    'field.limitPerMonth': { zh: '每户每月限换', bo: 'ཁྱིམ་ཚང་རེར་ཟླ་རེར་བརྗེ་ཆོག་པའི་གྲངས' },
    'field.sort': { zh: '排序', bo: 'གོ་རིམ' },
    'field.stock': { zh: '库存', bo: 'ཉར་ཚགས' },
    'field.delta': { zh: '变动数量', bo: 'འགྱུར་བའི་གྲངས་ཀ' },
    'field.redemptionId': { zh: '兑换单', bo: 'བརྗེ་རེས་ཐོ་འཛིན' },
    'field.includeOff': { zh: '含已下架的商品', bo: 'ཚོང་ཁྲིའི་ཐོག་ནས་ཕབ་པའི་ཅ་དངོས་ཡང་ཚུད' },
  }),
)

export type PointsKey = keyof typeof POINTS

/** A points message in a language. */
export function say(key: PointsKey, lang: Lang, params?: Record<string, string | number>): string {
  return render(params ? { key, params } : { key }, lang)
}

/** Text the system kept for later reading: a MessageRef rendered now, or a plain text of an older record as it is. */
export function shown(text: string | MessageRef | null | undefined, lang: Lang): string {
  if (!text) return ''
  return typeof text === 'string' ? text : render(text, lang)
}
