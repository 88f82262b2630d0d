import { defineMessages } from '@shared/i18n/i18n'

/**
 * The patrol subpackage's own words (issue #20), one catalogue per page or part, each used as
 * `const t = useStrings(X)`. Labels the server sends (statuses, flags, why a patrol earned nothing) come rendered
 * in the reader's language; words shared with the server are in shared/patrol/patrol.messages.ts. Tibetan follows
 * docs/GLOSSARY.md. Each page's `title` is also its navigation bar title (index.config.ts takes the Chinese, the
 * page sets the reader's language when it opens).
 */

/** Words several patrol pages use. */
export const PATROL_UI = defineMessages({
  sep: { zh: '、', bo: ' · ' },
  metres: { zh: '{n} 米', bo: 'སྨི་ {n}' },
  late: { zh: '离线补传', bo: 'དྲ་མེད་རྗེས་སྐྱེལ།' },
  retired: { zh: '已停用', bo: 'བཀག་ཟིན།' },
  not_saved: { zh: '没有保存', bo: 'ཉར་ཚགས་མ་ཐུབ།' },
})

/** The patrol hub: my shifts and the captain's tools (pages/shifts). */
export const SHIFTS = defineMessages({
  title: { zh: '巡逻打卡', bo: 'སྐོར་ཞིབ་ཐོ་འགོད།' },
  intro: {
    zh: '在班次时间内开始巡逻，到每个点位扫码打卡，走完点「结束巡逻」。',
    bo: 'རེས་མོའི་དུས་ཚོད་ནང་སྐོར་ཞིབ་འགོ་འཛུགས། ས་ཚིགས་རེ་རེར་ཨང་རྟགས་བཤེར་ནས་ཐོ་འགོད་བྱོས། ཚང་མ་ཚར་རྗེས་ «སྐོར་ཞིབ་མཇུག་སྒྲིལ།» ལ་མནན།',
  },
  no_network_start: {
    zh: '没有网络，开始巡逻需要信号；打卡可以离线',
    bo: 'དྲ་བ་མེད། སྐོར་ཞིབ་འགོ་འཛུགས་པར་དྲ་བ་དགོས། ཐོ་འགོད་ནི་དྲ་མེད་ཐོག་བྱེད་ཆོག',
  },
  tool_manage: { zh: '巡逻队、路线和班次', bo: 'སྐོར་ཞིབ་རུ་ཁག་དང་ལམ་ཐིག རེས་མོ།' },
  tool_manage_sub: {
    zh: '计入规则、队员、点位、张贴码、巡逻时间',
    bo: 'རྩིས་འཇུག་སྒྲིག་སྲོལ། རུ་མི། ཐོ་འགོད་ས་ཚིགས། སྦྱར་ཨང་། སྐོར་ཞིབ་དུས་ཚོད།',
  },
  tool_review: { zh: '审核存疑打卡', bo: 'དོགས་པ་ཡོད་པའི་ཐོ་འགོད་ཞིབ་དཔྱད།' },
  tool_review_sub: {
    zh: '不在范围、定位差、太快等',
    bo: 'ཁྱབ་ཁོངས་ནང་མེད་པ། གནས་ཡུལ་མི་ཏག་པ། མགྱོགས་དྲགས་པ་སོགས།',
  },
  tool_figures: { zh: '漏巡与统计', bo: 'སྐོར་ཞིབ་མ་བྱས་པ་དང་གྲངས་ཐོ།' },
  tool_figures_sub: {
    zh: '没巡的班次、漏掉的点位、排名',
    bo: 'སྐོར་ཞིབ་མ་བྱས་པའི་རེས་མོ། ལུས་པའི་ས་ཚིགས། གོ་རིམ།',
  },
  my_shifts: { zh: '我的班次', bo: 'ངའི་རེས་མོ།' },
  no_shifts: { zh: '还没有排班', bo: 'ད་དུང་རེས་མོ་བགོས་མེད།' },
  no_shifts_text: {
    zh: '请队长把您加入巡逻队并排好班次。',
    bo: 'རུ་དཔོན་གྱིས་ཁྱེད་རང་སྐོར་ཞིབ་རུ་ཁག་ནང་བཅུག་ནས་རེས་མོ་བགོ་རོགས།',
  },
  view_patrol: { zh: '查看这次巡逻', bo: 'སྐོར་ཞིབ་ཐེངས་འདིར་ལྟ།' },
  starting: { zh: '正在开始…', bo: 'འགོ་འཛུགས་བཞིན་པ།' },
  continue: { zh: '继续巡逻', bo: 'སྐོར་ཞིབ་མུ་མཐུད།' },
  start: { zh: '开始巡逻', bo: 'སྐོར་ཞིབ་འགོ་འཛུགས།' },
  not_yet: { zh: '还没到巡逻时间', bo: 'ད་དུང་སྐོར་ཞིབ་དུས་ཚོད་མ་སླེབས།' },
  tools: { zh: '队长和干部', bo: 'རུ་དཔོན་དང་ལས་བྱེད་པ།' },
})

/** One patrol: progress, check-in, records, hazards, finish (pages/patrol). */
export const PATROL_PAGE = defineMessages({
  title: { zh: '巡逻中', bo: 'སྐོར་ཞིབ་བྱེད་བཞིན།' },
  repeat: { zh: '{name} 已经打过卡了', bo: '{name} ཐོ་འགོད་བྱས་ཟིན།' },
  flagged: {
    zh: '{name} 已打卡，需队长审核：{flags}',
    bo: '{name} ཐོ་འགོད་བྱས་ཟིན། རུ་དཔོན་གྱིས་ཞིབ་དཔྱད་དགོས། {flags}',
  },
  done: { zh: '{name} 打卡成功', bo: '{name} ཐོ་འགོད་ལེགས་གྲུབ།' },
  done_toast: { zh: '打卡成功', bo: 'ཐོ་འགོད་ལེགས་གྲུབ།' },
  no_code: {
    zh: '没有认出点位码。请对准点位上张贴的二维码，或核对输入的码。',
    bo: 'ས་ཚིགས་ཨང་རྟགས་ངོས་ཟིན་མ་བྱུང་། ས་ཚིགས་སུ་སྦྱར་བའི་ QR ཨང་རྟགས་ལ་ཁ་ཕྱོགས་པའམ། བྲིས་པའི་ཨང་རྟགས་ལ་ཞིབ་བཤེར་བྱོས།',
  },
  offline_saved: {
    zh: '没有信号：打卡已存在手机里，有网络后自动上传',
    bo: 'དྲ་བ་མེད། ཐོ་འགོད་ཁ་པར་ནང་ཉར་ཡོད། དྲ་བ་བྱུང་རྗེས་རང་འགུལ་གྱིས་ཡར་སྐྱེལ་བྱ་རྒྱུ།',
  },
  offline_toast: { zh: '已离线保存，有信号后自动上传', bo: 'དྲ་མེད་ཐོག་ཉར་ཟིན། དྲ་བ་བྱུང་རྗེས་རང་འགུལ་ཡར་སྐྱེལ།' },
  failed_title: { zh: '打卡没有成功', bo: 'ཐོ་འགོད་ལེགས་འགྲུབ་མ་བྱུང་།' },
  progress: { zh: '进度', bo: 'མྱུར་ཚད།' },
  progress_line: {
    zh: '已打卡 {done} 个点位，共 {total} 个',
    bo: 'ཐོ་འགོད་ས་ཚིགས་ {total} ལས་ {done} ཐོ་འགོད་བྱས་ཟིན།',
  },
  waiting_more: { zh: '（另有 {n} 个等待上传）', bo: '(གཞན་ {n} ཡར་སྐྱེལ་སྒུག་བཞིན།)' },
  remaining: { zh: '还剩：{names}', bo: 'ལྷག་མ། {names}' },
  need: {
    zh: '打卡 {need} 个点位以上，才计入积分和志愿时长',
    bo: 'ས་ཚིགས་ {need} ཡན་ཐོ་འགོད་བྱས་ན་སྐར་གྲངས་དང་ཞབས་ཞུའི་དུས་ཚོད་རྩིས་འཇུག་བྱེད།',
  },
  minutes: { zh: '巡逻时长 {n} 分钟', bo: 'སྐོར་ཞིབ་དུས་ཚོད་སྐར་མ་ {n}' },
  credited: { zh: '已记入志愿服务时长', bo: 'ཞབས་ཞུའི་དུས་ཚོད་ནང་རྩིས་འཇུག་བྱས་ཟིན།' },
  credit_title: { zh: '积分和志愿时长', bo: 'སྐར་གྲངས་དང་ཞབས་ཞུའི་དུས་ཚོད།' },
  checkin_card: { zh: '打卡', bo: 'ཐོ་འགོད།' },
  checking_in: { zh: '正在打卡…', bo: 'ཐོ་འགོད་བྱེད་བཞིན་པ།' },
  scan: { zh: '扫码打卡', bo: 'ཨང་རྟགས་བཤེར་ནས་ཐོ་འགོད།' },
  type_code_weapp: { zh: '扫不出来？输入点位码', bo: 'བཤེར་མ་ཐུབ་ན། ས་ཚིགས་ཨང་རྟགས་འབྲི།' },
  type_code: { zh: '输入点位码', bo: 'ས་ཚིགས་ཨང་རྟགས་འབྲི།' },
  code_placeholder: { zh: '二维码下方的码，如 p1-…', bo: 'QR ཨང་རྟགས་འོག་གི་ཨང་། དཔེར་ན། p1-…' },
  records: { zh: '打卡记录', bo: 'ཐོ་འགོད་ཟིན་ཐོ།' },
  queued: { zh: '等待上传', bo: 'ཡར་སྐྱེལ་སྒུག་བཞིན།' },
  unknown_checkpoint: { zh: '未识别的点位', bo: 'ངོས་མ་ཟིན་པའི་ས་ཚིགས།' },
  from_checkpoint: { zh: '距点位 {m} 米', bo: 'ས་ཚིགས་ནས་སྨི་ {m}' },
  no_checkins: { zh: '还没有打卡', bo: 'ད་དུང་ཐོ་འགོད་བྱས་མེད།' },
  hazard_card: { zh: '发现隐患', bo: 'ཉེན་ཁ་རྙེད་པ།' },
  hazard_label: { zh: '看到了什么', bo: 'ཅི་ཞིག་མཐོང་བ།' },
  hazard_placeholder: { zh: '如：桥头护栏松动', bo: 'དཔེར་ན། ཟམ་མགོའི་ལྕགས་རྒྱ་ལྷོད་འདུག' },
  hazard_grid: { zh: '在哪个网格', bo: 'དྲ་མིག་གང་དུ།' },
  hazard_sent: { zh: '已转为网格事件', bo: 'དྲ་མིག་གི་དོན་རྐྱེན་དུ་བསྒྱུར་ཟིན།' },
  hazard_linked: { zh: '（已转为网格事件）', bo: '(དྲ་མིག་གི་དོན་རྐྱེན་དུ་བསྒྱུར་ཟིན།)' },
  report_hazard: { zh: '上报隐患', bo: 'ཉེན་ཁ་སྙན་ཞུ།' },
  finishing: { zh: '正在结束…', bo: 'མཇུག་སྒྲིལ་བཞིན་པ།' },
  confirm_missed: {
    zh: '还有 {n} 个点位没打卡，结束后记为漏巡。确定结束吗？',
    bo: 'ད་དུང་ས་ཚིགས་ {n} ཐོ་འགོད་བྱས་མེད། མཇུག་སྒྲིལ་རྗེས་སྐོར་ཞིབ་མ་བྱས་པར་བརྩི། མཇུག་སྒྲིལ་ངེས་པ་ཡིན་ནམ།',
  },
  confirm_short: {
    zh: '还有 {n} 个点位没打卡，结束后记为漏巡；打卡不到 {need} 个，不计入积分和志愿时长。确定结束吗？',
    bo: 'ད་དུང་ས་ཚིགས་ {n} ཐོ་འགོད་བྱས་མེད། མཇུག་སྒྲིལ་རྗེས་སྐོར་ཞིབ་མ་བྱས་པར་བརྩི། ཐོ་འགོད་ {need} ལ་མ་སླེབས་ན་སྐར་གྲངས་དང་ཞབས་ཞུའི་དུས་ཚོད་རྩིས་འཇུག་མི་བྱེད། མཇུག་སྒྲིལ་ངེས་པ་ཡིན་ནམ།',
  },
  confirm_all: {
    zh: '所有点位都已打卡。结束后记下巡逻时长。',
    bo: 'ས་ཚིགས་ཚང་མ་ཐོ་འགོད་བྱས་ཟིན། མཇུག་སྒྲིལ་རྗེས་སྐོར་ཞིབ་དུས་ཚོད་ཐོར་འགོད།',
  },
  finish: { zh: '结束巡逻', bo: 'སྐོར་ཞིབ་མཇུག་སྒྲིལ།' },
  /** the dialog's button: WeChat and Taro's H5 allow at most 4 characters there */
  finish_ok: { zh: '结束巡逻', bo: 'ཆོག' },
  finished_toast: { zh: '巡逻已结束', bo: 'སྐོར་ཞིབ་མཇུག་རྫོགས།' },
  wait_upload: { zh: '请等打卡上传后再结束', bo: 'ཐོ་འགོད་ཡར་སྐྱེལ་ཚར་རྗེས་མཇུག་སྒྲིལ་རོགས།' },
})

/** The offline queue on this phone (components/queue-status, services/location). */
export const QUEUE = defineMessages({
  all_sent: { zh: '打卡都已上传', bo: 'ཐོ་འགོད་ཚང་མ་ཡར་སྐྱེལ་ཟིན།' },
  waiting: { zh: '{n} 条打卡等待上传', bo: 'ཐོ་འགོད་ {n} ཡར་སྐྱེལ་སྒུག་བཞིན།' },
  offline_note: {
    zh: '没有信号也没关系，打卡已存在手机里，有网络后会自动上传。',
    bo: 'དྲ་བ་མེད་ཀྱང་གནད་དོན་མེད། ཐོ་འགོད་ཁ་པར་ནང་ཉར་ཡོད། དྲ་བ་བྱུང་རྗེས་རང་འགུལ་གྱིས་ཡར་སྐྱེལ་ཡོང་།',
  },
  sending: { zh: '正在上传…', bo: 'ཡར་སྐྱེལ་བཞིན་པ།' },
  send_now: { zh: '立即上传', bo: 'ད་ལྟ་ཡར་སྐྱེལ།' },
  no_geo: { zh: '这个浏览器不能定位', bo: 'དྲ་ཀློག་ཆས་འདིས་གནས་ཡུལ་འཚོལ་མི་ཐུབ།' },
  geo_denied: {
    zh: '请允许使用位置信息后再打卡',
    bo: 'གནས་ཡུལ་བེད་སྤྱོད་ལ་ཆོག་མཆན་སྤྲད་རྗེས་ཐོ་འགོད་བྱོས།',
  },
  geo_failed: {
    zh: '暂时定不到位置，请到开阔处再试',
    bo: 'གནས་ཡུལ་འཚོལ་མ་ཐུབ། བར་སྟོང་ཡངས་པོའི་སར་སོང་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  },
})

/** Flagged check-ins to decide (pages/review). */
export const REVIEW = defineMessages({
  title: { zh: '审核存疑打卡', bo: 'དོགས་པ་ཡོད་པའི་ཐོ་འགོད་ཞིབ་དཔྱད།' },
  not_reviewer: { zh: '您不审核打卡', bo: 'ཁྱེད་ཀྱིས་ཐོ་འགོད་ཞིབ་དཔྱད་མི་བྱེད།' },
  intro: {
    zh: '这些打卡没通过自动检查。看清原因和位置，写明理由后决定。决定会留痕，不能改。',
    bo: 'ཐོ་འགོད་འདི་དག་རང་འགུལ་ཞིབ་བཤེར་ལས་མ་བརྒལ། རྒྱུ་མཚན་དང་གནས་ཡུལ་ལ་ལྟོས། རྒྱུ་མཚན་བྲིས་རྗེས་ཐག་གཅོད་བྱོས། ཐག་གཅོད་ཐོར་འཁོད་ནས་བཅོས་མི་ཆོག',
  },
  empty_title: { zh: '没有待审核的打卡', bo: 'ཞིབ་དཔྱད་སྒུག་པའི་ཐོ་འགོད་མེད།' },
  empty_text: { zh: '存疑的打卡会出现在这里。', bo: 'དོགས་པ་ཡོད་པའི་ཐོ་འགོད་འདིར་མངོན་ཡོང་།' },
  at: { zh: '打卡时间 {time}', bo: 'ཐོ་འགོད་དུས་ཚོད། {time}' },
  distance: {
    zh: '距点位 {m} 米 · 定位精度 {acc} 米',
    bo: 'ས་ཚིགས་ནས་སྨི་ {m} · གནས་ཡུལ་ཏག་ཏག་ཚད་སྨི་ {acc}',
  },
  phone_at: { zh: '手机位置 {lat}, {lng}', bo: 'ཁ་པར་གྱི་གནས་ཡུལ། {lat}, {lng}' },
  reason: { zh: '理由', bo: 'རྒྱུ་མཚན།' },
  reason_placeholder: {
    zh: '如：市场里信号差，队长同行',
    bo: 'དཔེར་ན། ཚོང་ར་ནང་དྲ་བ་ཞན། རུ་དཔོན་མཉམ་དུ་ཡོད།',
  },
})

/** Set-up for captains and officials: the rule, teams, routes and checkpoints, shifts (pages/manage). */
export const MANAGE = defineMessages({
  title: { zh: '巡逻队、路线和班次', bo: 'སྐོར་ཞིབ་རུ་ཁག་དང་ལམ་ཐིག རེས་མོ།' },
  heading: { zh: '巡逻设置', bo: 'སྐོར་ཞིབ་སྒྲིག་འགོད།' },
  not_manager: { zh: '您不管理巡逻', bo: 'ཁྱེད་ཀྱིས་སྐོར་ཞིབ་དོ་དམ་མི་བྱེད།' },
  not_manager_text: {
    zh: '村（社区）干部和巡逻队长可以在这里设置。',
    bo: 'གྲོང་ཚོའི་ལས་བྱེད་པ་དང་སྐོར་ཞིབ་རུ་དཔོན་གྱིས་འདིར་སྒྲིག་འགོད་བྱེད་ཆོག',
  },
  // ---- the rule ----
  rule: { zh: '计入规则', bo: 'རྩིས་འཇུག་སྒྲིག་སྲོལ།' },
  rule_now: {
    zh: '点位覆盖率达到 {pct}%，并且存疑打卡都审核过，巡逻才计入积分和志愿时长',
    bo: 'ས་ཚིགས་ཀྱི་ཁྱབ་ཚད་ {pct}% ལ་སླེབས་པ་དང་དོགས་པ་ཡོད་པའི་ཐོ་འགོད་ཚང་མ་ཞིབ་དཔྱད་བྱས་ན་སྐོར་ཞིབ་སྐར་གྲངས་དང་ཞབས་ཞུའི་དུས་ཚོད་ནང་རྩིས་འཇུག་བྱེད།',
  },
  rule_time: {
    zh: '用时少于走完这些点位所需的时间（按跑步的速度算），也不计入',
    bo: 'ས་ཚིགས་འདི་དག་བརྒྱུད་པར་དགོས་པའི་དུས་ཚོད་ལས་ཉུང་ན་ (རྒྱུག་པའི་མྱུར་ཚད་ལྟར་བརྩིས།) རྩིས་འཇུག་མི་བྱེད།',
  },
  rule_default: { zh: '这是默认规则，还没有人改过', bo: 'འདི་སྔོན་སྒྲིག་སྒྲིག་སྲོལ་ཡིན། ད་དུང་སུས་ཀྱང་བཅོས་མེད།' },
  rule_by: { zh: '{name} 于 {time} 设定：{reason}', bo: '{name} ཡིས་ {time} ལ་བཀོད། {reason}' },
  pct: { zh: '覆盖率要求（%）', bo: 'ཁྱབ་ཚད་ཀྱི་བླང་བྱ། (%)' },
  pct_hint: { zh: '50 到 100 之间', bo: '50 ནས་ 100 བར།' },
  why: { zh: '为什么改', bo: 'ཅིའི་ཕྱིར་བཅོས།' },
  why_placeholder: {
    zh: '如：牧区路线长，冬季先要求六成',
    bo: 'དཔེར་ན། འབྲོག་ཁུལ་གྱི་ལམ་ཐིག་རིང་། དགུན་ཁར་བརྒྱ་ཆ་ 60 དགོས།',
  },
  save_rule: { zh: '保存规则', bo: 'སྒྲིག་སྲོལ་ཉར་ཚགས།' },
  rule_saved: { zh: '规则已保存', bo: 'སྒྲིག་སྲོལ་ཉར་ཟིན།' },
  // ---- teams ----
  teams: { zh: '巡逻队', bo: 'སྐོར་ཞིབ་རུ་ཁག' },
  team_sub: { zh: '队长 {captain} · 队员 {members}', bo: 'རུ་དཔོན། {captain} · རུ་མི། {members}' },
  team_name: { zh: '队名', bo: 'རུ་ཁག་གི་མིང་།' },
  team_name_placeholder: { zh: '如：旭日岭红袖套巡逻队', bo: 'དཔེར་ན། ཉི་ཤར་རི་སྐོར་ཞིབ་རུ་ཁག' },
  captain: { zh: '队长', bo: 'རུ་དཔོན།' },
  members: { zh: '队员', bo: 'རུ་མི།' },
  save_team: { zh: '保存巡逻队', bo: 'སྐོར་ཞིབ་རུ་ཁག་ཉར་ཚགས།' },
  new_team: { zh: '新建巡逻队', bo: 'སྐོར་ཞིབ་རུ་ཁག་གསར་འཛུགས།' },
  // ---- routes and checkpoints ----
  routes: { zh: '路线和点位', bo: 'ལམ་ཐིག་དང་ཐོ་འགོད་ས་ཚིགས།' },
  radius_of: { zh: '范围 {r} 米', bo: 'ཁྱབ་ཁོངས་སྨི་ {r}' },
  poster: { zh: '张贴码', bo: 'སྦྱར་ཨང་།' },
  new_route_name: { zh: '新路线名称', bo: 'ལམ་ཐིག་གསར་པའི་མིང་།' },
  route_placeholder: { zh: '如：县城主街环线', bo: 'དཔེར་ན། རྫོང་གྲོང་ལམ་ཆེན་སྐོར་ལམ།' },
  route_made: { zh: '路线已建好', bo: 'ལམ་ཐིག་བཟོས་ཟིན།' },
  new_route: { zh: '新建路线', bo: 'ལམ་ཐིག་གསར་འཛུགས།' },
  add_checkpoint: { zh: '添加点位', bo: 'ཐོ་འགོད་ས་ཚིགས་སྣོན།' },
  which_route: { zh: '加到哪条路线', bo: 'ལམ་ཐིག་གང་ལ་སྣོན།' },
  checkpoint_name: { zh: '点位名称', bo: 'ས་ཚིགས་ཀྱི་མིང་།' },
  checkpoint_placeholder: { zh: '如：农贸市场北门', bo: 'དཔེར་ན། ཞིང་ཐོན་ཚོང་རའི་བྱང་སྒོ།' },
  my_position: { zh: '用我现在的位置', bo: 'ངའི་ད་ལྟའི་གནས་ཡུལ་བེད་སྤྱོད།' },
  radius: { zh: '范围（米）', bo: 'ཁྱབ་ཁོངས། (སྨི།)' },
  radius_hint: {
    zh: '在这个距离内打卡算到点，默认 50 米',
    bo: 'ཐག་ཚད་འདིའི་ནང་ཐོ་འགོད་བྱས་ན་ས་ཚིགས་སུ་སླེབས་པར་བརྩི། སྔོན་སྒྲིག་སྨི་ 50',
  },
  checkpoint_added: { zh: '点位已添加', bo: 'ཐོ་འགོད་ས་ཚིགས་སྣོན་ཟིན།' },
  // ---- shifts ----
  shifts: { zh: '班次', bo: 'རེས་མོ།' },
  every_week: { zh: '每周{days}', bo: 'གཟའ་འཁོར་རེར། {days}' },
  shift_name: { zh: '班次名称', bo: 'རེས་མོའི་མིང་།' },
  shift_placeholder: { zh: '如：早巡、晚巡', bo: 'དཔེར་ན། སྔ་དྲོའི་སྐོར་ཞིབ། དགོང་མོའི་སྐོར་ཞིབ།' },
  team: { zh: '巡逻队', bo: 'སྐོར་ཞིབ་རུ་ཁག' },
  route: { zh: '路线', bo: 'ལམ་ཐིག' },
  start_time: { zh: '开始时间（北京时间）', bo: 'འགོ་འཛུགས་དུས་ཚོད། (པེ་ཅིང་དུས་ཚོད།)' },
  start_time_error: { zh: '请按 08:00 这样填写', bo: '08:00 ལྟ་བུར་འབྲི་རོགས།' },
  duration: { zh: '时长（分钟）', bo: 'དུས་ཚོད། (སྐར་མ།)' },
  which_days: { zh: '每周哪几天', bo: 'གཟའ་འཁོར་རེའི་ཉིན་གང་དག' },
  add_shift: { zh: '添加班次', bo: 'རེས་མོ་སྣོན།' },
  shift_saved: { zh: '班次已保存', bo: 'རེས་མོ་ཉར་ཚགས་བྱས་ཟིན།' },
  // ISO weekdays 1–7: a short form in the list of a shift, a chip to choose
  wd_short_1: { zh: '一', bo: 'ཟླ་བ' },
  wd_short_2: { zh: '二', bo: 'མིག་དམར' },
  wd_short_3: { zh: '三', bo: 'ལྷག་པ' },
  wd_short_4: { zh: '四', bo: 'ཕུར་བུ' },
  wd_short_5: { zh: '五', bo: 'པ་སངས' },
  wd_short_6: { zh: '六', bo: 'སྤེན་པ' },
  wd_short_7: { zh: '日', bo: 'ཉི་མ' },
  wd_1: { zh: '周一', bo: 'གཟའ་ཟླ་བ།' },
  wd_2: { zh: '周二', bo: 'གཟའ་མིག་དམར།' },
  wd_3: { zh: '周三', bo: 'གཟའ་ལྷག་པ།' },
  wd_4: { zh: '周四', bo: 'གཟའ་ཕུར་བུ།' },
  wd_5: { zh: '周五', bo: 'གཟའ་པ་སངས།' },
  wd_6: { zh: '周六', bo: 'གཟའ་སྤེན་པ།' },
  wd_7: { zh: '周日', bo: 'གཟའ་ཉི་མ།' },
})

/** Missed shifts and checkpoints, the month's figures and the ranking (pages/figures). */
export const FIGURES = defineMessages({
  title: { zh: '漏巡与统计', bo: 'སྐོར་ཞིབ་མ་བྱས་པ་དང་གྲངས་ཐོ།' },
  no_access: { zh: '您不能查看巡逻统计', bo: 'ཁྱེད་ཀྱིས་སྐོར་ཞིབ་གྲངས་ཐོར་ལྟ་མི་ཆོག' },
  done_planned: { zh: '实巡/应巡', bo: 'བྱས་པ། / བྱ་དགོས་པ།' },
  coverage: { zh: '点位覆盖', bo: 'ས་ཚིགས་ཁྱབ་ཚད།' },
  flagged_rate: { zh: '存疑率', bo: 'དོགས་པ་ཡོད་ཚད།' },
  hours: { zh: '计入的志愿时长（小时）', bo: 'རྩིས་འཇུག་བྱས་པའི་ཞབས་ཞུའི་དུས་ཚོད། (ཆུ་ཚོད།)' },
  credit_line: {
    zh: '计入 {credited} 次 · 待审核 {pending} 次 · 未计入 {none} 次',
    bo: 'རྩིས་འཇུག་ཐེངས་ {credited} · ཞིབ་དཔྱད་སྒུག་ཐེངས་ {pending} · རྩིས་འཇུག་མ་བྱས་ཐེངས་ {none}',
  },
  why_line: {
    zh: '未计入的原因：覆盖不足 {low} 次，用时太短 {short} 次',
    bo: 'རྩིས་འཇུག་མ་བྱས་པའི་རྒྱུ་མཚན། ཁྱབ་ཚད་མ་འདང་བ་ཐེངས་ {low} ། དུས་ཚོད་ཐུང་དྲགས་ཐེངས་ {short}',
  },
  missed_7: { zh: '近 7 天漏巡', bo: 'ཉིན་ 7 ནང་གི་སྐོར་ཞིབ་མ་བྱས་པ།' },
  no_missed: { zh: '没有漏巡', bo: 'སྐོར་ཞིབ་མ་བྱས་པ་མེད།' },
  started_unfinished: { zh: '开始了但没结束', bo: 'འགོ་བཙུགས་ཀྱང་མཇུག་མ་སྒྲིལ།' },
  not_patrolled: { zh: '没有巡逻', bo: 'སྐོར་ཞིབ་མ་བྱས།' },
  missed_checkpoints: { zh: '漏巡点位：{names}', bo: 'ལུས་པའི་ས་ཚིགས། {names}' },
  month_figures: { zh: '{month} 巡逻统计', bo: '{month} སྐོར་ཞིབ་གྲངས་ཐོ།' },
  trend: { zh: '近六个月走势', bo: 'ཟླ་བ་དྲུག་གི་འགྱུར་ལྡོག' },
  done: { zh: '实巡次数', bo: 'སྐོར་ཞིབ་བྱས་ཐེངས།' },
  rank_teams: { zh: '各巡逻队排名', bo: 'སྐོར་ཞིབ་རུ་ཁག་སོ་སོའི་གོ་རིམ།' },
  rank_villages: { zh: '各村（社区）排名', bo: 'གྲོང་ཚོ་སོ་སོའི་གོ་རིམ།' },
})

/** The poster to print (pages/poster); its printed words are shared (patrol.poster.*), in both languages. */
export const POSTER = defineMessages({
  title: { zh: '点位张贴码', bo: 'ཐོ་འགོད་ས་ཚིགས་ཀྱི་སྦྱར་ཨང་།' },
  print: { zh: '打印', bo: 'པར་འདེབས།' },
})
