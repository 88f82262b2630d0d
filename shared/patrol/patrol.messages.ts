import { defineMessages, register } from '../i18n/i18n'

/**
 * The patrol domain's words (issue #20): statuses, flags and their reasons, review decisions, why a patrol earned
 * nothing, the poster, input checks and a label for every input field of the patrol contract. Registered on both
 * halves (the contract imports it): the server renders labels in the reader's language (`ctx.lang`), the client's
 * input checks name fields by these labels. Tibetan follows docs/GLOSSARY.md.
 */
export const PATROL = register(
  defineMessages({
    // ---- statuses (patrol.states.ts) ----
    'patrol.status.active': { zh: '巡逻中', bo: 'སྐོར་ཞིབ་བྱེད་བཞིན།' },
    'patrol.status.finished': { zh: '已完成', bo: 'ལེགས་གྲུབ་ཟིན།' },
    'patrol.checkin.ok': { zh: '正常', bo: 'རྒྱུན་ལྡན།' },
    'patrol.checkin.flagged': { zh: '待审核', bo: 'ཞིབ་དཔྱད་སྒུག་བཞིན།' },
    'patrol.checkin.accepted': { zh: '审核通过', bo: 'ཞིབ་དཔྱད་ཆོག' },
    'patrol.checkin.rejected': { zh: '审核不通过', bo: 'ཞིབ་དཔྱད་མི་ཆོག' },

    // ---- why a check-in was flagged (patrol.rules.ts CHECKIN_FLAGS) ----
    'patrol.flag.out_of_range': { zh: '不在点位范围内', bo: 'ཐོ་འགོད་ས་ཚིགས་ཀྱི་ཁྱབ་ཁོངས་ནང་མེད།' },
    'patrol.flag.poor_accuracy': { zh: '定位精度太差', bo: 'གནས་ཡུལ་ཏག་ཏག་མེད།' },
    'patrol.flag.too_fast': {
      zh: '两次打卡之间移动太快（不像步行）',
      bo: 'ཐོ་འགོད་གཉིས་བར་མགྱོགས་དྲགས། (གོམ་པས་འགྲོ་བ་འདྲ་མིན།)',
    },
    'patrol.flag.outside_shift': { zh: '不在班次时间内', bo: 'རེས་མོའི་དུས་ཚོད་ནང་མིན།' },
    'patrol.flag.device_time_future': {
      zh: '手机时间比服务器快太多',
      bo: 'ཁ་པར་གྱི་དུས་ཚོད་ཞབས་ཞུའི་འཕྲུལ་ཆས་ལས་སྔ་དྲགས།',
    },
    'patrol.flag.too_late': {
      zh: '离线打卡超过 24 小时才上传',
      bo: 'དྲ་མེད་ཐོ་འགོད་ཆུ་ཚོད་ 24 ལས་བརྒལ་རྗེས་ཡར་སྐྱེལ་བྱས།',
    },
    'patrol.flag.not_monotonic': {
      zh: '手机时间早于本次巡逻已有的打卡',
      bo: 'ཁ་པར་གྱི་དུས་ཚོད་སྐོར་ཞིབ་འདིའི་ཐོ་འགོད་སྔ་མ་ལས་སྔ་བ།',
    },

    // ---- review decisions ----
    'patrol.decision.accept': { zh: '通过', bo: 'ཆོག' },
    'patrol.decision.reject': { zh: '不通过', bo: 'མི་ཆོག' },

    // ---- what a finished patrol earned, and why not (patrol.rules.ts creditVerdict) ----
    'patrol.credit.credited': { zh: '已计入积分和志愿时长', bo: 'སྐར་གྲངས་དང་ཞབས་ཞུའི་དུས་ཚོད་རྩིས་འཇུག་བྱས་ཟིན།' },
    'patrol.credit.pending': { zh: '审核后再计入', bo: 'ཞིབ་དཔྱད་རྗེས་རྩིས་འཇུག་བྱ་རྒྱུ།' },
    'patrol.credit.none': { zh: '未计入积分和志愿时长', bo: 'སྐར་གྲངས་དང་ཞབས་ཞུའི་དུས་ཚོད་རྩིས་འཇུག་མ་བྱས།' },
    'patrol.credit_why.coverage_low': { zh: '覆盖不足 {pct}%', bo: 'ཁྱབ་ཚད་ {pct}% ལ་མ་སླེབས།' },
    'patrol.credit_why.flagged_pending': {
      zh: '有存疑打卡待审核',
      bo: 'དོགས་པ་ཡོད་པའི་ཐོ་འགོད་ཞིབ་དཔྱད་སྒུག་བཞིན།',
    },
    'patrol.credit_why.too_short': {
      zh: '巡逻用时太短（这条路线至少 {min} 分钟）',
      bo: 'སྐོར་ཞིབ་ཀྱི་དུས་ཚོད་ཐུང་དྲགས། (ལམ་ཐིག་འདིར་ཉུང་མཐར་སྐར་མ་ {min} དགོས།)',
    },
    'patrol.coverage': {
      zh: '打卡 {counted}/{total} 个点位，要求 {pct}%',
      bo: 'ཐོ་འགོད་ས་ཚིགས་ {counted}/{total} ། དགོས་ངེས་ {pct}%',
    },

    // ---- the poster printed at a checkpoint (both languages are printed on it) ----
    'patrol.poster.route': { zh: '巡逻路线：{route}', bo: 'སྐོར་ཞིབ་ལམ་ཐིག {route}' },
    'patrol.poster.hint': {
      zh: '巡逻队员请用「邻里」扫码打卡',
      bo: 'སྐོར་ཞིབ་པས་ «ཁྱིམ་མཚེས།» ནང་ཨང་རྟགས་བཤེར་ནས་ཐོ་འགོད་གནང་རོགས།',
    },

    // ---- names of what is gone (past records keep showing) ----
    'patrol.user_gone': { zh: '（已注销）', bo: '(ཐོ་ཁོངས་མེད།)' },
    'patrol.checkpoint_gone': { zh: '（已删除的点位）', bo: '(བསུབ་ཟིན་པའི་ས་ཚིགས།)' },

    // ---- one reason among several for an error code (`PatrolErrors.X.because(key)`) ----
    'patrol.why.figures_unit': {
      zh: '请选择村（社区）、乡镇或县',
      bo: 'གྲོང་ཚོ་དང་། ཞང་། ཡང་ན་རྫོང་ཞིག་འདེམས་རོགས།',
    },
    'patrol.why.hazard_grid': { zh: '请选择隐患所在的网格', bo: 'ཉེན་ཁ་ཡོད་སའི་དྲ་མིག་འདེམས་རོགས།' },
    'patrol.why.hazard_place': {
      zh: '定不到隐患的位置，请打开定位后再报',
      bo: 'ཉེན་ཁའི་གནས་ཡུལ་རྙེད་མ་བྱུང་། གནས་ཡུལ་ཁ་ཕྱེ་ནས་ཡང་བསྐྱར་སྙན་ཞུ་གནང་རོགས།',
    },

    // ---- input checks of their own ({field} is the field's label) ----
    'patrol.v.code': { zh: '请扫码或输入点位码', bo: 'ཨང་རྟགས་བཤེར་རམ་ས་ཚིགས་ཨང་རྟགས་འབྲི་རོགས།' },
    'patrol.v.weekdays': { zh: '请至少选一天', bo: 'ཉུང་མཐར་ཉིན་གཅིག་འདེམས་རོགས།' },
    'patrol.v.radius': { zh: '范围要在 10 到 500 米之间', bo: 'ཁྱབ་ཁོངས་སྨི་ 10 ནས་ 500 བར་དགོས།' },
    'patrol.v.shift_length': {
      zh: '班次要在 15 分钟到 12 小时之间',
      bo: 'རེས་མོ་སྐར་མ་ 15 ནས་ཆུ་ཚོད་ 12 བར་དགོས།',
    },
    'patrol.v.start_minute': { zh: '开始时间不对', bo: 'འགོ་འཛུགས་དུས་ཚོད་མི་འགྲིག' },
    'patrol.v.team_size': { zh: '一个队最多 100 人', bo: 'རུ་ཁག་གཅིག་ལ་མི་ 100 ལས་མང་མི་ཆོག' },
    'patrol.v.coverage': { zh: '覆盖率要在 50% 到 100% 之间', bo: 'ཁྱབ་ཚད་ 50% ནས་ 100% བར་དགོས།' },

    // ---- labels of the patrol contract's input fields (shared ones are in common.messages.ts) ----
    'field.teamId': { zh: '巡逻队', bo: 'སྐོར་ཞིབ་རུ་ཁག' },
    'field.captainId': { zh: '队长', bo: 'རུ་དཔོན' },
    'field.memberIds': { zh: '队员', bo: 'རུ་མི' },
    'field.routeId': { zh: '路线', bo: 'ལམ་ཐིག' },
    'field.checkpointId': { zh: '点位', bo: 'ཐོ་འགོད་ས་ཚིགས' },
    'field.radiusM': { zh: '范围（米）', bo: 'ཁྱབ་ཁོངས། (སྨི།)' },
    'field.patrol.active': { zh: '是否启用', bo: 'བེད་སྤྱོད་བྱེད་མིན' },
    'field.patrol.datum': { zh: '坐标系', bo: 'ས་ཁྲའི་ཚད་གཞི' },
    'field.shiftId': { zh: '班次', bo: 'རེས་མོ' },
    'field.startMinute': { zh: '开始时间', bo: 'འགོ་འཛུགས་དུས་ཚོད' },
    'field.durationMinutes': { zh: '时长（分钟）', bo: 'དུས་ཚོད། (སྐར་མ།)' },
    'field.weekdays': { zh: '每周哪几天', bo: 'གཟའ་འཁོར་རེའི་ཉིན་གང་དག' },
    'field.patrolId': { zh: '巡逻', bo: 'སྐོར་ཞིབ' },
    'field.patrol.code': { zh: '点位码', bo: 'ས་ཚིགས་ཨང་རྟགས' },
    'field.accuracyM': { zh: '定位精度', bo: 'གནས་ཡུལ་ཏག་ཏག་ཚད' },
    'field.deviceAt': { zh: '手机时间', bo: 'ཁ་པར་གྱི་དུས་ཚོད' },
    'field.text': { zh: '隐患情况', bo: 'ཉེན་ཁའི་གནས་ཚུལ' },
    'field.checkinId': { zh: '打卡记录', bo: 'ཐོ་འགོད་ཟིན་ཐོ' },
    'field.patrol.decision': { zh: '审核结果', bo: 'ཞིབ་དཔྱད་འབྲས་བུ' },
    'field.days': { zh: '天数', bo: 'ཉིན་གྲངས' },
    'field.fromMonth': { zh: '开始月份', bo: 'འགོ་འཛུགས་ཟླ་བ' },
    'field.toMonth': { zh: '结束月份', bo: 'མཇུག་གི་ཟླ་བ' },
    'field.coveragePct': { zh: '覆盖率要求', bo: 'ཁྱབ་ཚད་ཀྱི་བླང་བྱ' },
  }),
)

export type PatrolMessageKey = keyof typeof PATROL
