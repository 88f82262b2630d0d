import { defineMessages, register, textOf, type ArgsOf, type Lang, type MessageRef } from '../i18n/i18n'
import type { Permission } from '../auth/permissions'
import type { JoinStatus } from './account.schema'

/**
 * The account domain's messages only the server renders, in 简体中文 and Tibetan: what each permission lets a person
 * do (shared/auth/permissions.ts), the statuses of join requests, and the messages kept in the account inbox and
 * pushed (rendered in the reader's language when read or sent). Kept apart from account.messages.ts so that the
 * mini-program's main package does not carry them.
 */
export const ACCOUNT_SERVER = register(
  defineMessages({
    // ---- permissions (shared/auth/permissions.ts): what each lets a person do ----
    'account.permission.invite_create': {
      zh: '发放邀请码（授予身份）',
      bo: 'གདན་ཞུའི་ཨང་སྤྲོད་པ། (གོ་གནས་སྤྲོད་པ།)',
    },
    'account.permission.console_login': {
      zh: '在电脑上扫码登录工作台',
      bo: 'གློག་ཀླད་སྟེང་ཨང་རྟགས་བཤེར་ནས་ལས་སྟེགས་སུ་ནང་འཛུལ།',
    },
    'account.permission.push_view': {
      zh: '查看微信消息的发送结果',
      bo: 'སྐད་འཕྲིན་ཆ་འཕྲིན་བསྐུར་བའི་འབྲས་བུར་ལྟ་བ།',
    },
    'account.permission.member_list': { zh: '查看本单位人员名单', bo: 'ལས་ཁུངས་འདིའི་མི་སྣའི་མིང་ཐོར་ལྟ་བ།' },
    'account.permission.household_approve': {
      zh: '审核入户申请、移出户内成员',
      bo: 'ཁྱིམ་ཚང་དུ་ཞུགས་རྒྱུའི་རེ་ཞུ་ཞིབ་བཤེར་དང་ཁྱིམ་མི་ཕྱིར་འདོན།',
    },
    'account.permission.unit_manage': {
      zh: '建立、改名、调整和撤销乡镇、村、网格和部门',
      bo: 'ཞང་དང་གྲོང་ཚོ། དྲ་མིག ལས་ཁུངས་སྡེ་ཚན་བཙུགས་པ་དང་མིང་བསྒྱུར། སྒྲིག་བཅོས། མེད་པར་བཟོ་བ།',
    },
    'account.permission.roster_import': {
      zh: '从表格导入、导出住户和人员名册',
      bo: 'རེའུ་མིག་ནས་ཁྱིམ་ཚང་དང་མི་སྣའི་མིང་ཐོ་ནང་འདྲེན་དང་ཕྱིར་འདོན།',
    },
    'account.permission.audit_view': {
      zh: '查看和导出操作记录',
      bo: 'ལས་ཀའི་ཟིན་ཐོར་ལྟ་བ་དང་ཕྱིར་འདོན།',
    },
    'account.permission.incident_create': {
      zh: '上报网格事件（随手拍）',
      bo: 'དྲ་མིག་གི་དོན་རྐྱེན་སྙན་ཞུ། (པར་བཏབ་ནས་སྙན་ཞུ།)',
    },
    'account.permission.incident_view': {
      zh: '查看辖区事件详情（含精确位置）',
      bo: 'ཁྱབ་ཁོངས་ཀྱི་དོན་རྐྱེན་ཞིབ་ཕྲར་ལྟ་བ། (གནས་ཡུལ་ཏག་ཏག་བཅས།)',
    },
    'account.permission.incident_accept': { zh: '受理事件', bo: 'དོན་རྐྱེན་ལེན་པ།' },
    'account.permission.incident_resolve': { zh: '在网格内办结事件', bo: 'དྲ་མིག་ནང་དོན་རྐྱེན་ལེགས་གྲུབ་བྱེད་པ།' },
    'account.permission.incident_escalate': { zh: '上报（吹哨）事件', bo: 'དོན་རྐྱེན་གོང་རིམ་ལ་སྙན་ཞུ།' },
    'account.permission.incident_reject': { zh: '退回事件', bo: 'དོན་རྐྱེན་ཕྱིར་སློག' },
    'account.permission.incident_dispatch': { zh: '定责派单', bo: 'ལས་འགན་བགོ་བ།' },
    'account.permission.incident_feedback': {
      zh: '职能部门反馈处置结果',
      bo: 'ལས་ཁུངས་སྡེ་ཚན་གྱིས་ཐག་གཅོད་འབྲས་བུའི་ལན་འདེབས།',
    },
    'account.permission.incident_close': { zh: '依责销号（结案）', bo: 'ཐོ་འབུད།' },
    'account.permission.incident_rate_dept': {
      zh: '一哨一考核：评价部门响应',
      bo: 'ལས་ཁུངས་སྡེ་ཚན་གྱི་ལན་འདེབས་ལ་དཔྱད་བརྗོད།',
    },
    'account.permission.incident_figures': {
      zh: '查看事件统计与排名',
      bo: 'དོན་རྐྱེན་གྱི་གྲངས་ཐོ་དང་གོ་རིམ་ལ་ལྟ་བ།',
    },
    'account.permission.ledger_export': { zh: '导出台账', bo: 'ཐོ་དེབ་ཕྱིར་འདོན།' },
    'account.permission.incident_configure': {
      zh: '设置本县（区）的网格事件类别',
      bo: 'རྫོང་འདིའི་དོན་རྐྱེན་གྱི་རིགས་སྒྲིག་འགོད།',
    },
    'account.permission.safe_report_create': {
      zh: '报平安（每日网格巡查）',
      bo: 'བདེ་འཇགས་སྙན་ཞུ། (ཉིན་རེའི་དྲ་མིག་སྐོར་ཞིབ།)',
    },
    'account.permission.safe_report_view': {
      zh: '查看各网格报平安情况',
      bo: 'དྲ་མིག་སོ་སོའི་བདེ་འཇགས་སྙན་ཞུར་ལྟ་བ།',
    },
    'account.permission.round_create': {
      zh: '网格巡查：一日两巡，走访入户',
      bo: 'དྲ་མིག་སྐོར་ཞིབ། ཉིན་རེར་ཐེངས་གཉིས་སྐོར་ཞིབ་དང་ཁྱིམ་ཚང་ལ་འཚམས་འདྲི།',
    },
    'account.permission.report_reward': {
      zh: '认定有价值的上报（以奖代补）',
      bo: 'རིན་ཐང་ལྡན་པའི་སྙན་ཞུ་ངོས་འཛིན། (བྱ་དགས་ཀྱིས་རོགས་སྐྱོར།)',
    },
    'account.permission.patrol_manage': {
      zh: '管理巡逻队、路线、点位和班次',
      bo: 'སྐོར་ཞིབ་རུ་ཁག ལམ་ཐིག ཐོ་འགོད་ས་ཚིགས། རེས་མོ་བཅས་དོ་དམ།',
    },
    'account.permission.checkin_create': { zh: '巡逻打卡', bo: 'སྐོར་ཞིབ་ཐོ་འགོད།' },
    'account.permission.checkin_review': { zh: '审核存疑打卡', bo: 'དོགས་པ་ཡོད་པའི་ཐོ་འགོད་ཞིབ་བཤེར།' },
    'account.permission.patrol_figures': { zh: '查看巡逻统计', bo: 'སྐོར་ཞིབ་ཀྱི་གྲངས་ཐོར་ལྟ་བ།' },
    'account.permission.points_rule_manage': {
      zh: '管理积分规则（村规民约）',
      bo: 'སྐར་གྲངས་སྒྲིག་སྲོལ་དོ་དམ། (གྲོང་ཚོའི་གྲོས་མཐུན་སྒྲིག་སྲོལ།)',
    },
    'account.permission.points_propose': { zh: '提出积分评定', bo: 'སྐར་གྲངས་ཀྱི་གྲོས་འཆར་འདོན་པ།' },
    'account.permission.points_approve': { zh: '审核积分评定', bo: 'སྐར་གྲངས་ཀྱི་གྲོས་འཆར་ཞིབ་བཤེར།' },
    'account.permission.points_object': {
      zh: '对公示积分提出异议',
      bo: 'ཁྱབ་བསྒྲགས་བྱས་པའི་སྐར་གྲངས་ལ་མི་མཐུན་བསམ་ཚུལ་འདོན་པ།',
    },
    'account.permission.points_figures': { zh: '查看积分统计', bo: 'སྐར་གྲངས་ཀྱི་གྲངས་ཐོར་ལྟ་བ།' },
    'account.permission.points_export': {
      zh: '导出积分与兑换台账',
      bo: 'སྐར་གྲངས་དང་བརྗེ་རེས་ཀྱི་ཐོ་དེབ་ཕྱིར་འདོན།',
    },
    'account.permission.goods_manage': { zh: '管理积分超市商品', bo: 'སྐར་གྲངས་ཚོང་ཁང་གི་ཅ་དངོས་དོ་དམ།' },
    'account.permission.redemption_create': { zh: '兑换商品', bo: 'ཅ་དངོས་བརྗེ་རེས།' },
    'account.permission.redemption_fulfil': {
      zh: '核销兑换（发放商品）',
      bo: 'བརྗེ་རེས་སྤྲོད་ལེན། (ཅ་དངོས་སྤྲོད་པ།)',
    },
    'account.permission.org_register': {
      zh: '登记社会组织 / 志愿服务队',
      bo: 'སྤྱི་ཚོགས་ཚོགས་པ། / དང་བླངས་ཞབས་ཞུ་རུ་ཁག་ཐོ་འགོད།',
    },
    'account.permission.org_approve': { zh: '审核社会组织', bo: 'སྤྱི་ཚོགས་ཚོགས་པ་ཞིབ་བཤེར།' },
    'account.permission.org_manage': { zh: '管理本组织', bo: 'ཚོགས་པ་འདི་དོ་དམ།' },
    'account.permission.task_publish': {
      zh: '发布志愿服务任务',
      bo: 'དང་བླངས་ཞབས་ཞུའི་ལས་འགན་འགྲེམས་སྤེལ།',
    },
    'account.permission.task_signup': { zh: '报名志愿服务', bo: 'དང་བླངས་ཞབས་ཞུར་མིང་འགོད།' },
    'account.permission.attendance_confirm': { zh: '确认志愿服务时长', bo: 'ཞབས་ཞུའི་དུས་ཚོད་གཏན་འཁེལ།' },
    'account.permission.need_create': {
      zh: '发布群众需求（点单）',
      bo: 'མང་ཚོགས་ཀྱི་དགོས་མཁོ་འདོན་པ།',
    },
    'account.permission.need_take': { zh: '接单', bo: 'དགོས་མཁོ་ལེན་པ།' },
    'account.permission.need_verify': { zh: '验单', bo: 'དགོས་མཁོ་ཞིབ་བཤེར།' },
    'account.permission.volunteer_figures': {
      zh: '查看志愿服务统计',
      bo: 'དང་བླངས་ཞབས་ཞུའི་གྲངས་ཐོར་ལྟ་བ།',
    },

    // ---- join requests (入户申请) ----
    'account.join.status.pending': { zh: '待审核', bo: 'ཞིབ་བཤེར་སྒུག་བཞིན་པ།' },
    'account.join.status.approved': { zh: '已同意', bo: 'མོས་མཐུན་བྱས་ཟིན།' },
    'account.join.status.refused': { zh: '没有同意', bo: 'མོས་མཐུན་མ་བྱས།' },
    'account.join.status.withdrawn': { zh: '已撤回', bo: 'ཕྱིར་འཐེན་བྱས་ཟིན།' },
    'account.join.status.revoked': { zh: '已移出', bo: 'ཕྱིར་འདོན་བྱས་ཟིན།' },
    'account.join.status.left': { zh: '已搬走', bo: 'གནས་སྤོས་ཟིན།' },

    'account.user_gone': { zh: '（已注销）', bo: '(ཐོ་ཁོངས་མེད།)' },

    // ---- messages kept in the inbox and pushed (rendered in the reader's language) ----
    // ---- the audit log's export ----
    'account.audit.sheet': { zh: '操作记录', bo: 'ལས་ཀའི་ཟིན་ཐོ།' },
    'account.audit.col.at': { zh: '时间', bo: 'དུས་ཚོད།' },
    'account.audit.col.actor': { zh: '操作人', bo: 'བཀོལ་སྤྱོད་པ།' },
    'account.audit.col.what': { zh: '操作', bo: 'བཀོལ་སྤྱོད།' },
    'account.audit.col.unit': { zh: '单位', bo: 'ལས་ཁུངས།' },
    'account.audit.col.subject': { zh: '对象', bo: 'ཡུལ།' },
    'account.audit.col.before': { zh: '改之前', bo: 'མ་བཅོས་གོང་།' },
    'account.audit.col.after': { zh: '改之后', bo: 'བཅོས་རྗེས།' },
    'account.audit.col.request': { zh: '请求编号', bo: 'རེ་ཞུའི་ཨང་།' },

    // ---- the invite sheet ----
    'account.sheet.unit': { zh: '单位', bo: 'ལས་ཁུངས།' },
    'account.sheet.role': { zh: '身份', bo: 'གོ་གནས།' },
    'account.sheet.code': { zh: '邀请码', bo: 'གདན་ཞུའི་ཨང་།' },
    'account.sheet.expires': { zh: '有效期至', bo: 'ནུས་ལྡན་དུས་མཚམས།' },
    'account.sheet.qr': { zh: '扫码加入', bo: 'ཨང་རྟགས་བཤེར་ནས་ཞུགས།' },

    // ---- roster files: column headers (the template's, matched in either language) ----
    'account.col.grid_code': { zh: '网格编码', bo: 'དྲ་མིག་གི་ཨང་རྟགས།' },
    'account.col.grid': { zh: '网格', bo: 'དྲ་མིག' },
    'account.col.household_no': { zh: '户号', bo: 'ཁྱིམ་ཨང་།' },
    'account.col.head_name': { zh: '户主姓名', bo: 'ཁྱིམ་བདག་གི་མིང་།' },
    'account.col.phone': { zh: '电话', bo: 'ཁ་པར།' },
    'account.col.address': { zh: '地址/门牌号', bo: 'ཁ་བྱང་། / ཁྱིམ་ཨང་།' },
    'account.col.size': { zh: '人口数', bo: 'མི་གྲངས།' },
    'account.col.members': { zh: '户内成员', bo: 'ཁྱིམ་མི།' },
    'account.col.name': { zh: '姓名', bo: 'མིང་།' },
    'account.col.role': { zh: '身份', bo: 'གོ་གནས།' },
    'account.col.unit_code': { zh: '单位编码', bo: 'ལས་ཁུངས་ཀྱི་ཨང་རྟགས།' },
    'account.col.unit': { zh: '单位', bo: 'ལས་ཁུངས།' },
    'account.sheet.households': { zh: '住户名册', bo: 'ཁྱིམ་ཚང་མིང་ཐོ།' },
    'account.sheet.staff': { zh: '人员名册', bo: 'མི་སྣའི་མིང་ཐོ།' },
    /** rows whose key cell starts with this are the template's example, never imported */
    'account.import.example': { zh: '示例', bo: 'དཔེ་མཚོན།' },
    'account.import.example_name': { zh: '示例：卓玛', bo: 'དཔེ་མཚོན། སྒྲོལ་མ།' },
    'account.import.example_address': { zh: '幸福路 8 号', bo: 'བདེ་སྐྱིད་ལམ་ཨང་ 8' },
    'account.import.example_members': { zh: '扎西 13900000001；拉姆', bo: 'བཀྲ་ཤིས། 13900000001; ལྷ་མོ།' },

    // ---- roster files: why a row cannot be imported ----
    'account.import.p.required': { zh: '必须填写', bo: 'འབྲི་དགོས།' },
    'account.import.p.no_column': {
      zh: '表格缺少这一列，请用下载的模板',
      bo: 'རེའུ་མིག་ནང་སྟར་འདི་མི་འདུག ཕབ་ལེན་བྱས་པའི་དཔེ་གཞི་བེད་སྤྱོད་རོགས།',
    },
    'account.import.p.bad_phone': { zh: '手机号不对，应为 11 位数字', bo: 'ཁ་པར་ཨང་མི་འགྲིག ཨང་གྲངས་ 11 དགོས།' },
    'account.import.p.too_long': { zh: '太长了，最多 {max} 个字', bo: 'རིང་དྲགས་འདུག ཡིག་འབྲུ་ {max} ལས་མང་བ་མི་ཆོག' },
    'account.import.p.grid_unknown': {
      zh: '没有找到这个网格（请填网格编码，或本单位下网格的全名）',
      bo: 'དྲ་མིག་འདི་རྙེད་མ་བྱུང་། (དྲ་མིག་གི་ཨང་རྟགས་སམ་ལས་ཁུངས་འདིའི་འོག་གི་དྲ་མིག་གི་མིང་ཆ་ཚང་འབྲི་རོགས།)',
    },
    'account.import.p.grid_ambiguous': {
      zh: '有几个网格叫这个名字，请填网格编码',
      bo: 'མིང་འདི་འདྲ་བའི་དྲ་མིག་ཁ་ཤས་འདུག དྲ་མིག་གི་ཨང་རྟགས་འབྲི་རོགས།',
    },
    'account.import.p.grid_retired': { zh: '这个网格已经撤销了', bo: 'དྲ་མིག་འདི་མེད་པར་བཟོས་ཟིན།' },
    'account.import.p.same_household': {
      zh: '和第 {row} 行是同一户（网格和户号都相同）',
      bo: 'ཐིག་ཕྲེང་ {row} པ་དང་ཁྱིམ་ཚང་གཅིག་རེད། (དྲ་མིག་དང་ཁྱིམ་ཨང་གཅིག་མཚུངས།)',
    },
    'account.import.p.same_phone': { zh: '这个手机号在第 {row} 行也有', bo: 'ཁ་པར་ཨང་འདི་ཐིག་ཕྲེང་ {row} པར་ཡང་འདུག' },
    'account.import.p.phone_elsewhere': {
      zh: '这个手机号已登记在另一户',
      bo: 'ཁ་པར་ཨང་འདི་ཁྱིམ་ཚང་གཞན་ཞིག་ལ་ཐོ་འགོད་བྱས་ཟིན།',
    },
    'account.import.p.bad_size': { zh: '人口数应是 1 到 30 的整数', bo: 'མི་གྲངས་ནི་ 1 ནས་ 30 བར་གྱི་ཨང་གྲངས་ཆ་ཚང་དགོས།' },
    'account.import.p.bad_members': {
      zh: '户内成员要写成"姓名 手机号"，几个人用分号隔开，最多 {max} 人',
      bo: 'ཁྱིམ་མི་ "མིང་། ཁ་པར་ཨང་།" ཞེས་འབྲི་དགོས། མི་མང་ན་ཚེག་ཟུང་གིས་ཁ་གྱེས། མང་མཐར་ {max}',
    },
    'account.import.p.bad_role': {
      zh: '身份只能填：网格员、信息员、职能部门办理人',
      bo: 'གོ་གནས་ལ་ དྲ་མིག་ལས་བྱེད་པ། ཆ་འཕྲིན་བསྡུ་མཁན། ལས་ཁུངས་སྡེ་ཚན་གྱི་ལས་སྒྲུབ་པ། ཁོ་ན་འབྲི་ཆོག',
    },
    'account.import.p.unit_unknown': {
      zh: '没有找到这个单位（请填单位编码，或本单位下的单位全名）',
      bo: 'ལས་ཁུངས་འདི་རྙེད་མ་བྱུང་། (ལས་ཁུངས་ཀྱི་ཨང་རྟགས་སམ་མིང་ཆ་ཚང་འབྲི་རོགས།)',
    },
    'account.import.p.role_not_here': {
      zh: '这个身份不能设在这个单位',
      bo: 'གོ་གནས་འདི་ལས་ཁུངས་འདིར་འཇོག་མི་ཆོག',
    },
    'account.import.p.cannot_grant': {
      zh: '您不能在这个单位授予这个身份',
      bo: 'ཁྱེད་ཀྱིས་ལས་ཁུངས་འདིར་གོ་གནས་འདི་སྤྲོད་མི་ཆོག',
    },
    'account.import.p.same_staff': { zh: '和第 {row} 行重复', bo: 'ཐིག་ཕྲེང་ {row} པ་དང་བསྐྱར་ཟློས་བྱུང་།' },

    'account.inbox.roster_joined.title': { zh: '已加入您家', bo: 'ཁྱེད་ཀྱི་ཁྱིམ་ཚང་དུ་ཞུགས་ཟིན།' },
    'account.inbox.roster_joined.body': {
      zh: '您的手机号在村里的住户名册上，已为您加入「{household}」，可以看到这一户的积分了。',
      bo: 'ཁྱེད་ཀྱི་ཁ་པར་ཨང་གྲོང་ཚོའི་ཁྱིམ་ཚང་མིང་ཐོའི་ནང་ཡོད་པས། "{household}" ལ་ཞུགས་ཟིན། ཁྱིམ་ཚང་འདིའི་སྐར་གྲངས་ལ་ལྟ་ཐུབ།',
    },
    'account.inbox.join_asked.title': {
      zh: '有人申请加入您家',
      bo: 'མི་ཞིག་གིས་ཁྱེད་ཀྱི་ཁྱིམ་ཚང་དུ་ཞུགས་རྒྱུའི་རེ་ཞུ་ཕུལ་འདུག',
    },
    'account.inbox.join_asked.body': {
      zh: '{name} 申请加入 {household}。请到首页"待审核的入户申请"里同意或不同意。',
      bo: '{name} ཡིས་ {household} ལ་ཞུགས་རྒྱུའི་རེ་ཞུ་ཕུལ་འདུག གཙོ་ངོས་ཀྱི་"ཞིབ་བཤེར་སྒུག་པའི་རེ་ཞུ"ནང་མོས་མཐུན་ནམ་མི་མོས་འདེམས་རོགས།',
    },
    'account.inbox.join_approved.title': {
      zh: '入户申请已同意',
      bo: 'ཁྱིམ་ཚང་དུ་ཞུགས་རྒྱུའི་རེ་ཞུར་མོས་མཐུན་བྱུང་།',
    },
    'account.inbox.join_approved.body': {
      zh: '您已是 {household} 的成员。',
      bo: 'ཁྱེད་ {household} གི་ཁྱིམ་མི་ཡིན་ཟིན།',
    },
    'account.inbox.join_refused.title': {
      zh: '入户申请没有同意',
      bo: 'ཁྱིམ་ཚང་དུ་ཞུགས་རྒྱུའི་རེ་ཞུར་མོས་མཐུན་མ་བྱུང་།',
    },
    'account.inbox.join_refused.body': {
      zh: '申请加入 {household} 没有同意。原因：{reason}',
      bo: '{household} ལ་ཞུགས་རྒྱུའི་རེ་ཞུར་མོས་མཐུན་མ་བྱུང་། རྒྱུ་མཚན། {reason}',
    },
    'account.inbox.member_added.title': {
      zh: '家里加入了新成员',
      bo: 'ཁྱིམ་ཚང་དུ་ཁྱིམ་མི་གསར་པ་ཞིག་ཞུགས་སོང་།',
    },
    'account.inbox.member_added.body': {
      zh: '{name} 已加入您家，是 {by} 同意的。',
      bo: '{name} ཁྱེད་ཀྱི་ཁྱིམ་ཚང་དུ་ཞུགས་སོང་། མོས་མཐུན་བྱེད་མཁན་ནི་ {by} ཡིན།',
    },
    'account.inbox.member_removed.title': {
      zh: '您已被移出户',
      bo: 'ཁྱེད་ཁྱིམ་ཚང་ནས་ཕྱིར་འདོན་བྱས་སོང་།',
    },
    'account.inbox.member_removed.body': {
      zh: '您已不是 {household} 的成员。原因：{reason}',
      bo: 'ཁྱེད་ད་ནས་ {household} གི་ཁྱིམ་མི་མིན། རྒྱུ་མཚན། {reason}',
    },
    'account.inbox.member_removed_head.title': {
      zh: '家里有成员被移出',
      bo: 'ཁྱེད་ཀྱི་ཁྱིམ་མི་ཞིག་ཕྱིར་འདོན་བྱས་སོང་།',
    },
    'account.inbox.member_removed_head.body': {
      zh: '{name} 已被 {by} 移出您家。原因：{reason}',
      bo: '{by} ཡིས་ {name} ཁྱེད་ཀྱི་ཁྱིམ་ཚང་ནས་ཕྱིར་འདོན་བྱས་སོང་། རྒྱུ་མཚན། {reason}',
    },
  }),
)

export function permissionLabel(permission: Permission, lang: Lang): string {
  return textOf(ACCOUNT_SERVER[`account.permission.${permission}`], lang)
}

export function joinStatusLabel(status: JoinStatus, lang: Lang): string {
  return textOf(ACCOUNT_SERVER[`account.join.status.${status}`], lang)
}

type InboxKey = keyof typeof ACCOUNT_SERVER & `account.inbox.${string}`

/** An inbox or push message of this domain, its parameters checked against its text; rendered when read. */
export function accountRef<K extends InboxKey>(key: K, ...args: ArgsOf<(typeof ACCOUNT_SERVER)[K]['zh']>): MessageRef {
  const [params] = args as [Record<string, string | number>?]
  return params ? { key, params } : { key }
}
