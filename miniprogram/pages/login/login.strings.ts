import { defineMessages } from '@shared/i18n/i18n'

/** The local demo login (off WeChat only). */
export const LOGIN = defineMessages({
  title: { zh: '选择演示账号', bo: 'དཔེ་སྟོན་ཐོ་ཁོངས་འདེམས།' },
  intro: {
    zh: '这是本地演示环境。点一个人，就以他的身份使用。',
    bo: 'འདི་ནི་ས་གནས་ཀྱི་དཔེ་སྟོན་ཁོར་ཡུག་ཡིན། མི་ཞིག་ལ་མནན་ན་མི་དེའི་ཐོབ་ཐང་ཐོག་ནས་བེད་སྤྱོད་ཆོག',
  },
  no_role_group: { zh: '未分配身份', bo: 'གོ་གནས་མ་བགོས་པ།' },
  count: { zh: '{n} 人', bo: 'མི་ {n}' },
  logging_in: { zh: '{name}（正在登录…）', bo: '{name} (ནང་འཛུལ་བཞིན་པ།)' },
  role_at: { zh: '{role} · {unit}', bo: '{role} · {unit}' },
  roles_join: { zh: '；', bo: '། ' },
  no_roles: { zh: '没有身份', bo: 'གོ་གནས་མེད།' },
  failed: { zh: '登录没有成功', bo: 'ནང་འཛུལ་མ་ཐུབ།' },
  no_users: { zh: '还没有演示账号', bo: 'ད་དུང་དཔེ་སྟོན་ཐོ་ཁོངས་མེད།' },
  no_users_text: {
    zh: '请先导入演示数据（npm run seed）。',
    bo: 'སྔོན་ལ་དཔེ་སྟོན་གཞི་གྲངས་ནང་འདྲེན་བྱོས། (npm run seed)',
  },
  wechat: { zh: '微信里无需登录', bo: 'སྐད་འཕྲིན་ནང་ནང་འཛུལ་བྱེད་མི་དགོས།' },
  wechat_text: { zh: '请回到首页。', bo: 'གཙོ་ངོས་སུ་ཕྱིར་ལོག་རོགས།' },
})
