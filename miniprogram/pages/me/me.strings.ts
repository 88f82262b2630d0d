import { defineMessages } from '@shared/i18n/i18n'

/** The 我的 page: who I am, where I live, my household, my roles, the language, my account messages. */
export const ME = defineMessages({
  phone: { zh: '手机 {phone}', bo: 'ཁ་པར། {phone}' },
  residence: { zh: '居住地', bo: 'སྡོད་གནས།' },
  identity: { zh: '填姓名、验证手机号', bo: 'མིང་འབྲི་བ་དང་ཁ་པར་ཨང་ར་སྤྲོད།' },
  identity_sub: {
    zh: '村里名册上有您的手机号，验证后就直接加入您家。',
    bo: 'གྲོང་ཚོའི་མིང་ཐོར་ཁྱེད་ཀྱི་ཁ་པར་ཨང་ཡོད་ན། ར་སྤྲོད་བྱས་རྗེས་ཐད་ཀར་རང་ཁྱིམ་དུ་ཞུགས།',
  },
  identity_go: { zh: '去填写', bo: 'འབྲི་བར་འགྲོ།' },
  not_set: { zh: '还没有设置', bo: 'ད་དུང་གཏན་འཁེལ་བྱས་མེད།' },
  change_residence: { zh: '修改居住地', bo: 'སྡོད་གནས་བཟོ་བཅོས།' },
  set_residence: { zh: '设置居住地', bo: 'སྡོད་གནས་གཏན་འཁེལ།' },
  household: { zh: '我家', bo: 'ངའི་ཁྱིམ་ཚང་།' },
  head: { zh: '户主', bo: 'ཁྱིམ་བདག' },
  head_name: { zh: '户主 {name}', bo: 'ཁྱིམ་བདག {name}' },
  no_household: {
    zh: '还没有加入哪一户。户主或网格员同意后，才能用这一户的积分。',
    bo: 'ད་དུང་ཁྱིམ་ཚང་གང་ལའང་ཞུགས་མེད། ཁྱིམ་བདག་གམ་དྲ་མིག་ལས་བྱེད་པས་མོས་མཐུན་བྱས་རྗེས་ཁྱིམ་ཚང་དེའི་སྐར་གྲངས་བེད་སྤྱོད་ཆོག',
  },
  ask_join: { zh: '申请加入自家', bo: 'རང་ཁྱིམ་དུ་ཞུགས་རྒྱུའི་རེ་ཞུ།' },
  members: { zh: '户内成员', bo: 'ཁྱིམ་མི།' },
  pending: { zh: '入户申请待审核：{household}', bo: 'ཁྱིམ་ཞུགས་རེ་ཞུ་ཞིབ་བཤེར་སྒུག་བཞིན་པ། {household}' },
  pending_sub: {
    zh: '{date} 申请，等户主或网格员同意',
    bo: '{date} ལ་རེ་ཞུ་ཕུལ། ཁྱིམ་བདག་གམ་དྲ་མིག་ལས་བྱེད་པས་མོས་མཐུན་བྱེད་པར་སྒུག་བཞིན་པ།',
  },
  withdraw: { zh: '撤回申请', bo: 'རེ་ཞུ་ཕྱིར་འཐེན།' },
  withdraw_confirm: {
    zh: '撤回后，户主和网格员就看不到这条申请了。',
    bo: 'ཕྱིར་འཐེན་རྗེས་ཁྱིམ་བདག་དང་དྲ་མིག་ལས་བྱེད་པས་རེ་ཞུ་འདི་མཐོང་མི་ཐུབ།',
  },
  withdrawn: { zh: '已撤回', bo: 'ཕྱིར་འཐེན་བྱས་ཟིན།' },
  roles: { zh: '我的身份', bo: 'ངའི་གོ་གནས།' },
  roles_count: { zh: '{n} 个', bo: 'ཁ་གྲངས་ {n}' },
  role_sub: { zh: '{level}：{unit}', bo: '{level} {unit}' },
  no_roles: { zh: '还没有任何身份', bo: 'ད་དུང་གོ་གནས་གང་ཡང་མེད།' },
  use_invite: { zh: '使用邀请码', bo: 'གདན་ཞུའི་ཨང་བེད་སྤྱོད།' },
  // the row that changes the language carries both words, so it is found whichever is shown now
  language: { zh: '语言 / སྐད་ཡིག', bo: 'སྐད་ཡིག' },
  text_size: { zh: '字体大小', bo: 'ཡི་གེའི་ཆེ་ཆུང་' },
  'text_size.normal': { zh: '标准', bo: 'རྒྱུན་ལྡན།' },
  'text_size.large': { zh: '大', bo: 'ཆེ་བ།' },
  'text_size.xlarge': { zh: '特大', bo: 'ཧ་ཅང་ཆེ་བ།' },
  text_size_system: { zh: '{size}（跟随手机设置）', bo: '{size} (ཁ་པར་གྱི་སྒྲིག་འགོད་ལྟར།)' },
  inbox: { zh: '消息', bo: 'བརྡ་འཕྲིན།' },
  console_scan: { zh: '扫码登录电脑', bo: 'ཨང་རྟགས་བཤེར་ནས་གློག་ཀླད་ནང་འཛུལ།' },
  pushes: { zh: '微信通知发送记录', bo: 'སྐད་འཕྲིན་བརྡ་ཐོ་བསྐུར་བའི་ཐོ' },
  logout: { zh: '退出登录', bo: 'ཕྱིར་ཐོན།' },
  logout_title: { zh: '退出登录？', bo: 'ཕྱིར་ཐོན་ནམ།' },
  logout_confirm: {
    zh: '退出后需要重新选择账号登录。',
    bo: 'ཕྱིར་ཐོན་རྗེས་ཡང་བསྐྱར་ཐོ་ཁོངས་འདེམས་ནས་ནང་འཛུལ་དགོས།',
  },
  logout_ok: { zh: '退出', bo: 'ཕྱིར་ཐོན།' },
})
