import { defineMessages, register } from '@shared/i18n/i18n'

/** What the local host says itself (its routes' errors); the functions' own messages are in their catalogues. */
export const HOST_MESSAGES = register(
  defineMessages({
    'host.unknown_function': { zh: '没有这个服务：{name}', bo: 'ཞབས་ཞུ་འདི་མེད། {name}' },
    'host.post_only': { zh: '请用 POST 调用', bo: 'POST ཡིས་འབོད་རོགས།' },
    'host.no_route': { zh: '没有这个接口', bo: 'འབྲེལ་མཐུད་འདི་མེད།' },
    'host.choose_demo_user': { zh: '请选择一个演示用户', bo: 'དཔེ་སྟོན་སྤྱོད་མཁན་ཞིག་འདེམས་རོགས།' },
    'host.no_demo_user': { zh: '没有这个演示用户', bo: 'དཔེ་སྟོན་སྤྱོད་མཁན་འདི་མེད།' },
  }),
)
