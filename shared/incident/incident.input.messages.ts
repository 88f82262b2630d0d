import { defineMessages, register } from '../i18n/i18n'

/**
 * What the incident contract's input checks say, on both halves (the report form checks before it sends): the
 * labels of its input fields (`field.<name>`, named in the common input checks: "请填写描述") and the few checks
 * that need their own sentence. Kept apart from `incident.messages.ts` so the main package, which checks the report
 * form, carries only these. Labels other domains may share (`field.category`, `field.description`, …) are the plain
 * word, so a second definition says the same. Tibetan follows docs/GLOSSARY.md.
 */
export const INCIDENT_INPUT = register(
  defineMessages({
    // ---- field labels of the incident contract's inputs ----
    'field.category': { zh: '类别', bo: 'རིགས' },
    'field.severity': { zh: '紧急程度', bo: 'ཛ་དྲག་ཚད' },
    'field.description': { zh: '描述', bo: 'གསལ་བཤད' },
    'field.incident.datum': { zh: '坐标系', bo: 'ས་ཁྲའི་ཚད་གཞི' },
    'field.anonymous': { zh: '匿名', bo: 'མིང་མི་འགོད' },
    'field.contactable': { zh: '可以联系我', bo: 'ང་དང་འབྲེལ་བ་བྱེད་ཆོག་པ' },
    'field.parties': { zh: '当事人', bo: 'དོན་འབྲེལ་མི་སྣ' },
    'field.incidentId': { zh: '事件', bo: 'དོན་རྐྱེན' },
    'field.departmentId': { zh: '职能部门', bo: 'ལས་ཁུངས་སྡེ་ཚན' },
    'field.deadlineDays': { zh: '办理时限（天）', bo: 'ཐག་གཅོད་ཀྱི་དུས་ཚོད། (ཉིན།)' },
    'field.rating': { zh: '评价', bo: 'དཔྱད་བརྗོད' },
    'field.comment': { zh: '评语', bo: 'དཔྱད་གཏམ' },
    'field.score': { zh: '评分', bo: 'སྐར་མ' },
    'field.incident.outcome': { zh: '结果', bo: 'འབྲས་བུ' },
    'field.view': { zh: '查看范围', bo: 'ལྟ་ཁྱབ' },
    'field.ids': { zh: '编号', bo: 'ཨང་རྟགས' },
    'field.all': { zh: '全部', bo: 'ཚང་མ' },
    'field.period': { zh: '时段', bo: 'དུས་ཚིགས' },
    'field.countyId': { zh: '县（区）', bo: 'རྫོང' },
    'field.categories': { zh: '类别', bo: 'རིགས' },
    'field.key': { zh: '编号', bo: 'ཨང་རྟགས' },
    'field.label': { zh: '名称', bo: 'མིང' },
    'field.departments': { zh: '职能部门', bo: 'ལས་ཁུངས་སྡེ་ཚན' },
    'field.task': { zh: '任务', bo: 'ལས་འགན' },
    'field.incident.kind': { zh: '纠纷类型', bo: 'རྩོད་གཞིའི་རིགས' },
    'field.body': { zh: '调解组织', bo: 'བར་འདུམ་ཚོགས་པ' },
    'field.mediatorName': { zh: '调解员', bo: 'བར་འདུམ་པ' },
    'field.agreement': { zh: '调解协议', bo: 'བར་འདུམ་གྲོས་མཐུན' },
    'field.transferTo': { zh: '移交去向', bo: 'སྤྲད་ས' },
    'field.quarter': { zh: '季度', bo: 'དུས་ཚིགས' },
    'field.deadlines': { zh: '时限', bo: 'དུས་མཚམས' },
    'field.acceptHours': { zh: '受理时限（小时）', bo: 'ལེན་པའི་དུས་མཚམས། (ཆུ་ཚོད།)' },
    'field.resolveDays': { zh: '办结时限（天）', bo: 'ལེགས་གྲུབ་ཀྱི་དུས་མཚམས། (ཉིན།)' },
    'field.appraisalWeight': { zh: '考核权重', bo: 'དཔྱད་བརྗོད་ཀྱི་ལྗིད་ཚད' },
    'field.rewards': { zh: '奖励积分', bo: 'བྱ་དགའི་སྐར་གྲངས' },
    'field.roundId': { zh: '巡查', bo: 'སྐོར་ཞིབ' },
    'field.visit': { zh: '走访', bo: 'ཁྱིམ་འཚམས་འདྲི' },

    // ---- checks with a sentence of their own ----
    'incident.v.address': {
      zh: '没有定位时，请写清地址（至少 {min} 个字）',
      bo: 'གནས་ཡུལ་མ་རྙེད་ན་ཁ་བྱང་གསལ་པོ་འབྲི་རོགས། (ཉུང་མཐར་ཡིག་འབྲུ་ {min})',
    },
    'incident.v.party_name': { zh: '请填写当事人姓名', bo: 'དོན་འབྲེལ་མི་སྣའི་མིང་འབྲི་རོགས།' },
    'incident.v.score': { zh: '请打 1 到 5 分', bo: 'སྐར་མ་ 1 ནས་ 5 བར་སྤྲོད་རོགས།' },
    'incident.v.period': {
      zh: '时段格式：2026-03 或 2026-Q1',
      bo: 'དུས་ཚིགས་ཀྱི་རྣམ་གཞག 2026-03 ཡང་ན་ 2026-Q1',
    },
    'incident.v.departments_min': { zh: '请至少选一个职能部门', bo: 'ཉུང་མཐར་ལས་ཁུངས་སྡེ་ཚན་གཅིག་འདེམས་རོགས།' },
    'incident.v.departments_max': { zh: '一次最多派给 {max} 个部门', bo: 'ཐེངས་གཅིག་ལ་ལས་ཁུངས་མང་མཐར་ {max} ལ་བགོ་ཆོག' },
    'incident.v.departments_twice': { zh: '同一个部门选了两次', bo: 'ལས་ཁུངས་གཅིག་ཐེངས་གཉིས་བདམས་འདུག' },
    'incident.v.transfer_to': { zh: '请选择移交到哪里', bo: 'གང་དུ་སྤྲོད་དགོས་པ་འདེམས་རོགས།' },
    'incident.v.agreement': { zh: '调解成功时请写下调解协议', bo: 'བར་འདུམ་ལེགས་གྲུབ་ན་བར་འདུམ་གྲོས་མཐུན་འབྲི་རོགས།' },
    'incident.v.weight': {
      zh: '考核权重在 {min}% 到 100% 之间',
      bo: 'དཔྱད་བརྗོད་ཀྱི་ལྗིད་ཚད་ {min}% ནས་ 100% བར་དགོས།',
    },
    'incident.v.categories_min': { zh: '至少要有一个类别', bo: 'ཉུང་མཐར་རིགས་གཅིག་དགོས།' },
    'incident.v.categories_max': { zh: '最多 {max} 个类别', bo: 'རིགས་མང་མཐར་ {max} ལས་མི་ཆོག' },
    'incident.v.categories_unique': { zh: '类别名称不能重复', bo: 'རིགས་ཀྱི་མིང་བསྐྱར་ཟློས་བྱེད་མི་ཆོག' },
    'incident.v.categories_twice': { zh: '同一个类别出现了两次', bo: 'རིགས་གཅིག་ཐེངས་གཉིས་བྱུང་འདུག' },
    'incident.v.keep_other': {
      zh: '"其他"类别要保留，好让群众什么事都能报',
      bo: '"གཞན།"ཞེས་པའི་རིགས་ཉར་དགོས། དེས་མང་ཚོགས་ཀྱིས་དོན་གང་ཡིན་ཡང་སྙན་ཞུ་བྱེད་ཐུབ།',
    },
  }),
)
