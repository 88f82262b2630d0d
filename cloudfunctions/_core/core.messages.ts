import { defineMessages, register } from '@shared/i18n/i18n'

/** What the platform core writes itself. */
export const CORE_MESSAGES = register(
  defineMessages({
    /** the name a WeChat user has until they give theirs (stored on the profile, as names are: in Chinese) */
    'core.default_name': { zh: '微信用户', bo: 'སྐད་འཕྲིན་སྤྱོད་མཁན།' },
  }),
)
