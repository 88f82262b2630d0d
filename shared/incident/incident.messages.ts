import { defineMessages, register } from '../i18n/i18n'

/**
 * The incident domain's words, rendered in the reader's language wherever they are shown: statuses, actions,
 * handler levels, severities, default categories, ratings and mediation outcomes (labels the views render in
 * `ctx.lang`); the inbox and push messages and the timeline notes the system writes (kept as MessageRefs and
 * rendered when read or sent); the ledger's columns. Tibetan in plain words, following docs/GLOSSARY.md.
 * Input checks and field labels are in `incident.input.messages.ts`.
 */
export const INCIDENT = register(
  defineMessages({
    // ---- statuses (incident.states.ts) ----
    'incident.status.submitted': { zh: '待受理', bo: 'ལེན་རྒྱུ་སྒུག་བཞིན།' },
    'incident.status.accepted': { zh: '处置中', bo: 'ཐག་གཅོད་བྱེད་བཞིན།' },
    'incident.status.escalated': { zh: '已上报（吹哨）', bo: 'གོང་རིམ་ལ་སྙན་ཞུ་བྱས་ཟིན།' },
    'incident.status.dispatched': { zh: '已派单', bo: 'ལས་འགན་བགོས་ཟིན།' },
    'incident.status.reported_back': { zh: '部门已反馈', bo: 'ལས་ཁུངས་ཀྱིས་ལན་བཏབ་ཟིན།' },
    'incident.status.resolved': { zh: '已办结，待评价', bo: 'ལེགས་གྲུབ་ཟིན། དཔྱད་བརྗོད་སྒུག་བཞིན།' },
    'incident.status.confirmed': { zh: '已结案', bo: 'མཇུག་བསྡུས་ཟིན།' },
    'incident.status.rejected': { zh: '已退回', bo: 'ཕྱིར་སློག་བྱས་ཟིན།' },
    'incident.status.reopened': { zh: '重新处理', bo: 'བསྐྱར་དུ་ཐག་གཅོད།' },

    // ---- what happened on a case (its timeline) ----
    'incident.action.report': { zh: '上报', bo: 'སྙན་ཞུ།' },
    'incident.action.accept': { zh: '受理', bo: 'ལེན་པ།' },
    'incident.action.resolve': { zh: '办结', bo: 'ལེགས་གྲུབ།' },
    'incident.action.escalate': { zh: '上报上级（吹哨）', bo: 'གོང་རིམ་ལ་སྙན་ཞུ།' },
    'incident.action.reject': { zh: '退回', bo: 'ཕྱིར་སློག' },
    'incident.action.dispatch': { zh: '定责派单', bo: 'ལས་འགན་བགོ་བ།' },
    'incident.action.feedback': { zh: '部门反馈', bo: 'ལས་ཁུངས་ཀྱི་ལན་འདེབས།' },
    'incident.action.close': { zh: '依责销号', bo: 'ཐོ་འབུད།' },
    'incident.action.rate_ok': { zh: '群众评价', bo: 'མང་ཚོགས་ཀྱི་དཔྱད་བརྗོད།' },
    'incident.action.rate_unsatisfied': {
      zh: '群众不满意，重新处理',
      bo: 'མང་ཚོགས་ཚིམ་པོ་མ་བྱུང་། བསྐྱར་དུ་ཐག་གཅོད།',
    },
    'incident.action.auto_confirm': {
      zh: '超期未评价，自动结案',
      bo: 'དུས་ཡོལ་ཡང་དཔྱད་བརྗོད་མ་བྱས། རང་འགུལ་གྱིས་མཇུག་བསྡུས།',
    },
    'incident.action.auto_escalate': {
      zh: '超时未处理，自动上报上级',
      bo: 'དུས་ཡོལ་ཡང་ཐག་གཅོད་མ་བྱས། རང་འགུལ་གྱིས་གོང་རིམ་ལ་སྙན་ཞུ།',
    },
    'incident.action.join': { zh: '我也遇到', bo: 'ང་ལའང་ཐུག་བྱུང་།' },
    'incident.action.mediate': { zh: '调解记录', bo: 'བར་འདུམ་ཟིན་ཐོ།' },
    'incident.action.rate_dept': { zh: '一哨一考核', bo: 'ལས་ཁུངས་ལ་དཔྱད་བརྗོད།' },
    'incident.action.overdue': { zh: '已超时', bo: 'དུས་ཡོལ་སོང་།' },

    // ---- who holds a case ----
    'incident.level.grid': { zh: '网格', bo: 'དྲ་མིག' },
    'incident.level.village': { zh: '村（社区）', bo: 'གྲོང་ཚོ། (སྡོད་ཁུལ།)' },
    'incident.level.township': { zh: '乡镇综治中心', bo: 'ཞང་གི་སྤྱི་ཁྱབ་བཅོས་སྒྲིག་ལྟེ་གནས།' },
    'incident.level.department': { zh: '职能部门', bo: 'ལས་ཁུངས་སྡེ་ཚན།' },

    // ---- vocabulary of a report ----
    'incident.severity.normal': { zh: '一般', bo: 'རྒྱུན་ལྡན།' },
    'incident.severity.major': { zh: '较大', bo: 'ཅུང་ཆེ།' },
    'incident.severity.serious': { zh: '重大', bo: 'ཚབས་ཆེན།' },
    'incident.category.dispute': { zh: '矛盾纠纷', bo: 'འགལ་ཟླ་རྩོད་གཞི།' },
    'incident.category.hazard': { zh: '安全隐患', bo: 'བདེ་འཇགས་ཉེན་ཁ།' },
    'incident.category.public_order': { zh: '治安', bo: 'སྤྱི་བདེ།' },
    'incident.category.sanitation': { zh: '环境卫生', bo: 'ཁོར་ཡུག་གཙང་སྦྲ།' },
    'incident.category.facility': { zh: '设施损坏', bo: 'སྒྲིག་ཆས་གཏོར་བ།' },
    'incident.category.service': { zh: '民生服务', bo: 'དམངས་འཚོའི་ཞབས་ཞུ།' },
    'incident.category.other': { zh: '其他', bo: 'གཞན།' },
    'incident.rating.satisfied': { zh: '满意', bo: 'ཚིམ་པོ།' },
    'incident.rating.basic': { zh: '基本满意', bo: 'ཕལ་ཆེར་ཚིམ་པོ།' },
    'incident.rating.unsatisfied': { zh: '不满意', bo: 'ཚིམ་པོ་མིན།' },
    'incident.rating.none': { zh: '未评价', bo: 'དཔྱད་བརྗོད་མ་བྱས།' },
    'incident.mediation.success': { zh: '调解成功', bo: 'བར་འདུམ་ལེགས་གྲུབ།' },
    'incident.mediation.failed': { zh: '调解未成功', bo: 'བར་འདུམ་མ་འགྲུབ།' },
    'incident.mediation.transferred': { zh: '转交', bo: 'གཞན་ལ་སྤྲད།' },

    // ---- people on a case ----
    'incident.anonymous': { zh: '匿名群众', bo: 'མིང་མ་བཀོད་པའི་མང་ཚོགས།' },
    'incident.system': { zh: '系统', bo: 'མ་ལག' },

    // ---- what the reporter and those who joined are told ----
    'incident.tell.reported.title': { zh: '上报成功', bo: 'སྙན་ཞུ་ལེགས་གྲུབ།' },
    'incident.tell.reported.body': {
      zh: '您上报的"{category}"已收到（编号 {code}），{level}会尽快受理。',
      bo: 'ཁྱེད་ཀྱི་སྙན་ཞུ། "{category}" འབྱོར་སོང་། ཨང་རྟགས། {code} མྱུར་དུ་ལེན་རྒྱུ་ཡིན། ལེན་མཁན། {level}',
    },
    'incident.tell.accepted.title': { zh: '事件已受理', bo: 'དོན་རྐྱེན་ལེན་ཟིན།' },
    'incident.tell.accepted.body': {
      zh: '您上报的事（{code}）已由{level}受理，正在处理。',
      bo: 'ཁྱེད་ཀྱི་དོན་རྐྱེན། ({code}) ལེན་ཟིན། ཐག་གཅོད་བྱེད་བཞིན་ཡོད། ལེན་མཁན། {level}',
    },
    'incident.tell.resolved.title': { zh: '事件已办结，请评价', bo: 'དོན་རྐྱེན་ལེགས་གྲུབ་ཟིན། དཔྱད་བརྗོད་གནང་རོགས།' },
    'incident.tell.resolved.body': {
      zh: '您上报的事（{code}）已办结：{note}。请告诉我们您是否满意。',
      bo: 'ཁྱེད་ཀྱི་དོན་རྐྱེན། ({code}) ལེགས་གྲུབ་ཟིན། {note} ཁྱེད་ཚིམ་མིན་ང་ཚོར་ཤོད་རོགས།',
    },
    'incident.tell.escalated.title': { zh: '事件已上报上级', bo: 'དོན་རྐྱེན་གོང་རིམ་ལ་སྙན་ཞུ་བྱས་ཟིན།' },
    'incident.tell.escalated.body': {
      zh: '您上报的事（{code}）已上报到{level}处理。',
      bo: 'ཁྱེད་ཀྱི་དོན་རྐྱེན། ({code}) གོང་རིམ་ལ་སྙན་ཞུ་བྱས་ཟིན། ད་ལྟ་ཐག་གཅོད་མཁན། {level}',
    },
    'incident.tell.auto_escalated.body': {
      zh: '您上报的事已转到{level}处理。',
      bo: 'ཁྱེད་ཀྱི་དོན་རྐྱེན་གོང་རིམ་ལ་སྤྲད་ཟིན། ད་ལྟ་ཐག་གཅོད་མཁན། {level}',
    },
    'incident.tell.rejected.title': { zh: '事件被退回', bo: 'དོན་རྐྱེན་ཕྱིར་སློག་བྱས་སོང་།' },
    'incident.tell.rejected.body': {
      zh: '您上报的事（{code}）被退回，理由：{note}',
      bo: 'ཁྱེད་ཀྱི་དོན་རྐྱེན། ({code}) ཕྱིར་སློག་བྱས་སོང་། རྒྱུ་མཚན། {note}',
    },
    'incident.tell.dispatched.title': { zh: '事件已派单', bo: 'དོན་རྐྱེན་ལས་འགན་བགོས་ཟིན།' },
    'incident.tell.dispatched.body': {
      zh: '您上报的事（{code}）已派给{dept}办理。',
      bo: 'ཁྱེད་ཀྱི་དོན་རྐྱེན། ({code}) ལས་འགན་བགོས་ཟིན། ཐག་གཅོད་མཁན། {dept}',
    },
    'incident.tell.reported_back.title': { zh: '部门已反馈', bo: 'ལས་ཁུངས་ཀྱིས་ལན་བཏབ་ཟིན།' },
    'incident.tell.reported_back.body': {
      zh: '您上报的事（{code}）职能部门已处理并反馈，等待综治中心销号。',
      bo: 'ཁྱེད་ཀྱི་དོན་རྐྱེན། ({code}) ལས་ཁུངས་སྡེ་ཚན་གྱིས་ཐག་གཅོད་བྱས་ནས་ལན་བཏབ་ཟིན། སྤྱི་ཁྱབ་བཅོས་སྒྲིག་ལྟེ་གནས་ཀྱིས་ཐོ་འབུད་བྱེད་རྒྱུ་སྒུག་བཞིན་ཡོད།',
    },
    'incident.tell.mediated.title': {
      zh: '纠纷调解成功，请评价',
      bo: 'འགལ་ཟླ་རྩོད་གཞི་བར་འདུམ་ལེགས་གྲུབ་ཟིན། དཔྱད་བརྗོད་གནང་རོགས།',
    },
    'incident.tell.mediating.title': { zh: '纠纷调解进展', bo: 'འགལ་ཟླ་རྩོད་གཞིའི་བར་འདུམ་གནས་སྟངས།' },
    'incident.tell.mediation.body': {
      zh: '您反映的纠纷（{code}）：{outcome}。',
      bo: 'ཁྱེད་ཀྱི་འགལ་ཟླ་རྩོད་གཞི། ({code}) {outcome}',
    },
    'incident.tell.reopened.title': { zh: '已重新处理', bo: 'བསྐྱར་དུ་ཐག་གཅོད་བྱེད་ཀྱི་ཡོད།' },
    'incident.tell.reopened.body_grid': {
      zh: '您对（{code}）不满意，已退回网格重新处理。',
      bo: 'ཁྱེད་ཚིམ་པོ་མ་བྱུང་བའི་དོན་རྐྱེན། ({code}) དྲ་མིག་ལ་ཕྱིར་སློག་ནས་བསྐྱར་དུ་ཐག་གཅོད་བྱེད་ཀྱི་ཡོད།',
    },
    'incident.tell.reopened.body_unit': {
      zh: '您对（{code}）不满意，已退回原办理单位重新处理。',
      bo: 'ཁྱེད་ཚིམ་པོ་མ་བྱུང་བའི་དོན་རྐྱེན། ({code}) སྔར་ཐག་གཅོད་བྱས་པའི་ལས་ཁུངས་ལ་ཕྱིར་སློག་ནས་བསྐྱར་དུ་ཐག་གཅོད་བྱེད་ཀྱི་ཡོད།',
    },
    'incident.tell.confirmed.title': { zh: '事件已结案', bo: 'དོན་རྐྱེན་མཇུག་བསྡུས་ཟིན།' },
    'incident.tell.confirmed.body': {
      zh: '您没有在期限内评价，这件事按"已结案、未评价"处理。',
      bo: 'ཁྱེད་ཀྱིས་དུས་ཚོད་ནང་དཔྱད་བརྗོད་མ་བྱས་པས། དོན་རྐྱེན་འདི་"མཇུག་བསྡུས་ཟིན། དཔྱད་བརྗོད་མ་བྱས།"ཞེས་ཐག་བཅད།',
    },

    // ---- what the people who must act are told: {category}（{code}）：the first words of the description ----
    'incident.work.submitted': { zh: '新上报待受理', bo: 'ལེན་རྒྱུའི་སྙན་ཞུ་གསར་པ་ཡོད།' },
    'incident.work.escalated': { zh: '有事件上报到本级', bo: 'དོན་རྐྱེན་ཞིག་རིམ་པ་འདིར་སྙན་ཞུ་བྱས་འདུག' },
    'incident.work.to_dispatch': { zh: '有事件待派单', bo: 'ལས་འགན་བགོ་རྒྱུའི་དོན་རྐྱེན་ཡོད།' },
    'incident.work.reopened': { zh: '群众不满意，请重新处理', bo: 'མང་ཚོགས་ཚིམ་པོ་མ་བྱུང་། བསྐྱར་དུ་ཐག་གཅོད་གནང་རོགས།' },
    'incident.work.dispatched': { zh: '新的派单', bo: 'ལས་འགན་གསར་པ།' },
    'incident.work.reported_back': { zh: '部门已反馈，请销号', bo: 'ལས་ཁུངས་ཀྱིས་ལན་བཏབ་ཟིན། ཐོ་འབུད་གནང་རོགས།' },
    'incident.work.other': { zh: '事件有新进展', bo: 'དོན་རྐྱེན་ལ་གནས་སྟངས་གསར་པ་ཡོད།' },
    'incident.work.dept_overdue': { zh: '派单已超期', bo: 'ལས་འགན་དུས་ཡོལ་སོང་།' },
    'incident.work.overdue': { zh: '事件已超期', bo: 'དོན་རྐྱེན་དུས་ཡོལ་སོང་།' },
    'incident.work.body': { zh: '{category}（{code}）：{brief}。', bo: '{category} ({code}) {brief}' },
    'incident.work.body_due': {
      zh: '{category}（{code}）：{brief}，请在 {due} 前处理。',
      bo: '{category} ({code}) {brief} ཐག་གཅོད་གནང་རོགས། དུས་མཚམས། {due}',
    },
    'incident.work.body_dispatched': {
      zh: '{category}（{code}）：{brief}，请在 {due} 前办结并反馈。',
      bo: '{category} ({code}) {brief} ལེགས་གྲུབ་བྱས་ནས་ལན་འདེབས་གནང་རོགས། དུས་མཚམས། {due}',
    },
    'incident.work.body_overdue': {
      zh: '{category}（{code}）：{brief}，已超过处理时限，请督办。',
      bo: '{category} ({code}) {brief} ཐག་གཅོད་ཀྱི་དུས་ཚོད་ཡོལ་སོང་། ལྟ་སྐུལ་གནང་རོགས།',
    },

    // ---- timeline notes the system writes (a person's own words follow after {label}) ----
    // a Tibetan label ends with its shad (or ག), so the person's words simply follow
    'incident.note.labelled': { zh: '{label}：{text}', bo: '{label} {text}' },
    'incident.note.dispatched': {
      zh: '派给{dept}，{days} 天内办结',
      bo: 'ལས་འགན་བགོས། ཐག་གཅོད་མཁན། {dept} ཉིན་ {days} ནང་ལེགས་གྲུབ་བྱེད་དགོས།',
    },
    'incident.note.dept_score': { zh: '部门响应评分 {score} 分', bo: 'ལས་ཁུངས་ཀྱི་ལན་འདེབས་ལ་སྐར་མ་ {score}' },
    'incident.note.auto_confirm': {
      zh: '超过评价期限未评价，按已结案（未评价）处理',
      bo: 'དཔྱད་བརྗོད་ཀྱི་དུས་ཚོད་ཡོལ་ཡང་དཔྱད་བརྗོད་མ་བྱས་པས། མཇུག་བསྡུས་ཟིན། (དཔྱད་བརྗོད་མ་བྱས།)',
    },
    'incident.note.auto_escalate': {
      zh: '{level}超时未处理，自动上报上一级',
      bo: 'དུས་ཡོལ་ཡང་ཐག་གཅོད་མ་བྱས་པས་རང་འགུལ་གྱིས་གོང་རིམ་ལ་སྙན་ཞུ་བྱས། དུས་ཡོལ་བའི་རིམ་པ། {level}',
    },
    'incident.note.dept_overdue': {
      zh: '职能部门超过办理时限',
      bo: 'ལས་ཁུངས་སྡེ་ཚན་གྱིས་ཐག་གཅོད་ཀྱི་དུས་ཚོད་ཡོལ་སོང་།',
    },
    'incident.note.overdue': { zh: '超过处理时限', bo: 'ཐག་གཅོད་ཀྱི་དུས་ཚོད་ཡོལ་སོང་།' },

    // ---- the monthly ledger (台账) ----
    'incident.ledger.code': { zh: '编号', bo: 'ཨང་རྟགས།' },
    'incident.ledger.reported_at': { zh: '上报时间', bo: 'སྙན་ཞུའི་དུས་ཚོད།' },
    'incident.ledger.reporter': { zh: '上报人', bo: 'སྙན་ཞུ་བ།' },
    'incident.ledger.grid': { zh: '网格', bo: 'དྲ་མིག' },
    'incident.ledger.category': { zh: '类别', bo: 'རིགས།' },
    'incident.ledger.description': { zh: '描述', bo: 'གསལ་བཤད།' },
    'incident.ledger.handler': { zh: '处置单位', bo: 'ཐག་གཅོད་ལས་ཁུངས།' },
    'incident.ledger.result': { zh: '处置结果', bo: 'ཐག་གཅོད་འབྲས་བུ།' },
    'incident.ledger.closed_at': { zh: '办结时间', bo: 'ལེགས་གྲུབ་ཀྱི་དུས་ཚོད།' },
    'incident.ledger.satisfaction': { zh: '满意度', bo: 'ཚིམ་ཚད།' },
    'incident.ledger.file': { zh: '{unit}-网格事件台账-{month}', bo: '{unit}-དྲ་མིག་དོན་རྐྱེན་ཐོ་དེབ་-{month}' },
    'incident.ledger.sheet': { zh: '台账 {month}', bo: 'ཐོ་དེབ་ {month}' },
    'incident.ledger.rejected': { zh: '退回：{reason}', bo: 'ཕྱིར་སློག {reason}' },
    'incident.ledger.closed': { zh: '已办结', bo: 'ལེགས་གྲུབ་ཟིན།' },
  }),
)

export type IncidentKey = keyof typeof INCIDENT & string
