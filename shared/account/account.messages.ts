import { defineMessages, register, textOf, type Lang } from '../i18n/i18n'
import type { RoleName } from '../auth/roles'
import type { UnitLevel } from './account.schema'

/**
 * The account domain's words both halves show, in 简体中文 and Tibetan: roles (shared/auth/roles.ts), unit levels,
 * the input checks and the labels of the account contract's input fields. What only the server renders (permission
 * labels, join request statuses, inbox and push messages) is in account.server.messages.ts, so the mini-program's
 * main package does not carry it. Tibetan follows docs/GLOSSARY.md. Keys are typed: `roleLabel(role, lang)` fails
 * the typecheck for a role without a label.
 */
export const ACCOUNT = register(
  defineMessages({
    // ---- roles (shared/auth/roles.ts) ----
    'account.role.resident': { zh: '居民', bo: 'སྡོད་དམངས།' },
    'account.role.grid_worker': { zh: '网格员', bo: 'དྲ་མིག་ལས་བྱེད་པ།' },
    'account.role.info_collector': { zh: '信息员', bo: 'ཆ་འཕྲིན་བསྡུ་མཁན།' },
    'account.role.patrol_volunteer': { zh: '巡逻队员', bo: 'སྐོར་ཞིབ་པ།' },
    'account.role.patrol_captain': { zh: '巡逻队长', bo: 'སྐོར་ཞིབ་རུ་དཔོན།' },
    'account.role.village_official': { zh: '村（社区）干部', bo: 'གྲོང་ཚོའི་ལས་བྱེད་པ།' },
    'account.role.store_keeper': { zh: '积分超市管理员', bo: 'སྐར་གྲངས་ཚོང་ཁང་གི་དོ་དམ་པ།' },
    'account.role.org_admin': { zh: '社会组织管理员', bo: 'སྤྱི་ཚོགས་ཚོགས་པའི་དོ་དམ་པ།' },
    'account.role.dispatcher': { zh: '综治中心调度员', bo: 'སྤྱི་ཁྱབ་བཅོས་སྒྲིག་ལྟེ་གནས་ཀྱི་ལས་འགན་བགོ་མཁན།' },
    'account.role.dept_handler': { zh: '职能部门办理人', bo: 'ལས་ཁུངས་སྡེ་ཚན་གྱི་ལས་སྒྲུབ་པ།' },
    'account.role.system_admin': { zh: '系统管理员', bo: 'མ་ལག་དོ་དམ་པ།' },

    // ---- unit levels ----
    'account.level.prefecture': { zh: '州（市）', bo: 'ཁུལ། (གྲོང་ཁྱེར།)' },
    'account.level.county': { zh: '县（区）', bo: 'རྫོང་།' },
    'account.level.township': { zh: '乡镇（街道）', bo: 'ཞང་དང་གྲོང་རྡལ། (ཁྲོམ་ལམ།)' },
    'account.level.village': { zh: '村（社区）', bo: 'གྲོང་ཚོ། (སྡོད་ཁུལ།)' },
    'account.level.grid': { zh: '网格', bo: 'དྲ་མིག' },
    'account.level.department': { zh: '职能部门', bo: 'ལས་ཁུངས་སྡེ་ཚན།' },

    // ---- input checks of the account contract ----
    'account.v.invite_code': {
      zh: '邀请码是 8 位字母和数字',
      bo: 'གདན་ཞུའི་ཨང་ནི་དབྱིན་ཡིག་དང་ཨང་གྲངས་ 8 ཡིན།',
    },
    'account.v.valid_hours_min': { zh: '有效期至少 1 小时', bo: 'ནུས་ལྡན་དུས་ཚད་ཉུང་མཐར་ཆུ་ཚོད་ 1 དགོས།' },
    'account.v.unit_code': {
      zh: '区划代码是 6 到 12 位数字',
      bo: 'ས་ཁོངས་ཨང་རྟགས་ནི་ཨང་གྲངས་ 6 ནས་ 12 བར་ཡིན།',
    },
    'account.v.valid_hours_max': { zh: '有效期最长 30 天', bo: 'ནུས་ལྡན་དུས་ཚད་རིང་མཐར་ཉིན་ 30 ལས་མི་ཆོག' },

    // ---- labels of the account contract's input fields ----
    // ---- what became of a WeChat subscribe message (shared/push.ts) ----
    'push.status.sent': { zh: '已发出', bo: 'བསྐུར་ཟིན།' },
    'push.status.refused': { zh: '本人未同意接收', bo: 'རང་ཉིད་ཀྱིས་ལེན་པར་ཁས་མ་བླངས།' },
    'push.status.failed': { zh: '发送失败', bo: 'བསྐུར་མ་ཐུབ།' },
    'push.status.skipped': { zh: '没有发送', bo: 'མ་བསྐུར།' },
    'field.ticketId': { zh: '登录二维码', bo: 'ནང་འཛུལ་ཨང་རྟགས' },
    'field.parentId': { zh: '上级单位', bo: 'གོང་རིམ་ལས་ཁུངས' },
    'field.householdId': { zh: '户', bo: 'ཁྱིམ་ཚང' },
    'field.userId': { zh: '人员', bo: 'མི་སྣ' },
    'field.role': { zh: '身份', bo: 'གོ་གནས' },
    'field.validHours': { zh: '有效期', bo: 'ནུས་ལྡན་དུས་ཚད' },
    'field.account.code': { zh: '邀请码', bo: 'གདན་ཞུའི་ཨང' },
    'field.joinRequestId': { zh: '入户申请', bo: 'ཁྱིམ་ཚང་དུ་ཞུགས་རྒྱུའི་རེ་ཞུ' },
    'field.account.decision': { zh: '审核结果', bo: 'ཞིབ་བཤེར་གྱི་འབྲས་བུ' },
    'field.lang': { zh: '语言', bo: 'སྐད་ཡིག' },
    'field.level': { zh: '级别', bo: 'རིམ་པ' },
    'field.statCode': { zh: '区划代码', bo: 'ས་ཁོངས་ཨང་རྟགས' },
    'field.retire': { zh: '撤销', bo: 'མེད་པར་བཟོ' },
    'field.phoneCode': { zh: '手机号验证', bo: 'ཁ་པར་ཨང་ར་སྤྲོད' },
    'field.query': { zh: '姓名或手机号', bo: 'མིང་ངམ་ཁ་པར་ཨང' },
    'field.fileName': { zh: '文件名', bo: 'ཡིག་ཆའི་མིང' },
    'field.parts': { zh: '文件分段数', bo: 'ཡིག་ཆའི་དུམ་གྲངས' },
    'field.part': { zh: '文件分段', bo: 'ཡིག་ཆའི་དུམ་བུ' },
    'field.base64': { zh: '文件内容', bo: 'ཡིག་ཆའི་ནང་དོན' },
    'field.jobId': { zh: '导入任务', bo: 'ནང་འདྲེན་ལས་འགན' },
    'field.chunk': { zh: '导入批次', bo: 'ནང་འདྲེན་གྱི་ཚན' },
    'field.actorId': { zh: '操作人', bo: 'བཀོལ་སྤྱོད་པ' },
    'field.what': { zh: '操作类别', bo: 'བཀོལ་སྤྱོད་ཀྱི་རིགས' },
    'field.subjectId': { zh: '操作对象', bo: 'བཀོལ་སྤྱོད་ཀྱི་ཡུལ' },
    'field.from': { zh: '开始时间', bo: 'འགོ་འཛུགས་དུས་ཚོད' },
    'field.to': { zh: '结束时间', bo: 'མཇུག་སྒྲིལ་དུས་ཚོད' },
  }),
)

export function roleLabel(role: RoleName, lang: Lang): string {
  return textOf(ACCOUNT[`account.role.${role}`], lang)
}

export function levelLabel(level: UnitLevel, lang: Lang): string {
  return textOf(ACCOUNT[`account.level.${level}`], lang)
}
