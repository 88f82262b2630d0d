import { defineMessages, register, textOf, type Lang } from '../i18n/i18n'
import type { AuditWhat } from './audit.schema'

/** What each kind of audit entry says, for the audit log page and its export (the server renders them). */
export const AUDIT_MESSAGES = register(
  defineMessages({
    'audit.what.unit.create': { zh: '新建单位', bo: 'ལས་ཁུངས་གསར་འཛུགས།' },
    'audit.what.unit.rename': { zh: '单位改名', bo: 'ལས་ཁུངས་ཀྱི་མིང་བསྒྱུར།' },
    'audit.what.unit.move': { zh: '调整上级单位', bo: 'གོང་རིམ་ལས་ཁུངས་བསྒྱུར།' },
    'audit.what.unit.retire': { zh: '撤销单位', bo: 'ལས་ཁུངས་མེད་པར་བཟོས།' },
    'audit.what.unit.code': { zh: '修改区划代码', bo: 'ས་ཁོངས་ཨང་རྟགས་བཅོས།' },
    'audit.what.roster.import': { zh: '导入名册', bo: 'མིང་ཐོ་ནང་འདྲེན།' },
    'audit.what.role.grant': { zh: '授予身份', bo: 'གོ་གནས་སྤྲོད།' },
    'audit.what.role.revoke': { zh: '撤销身份', bo: 'གོ་གནས་ཕྱིར་འཐེན།' },
    'audit.what.role.invite': { zh: '用邀请码得到身份', bo: 'གདན་ཞུའི་ཨང་གིས་གོ་གནས་ཐོབ།' },
    'audit.what.role.roster': { zh: '按名册得到身份', bo: 'མིང་ཐོ་ལྟར་གོ་གནས་ཐོབ།' },
    'audit.what.invite.create': { zh: '发放邀请码', bo: 'གདན་ཞུའི་ཨང་སྤྲོད།' },
    'audit.what.invite.sheet': { zh: '打印一批邀请码', bo: 'གདན་ཞུའི་ཨང་ཚན་གཅིག་པར་འདེབས།' },
    'audit.what.membership.approve': { zh: '同意入户', bo: 'ཁྱིམ་ཞུགས་ལ་མོས་མཐུན།' },
    'audit.what.membership.refuse': { zh: '不同意入户', bo: 'ཁྱིམ་ཞུགས་ལ་མི་མོས།' },
    'audit.what.membership.revoke': { zh: '移出户内成员', bo: 'ཁྱིམ་མི་ཕྱིར་འདོན།' },
    'audit.what.membership.roster': { zh: '按名册加入一户', bo: 'མིང་ཐོ་ལྟར་ཁྱིམ་ཚང་དུ་ཞུགས།' },
    'audit.what.profile.verify': { zh: '验证手机号', bo: 'ཁ་པར་ཨང་ར་སྤྲོད།' },
    'audit.what.incident.categories': { zh: '修改事件类别', bo: 'དོན་རྐྱེན་གྱི་རིགས་བཅོས།' },
    'audit.what.incident.settings': {
      zh: '修改办理时限、考核权重和奖励',
      bo: 'ཐག་གཅོད་ཀྱི་དུས་ཚོད་དང་། བརྟག་དཔྱད་ཀྱི་ལྗིད་ཚད། བྱ་དགའ་བཅོས།',
    },
    'audit.what.points.rule': { zh: '修改评分规则', bo: 'སྐར་གྲངས་སྒྲིག་སྲོལ་བཅོས།' },
    'audit.what.points.settings': { zh: '修改积分设置', bo: 'སྐར་གྲངས་ཀྱི་སྒྲིག་འགོད་བཅོས།' },
    'audit.what.points.goods': { zh: '修改商品', bo: 'ཅ་དངོས་བཅོས།' },
    'audit.what.patrol.settings': { zh: '修改巡逻规则', bo: 'སྐོར་ཞིབ་ཀྱི་སྒྲིག་སྲོལ་བཅོས།' },
    'audit.what.patrol.team': { zh: '修改巡逻队', bo: 'སྐོར་ཞིབ་རུ་ཁག་བཅོས།' },
    'audit.what.patrol.route': { zh: '新建巡逻路线', bo: 'ལམ་ཐིག་གསར་འཛུགས།' },
    'audit.what.patrol.checkpoint': { zh: '修改点位', bo: 'ཐོ་འགོད་ས་ཚིགས་བཅོས།' },
    'audit.what.patrol.shift': { zh: '修改班次', bo: 'རེས་མོ་བཅོས།' },
    'audit.what.volunteer.org': { zh: '审核社会组织', bo: 'སྤྱི་ཚོགས་ཚོགས་པ་ཞིབ་དཔྱད།' },
  }),
)

export function auditWhatLabel(what: AuditWhat, lang: Lang): string {
  return textOf(AUDIT_MESSAGES[`audit.what.${what}`], lang)
}
