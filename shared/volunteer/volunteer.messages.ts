import { defineMessages, register, type ArgsOf, type MessageRef } from '../i18n/i18n'

/**
 * The volunteer domain's words in both languages: statuses, kinds, categories, the steps of a need, what the
 * inbox and the reminders say, the notes of the hours record, and the labels of every input field of the
 * volunteer contract. The server renders labels in the reader's language (views carry `statusLabel` etc.); kept
 * messages (inbox, hours notes) are stored as keys with parameters and rendered when read: parameters named
 * `…At` are times and `…On` days, formatted in the reader's language. Tibetan follows docs/GLOSSARY.md.
 */
export const VOLUNTEER_MESSAGES = register(
  defineMessages({
    // ---- statuses ----
    'volunteer.org_status.pending': { zh: '待审核', bo: 'ཞིབ་དཔྱད་སྒུག་བཞིན་པ།' },
    'volunteer.org_status.approved': { zh: '已通过', bo: 'ཆོག་མཆན་ཐོབ་ཟིན།' },
    'volunteer.org_status.rejected': { zh: '未通过', bo: 'ཆོག་མཆན་མ་ཐོབ།' },
    'volunteer.task_status.open': { zh: '报名中', bo: 'མིང་འགོད་བཞིན་པ།' },
    'volunteer.task_status.cancelled': { zh: '已取消', bo: 'མེད་པར་བཟོས་ཟིན།' },
    'volunteer.signup_status.confirmed': { zh: '已报名', bo: 'མིང་འགོད་ཟིན།' },
    'volunteer.signup_status.waitlisted': { zh: '候补中', bo: 'རྗེས་འཇུག་མིང་ཐོར་ཡོད།' },
    'volunteer.signup_status.cancelled': { zh: '已取消', bo: 'མེད་པར་བཟོས་ཟིན།' },
    'volunteer.attendance_status.pending': { zh: '待确认', bo: 'གཏན་འཁེལ་སྒུག་བཞིན་པ།' },
    'volunteer.attendance_status.attended': { zh: '已确认时长', bo: 'དུས་ཚོད་གཏན་འཁེལ་ཟིན།' },
    'volunteer.attendance_status.absent': { zh: '未到', bo: 'མ་སླེབས།' },
    'volunteer.need_status.submitted': { zh: '待村里审核', bo: 'གྲོང་ཚོས་ཞིབ་དཔྱད་སྒུག་བཞིན་པ།' },
    'volunteer.need_status.published': { zh: '待接单', bo: 'ལེན་མཁན་སྒུག་བཞིན་པ།' },
    'volunteer.need_status.taken': { zh: '已接单', bo: 'བླངས་ཟིན།' },
    'volunteer.need_status.done': { zh: '待群众确认', bo: 'མང་ཚོགས་ཀྱིས་གཏན་འཁེལ་སྒུག་བཞིན་པ།' },
    'volunteer.need_status.confirmed': { zh: '待村里验单', bo: 'གྲོང་ཚོས་ཞིབ་བཤེར་སྒུག་བཞིན་པ།' },
    'volunteer.need_status.verified': { zh: '已验单', bo: 'ཞིབ་བཤེར་ཟིན།' },
    'volunteer.need_status.rejected': { zh: '未通过', bo: 'ཆོག་མཆན་མ་ཐོབ།' },
    'volunteer.need_status.withdrawn': { zh: '已撤回', bo: 'ཕྱིར་འཐེན་ཟིན།' },

    // ---- the steps of a need (its history) ----
    'volunteer.need_step.create': { zh: '发布需求', bo: 'དགོས་མཁོ་བཏོན།' },
    'volunteer.need_step.publish': { zh: '村里公开', bo: 'གྲོང་ཚོས་གསལ་བསྒྲགས་བྱས།' },
    'volunteer.need_step.reject': { zh: '审核未通过', bo: 'ཞིབ་དཔྱད་ལ་ཆོག་མཆན་མ་ཐོབ།' },
    'volunteer.need_step.withdraw': { zh: '撤回', bo: 'ཕྱིར་འཐེན།' },
    'volunteer.need_step.take': { zh: '接单', bo: 'དགོས་མཁོ་བླངས།' },
    'volunteer.need_step.complete': { zh: '报告完成', bo: 'ལེགས་གྲུབ་སྙན་ཞུ་བྱས།' },
    'volunteer.need_step.confirm': { zh: '群众确认', bo: 'མང་ཚོགས་ཀྱིས་གཏན་འཁེལ་བྱས།' },
    'volunteer.need_step.verify': { zh: '验单通过', bo: 'ཞིབ་བཤེར་ལེགས་གྲུབ།' },
    'volunteer.need_step.rework': { zh: '退回重办', bo: 'ཕྱིར་སློག་ནས་བསྐྱར་དུ་བྱེད།' },

    // ---- kinds, categories, sources of hours ----
    'volunteer.org_kind.social_org': { zh: '社会组织', bo: 'སྤྱི་ཚོགས་ཚོགས་པ།' },
    'volunteer.org_kind.volunteer_team': { zh: '志愿服务队', bo: 'དང་བླངས་ཞབས་ཞུ་རུ་ཁག' },
    'volunteer.category.elderly': { zh: '助老助残', bo: 'རྒན་པ་དང་དབང་པོ་སྐྱོན་ཅན་ལ་རོགས་རམ།' },
    'volunteer.category.environment': { zh: '环境卫生', bo: 'ཁོར་ཡུག་གཙང་སྦྲ།' },
    'volunteer.category.safety': { zh: '平安巡防', bo: 'བདེ་འཇགས་སྐོར་ཞིབ།' },
    'volunteer.category.civility': { zh: '文明宣传', bo: 'ཡ་རབས་དྲིལ་བསྒྲགས།' },
    'volunteer.category.education': { zh: '助学支教', bo: 'སློབ་སྦྱོང་ལ་རོགས་རམ།' },
    'volunteer.category.health': { zh: '健康义诊', bo: 'འཕྲོད་བསྟེན་ནད་བརྟག' },
    'volunteer.category.emergency': { zh: '应急救助', bo: 'ཛ་དྲག་སྐྱོབ་གསོ།' },
    'volunteer.category.other': { zh: '其他', bo: 'གཞན།' },
    'volunteer.source.task': { zh: '志愿服务任务', bo: 'དང་བླངས་ཞབས་ཞུའི་ལས་འགན།' },
    'volunteer.source.patrol': { zh: '巡逻', bo: 'སྐོར་ཞིབ།' },
    'volunteer.source.need': { zh: '群众点单', bo: 'དགོས་མཁོ་འདོན་པ།' },

    // ---- the inbox and reminders (kept as keys, rendered for the reader; reminders pushed in their language) ----
    'volunteer.inbox.reminder_title': { zh: '志愿服务提醒：{title}', bo: 'དང་བླངས་ཞབས་ཞུའི་དྲན་སྐུལ། {title}' },
    'volunteer.inbox.reminder_body': {
      zh: '{startAt} 在 {place}，到场后请扫码或定位签到。',
      bo: '{startAt} {place}་ལ། སླེབས་རྗེས་ཨང་བཤེར་རམ་གནས་ཡུལ་གྱིས་འབྱོར་ཐོ་འགོད་རོགས།',
    },
    'volunteer.inbox.promoted_title': { zh: '候补成功：{title}', bo: 'རྗེས་འཇུག་ནས་མིང་འགོད་ཐོབ། {title}' },
    'volunteer.inbox.promoted_body': {
      zh: '有人取消了报名，您已转为正式报名。{startAt} 在 {place}。',
      bo: 'མི་ཞིག་གིས་མིང་འགོད་མེད་པར་བཟོས་པས་ཁྱེད་ལ་མིང་འགོད་ཐོབ་སོང་། {startAt} {place}་ལ།',
    },
    'volunteer.inbox.published_title': { zh: '您的需求已公开：{title}', bo: 'ཁྱེད་ཀྱི་དགོས་མཁོ་གསལ་བསྒྲགས་བྱས་ཟིན། {title}' },
    'volunteer.inbox.published_body': {
      zh: '村里已审核，等待社会组织接单。',
      bo: 'གྲོང་ཚོས་ཞིབ་དཔྱད་བྱས་ཟིན། ཚོགས་པས་ལེན་རྒྱུ་སྒུག་བཞིན་པ།',
    },
    'volunteer.inbox.rejected_title': { zh: '您的需求未通过：{title}', bo: 'ཁྱེད་ཀྱི་དགོས་མཁོར་ཆོག་མཆན་མ་ཐོབ། {title}' },
    'volunteer.inbox.rejected_body': { zh: '原因：{note}', bo: 'རྒྱུ་མཚན། {note}' },
    'volunteer.inbox.taken_title': { zh: '您的需求已有人接单：{title}', bo: 'ཁྱེད་ཀྱི་དགོས་མཁོ་མི་ཞིག་གིས་བླངས་ཟིན། {title}' },
    'volunteer.inbox.taken_body': {
      zh: '{org} 接单，会尽快联系您。',
      bo: '{org} གིས་བླངས་ཟིན། མྱུར་དུ་ཁྱེད་དང་འབྲེལ་བ་བྱེད་ངེས།',
    },
    'volunteer.inbox.done_title': { zh: '请确认：{title}', bo: 'གཏན་འཁེལ་བྱོས། {title}' },
    'volunteer.inbox.done_body': {
      zh: '{org}说已经办好：{outcome}。如果属实，请在"我的需求"里确认。',
      bo: '{org} གིས་ལེགས་གྲུབ་བྱུང་ཟེར། {outcome} བདེན་ན་"ངའི་དགོས་མཁོ།"ནང་གཏན་འཁེལ་བྱོས།',
    },

    // ---- notes of the hours record and the reasons of points earned by volunteering ----
    'volunteer.hours.task_note': { zh: '{title}（{startOn}，{org}）', bo: '{title} ({startOn}, {org})' },
    'volunteer.hours.need_note': {
      zh: '群众点单「{title}」（{verifiedOn}，{org}）',
      bo: 'དགོས་མཁོ་འདོན་པ། "{title}" ({verifiedOn}, {org})',
    },
    'volunteer.points.task_reason': {
      zh: '志愿服务「{title}」{hours} 小时',
      bo: 'དང་བླངས་ཞབས་ཞུ། "{title}" ཆུ་ཚོད་ {hours}',
    },
    'volunteer.points.need_reason': {
      zh: '群众点单「{title}」验单通过',
      bo: 'དགོས་མཁོ་འདོན་པ། "{title}" ཞིབ་བཤེར་ལེགས་གྲུབ།',
    },

    // ---- input checks of the volunteer contract (keyText in the schemas) ----
    'volunteer.v.end_after_start': {
      zh: '结束时间要晚于开始时间',
      bo: 'མཇུག་སྒྲིལ་དུས་ཚོད་འགོ་ཚུགས་དུས་ཚོད་ལས་ཕྱི་བ་དགོས།',
    },
    'volunteer.v.max_length': {
      zh: '一次任务最长 {hours} 小时',
      bo: 'ལས་འགན་ཐེངས་གཅིག་ལ་མང་མཐར་ཆུ་ཚོད་ {hours} ལས་མི་ཆོག',
    },
    'volunteer.v.deadline_before_start': {
      zh: '报名截止要早于开始时间',
      bo: 'མིང་འགོད་མཇུག་སྒྲིལ་དུས་ཚོད་འགོ་ཚུགས་དུས་ཚོད་ལས་སྔ་བ་དགོས།',
    },
    'volunteer.v.code_or_location': {
      zh: '请扫码或允许获取位置',
      bo: 'ཨང་བཤེར་རམ་གནས་ཡུལ་ལེན་པར་ཆོག་མཆན་སྤྲོད་རོགས།',
    },
    'volunteer.v.one_volunteer': {
      zh: '至少写一位参与的志愿者',
      bo: 'ཞུགས་པའི་དང་བླངས་པ་ཉུང་མཐར་གཅིག་འབྲི་རོགས།',
    },

    // ---- labels of the volunteer contract's input fields ----
    'field.kind': { zh: '类型', bo: 'རིགས' },
    'field.intro': { zh: '简介', bo: 'ངོ་སྤྲོད' },
    'field.contactName': { zh: '联系人', bo: 'འབྲེལ་གཏུག་པ' },
    'field.contactPhone': { zh: '联系电话', bo: 'འབྲེལ་གཏུག་ཁ་པར' },
    'field.orgId': { zh: '组织', bo: 'ཚོགས་པ' },
    'field.approve': { zh: '是否通过', bo: 'ཆོག་མཆན་སྤྲོད་མིན' },
    'field.status': { zh: '状态', bo: 'གནས་སྟངས' },
    'field.title': { zh: '标题', bo: 'འགོ་བརྗོད' },
    'field.description': { zh: '描述', bo: 'གསལ་བཤད' },
    'field.category': { zh: '类别', bo: 'རིགས' },
    'field.placeName': { zh: '地点', bo: 'ས་ཆ' },
    'field.radiusM': { zh: '范围（米）', bo: 'ཁྱབ་ཁོངས། (སྨི།)' },
    'field.volunteer.datum': { zh: '坐标系', bo: 'ས་ཁོངས་རྩིས་གཞི' },
    'field.startAt': { zh: '开始时间', bo: 'འགོ་ཚུགས་དུས་ཚོད' },
    'field.endAt': { zh: '结束时间', bo: 'མཇུག་སྒྲིལ་དུས་ཚོད' },
    'field.slots': { zh: '名额', bo: 'མི་གྲངས' },
    'field.signupDeadline': { zh: '报名截止时间', bo: 'མིང་འགོད་མཇུག་སྒྲིལ་དུས་ཚོད' },
    'field.requirements': { zh: '要求', bo: 'ཆ་རྐྱེན' },
    'field.pointsRule': { zh: '积分规则', bo: 'སྐར་གྲངས་སྒྲིག་སྲོལ' },
    'field.earnsPoints': { zh: '是否计积分', bo: 'སྐར་གྲངས་རྩིས་མིན' },
    'field.maxHours': { zh: '最多计几小时', bo: 'མང་མཐར་ཆུ་ཚོད་ག་ཚོད་རྩིས' },
    'field.includePast': { zh: '包括已结束的', bo: 'མཇུག་རྫོགས་པ་ཚུད་པ' },
    'field.taskId': { zh: '任务', bo: 'ལས་འགན' },
    'field.volunteer.code': { zh: '编码', bo: 'ཨང' },
    'field.signupId': { zh: '报名', bo: 'མིང་འགོད' },
    'field.attended': { zh: '是否到场', bo: 'སླེབས་མིན' },
    'field.hours': { zh: '时长（小时）', bo: 'དུས་ཚོད། (ཆུ་ཚོད།)' },
    'field.neededBy': { zh: '希望完成的时间', bo: 'ལེགས་གྲུབ་དགོས་པའི་དུས་ཚོད' },
    'field.needId': { zh: '需求', bo: 'དགོས་མཁོ' },
    'field.awardPoints': { zh: '是否计入家庭积分', bo: 'ཁྱིམ་ཚང་གི་སྐར་གྲངས་སུ་རྩིས་མིན' },
    'field.volunteer.outcome': { zh: '完成情况', bo: 'ལེགས་གྲུབ་གནས་ཚུལ' },
    'field.volunteers': { zh: '参与的志愿者', bo: 'ཞུགས་པའི་དང་བླངས་པ' },
    'field.userId': { zh: '人员', bo: 'མི་སྣ' },
  }),
)

type Key = keyof typeof VOLUNTEER_MESSAGES & string

/** A message of this catalogue to keep and render later; the key and its parameters are checked by the typecheck. */
export function volunteerRef<K extends Key>(key: K, ...args: ArgsOf<(typeof VOLUNTEER_MESSAGES)[K]['zh']>): MessageRef {
  const [params] = args as [Record<string, string | number>?]
  return params ? { key, params } : { key }
}
