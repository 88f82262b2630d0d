import { getLang, loadLang } from './i18n'

/**
 * H5: a Tibetan reader's texts are their own chunk (config/bo-split.cjs). The app's entry imports this module
 * before it renders, and a module that awaits at its top level holds the entry until it is done: the first
 * screen is Tibetan, never Chinese first (index.html's loading screen stays meanwhile). A Chinese reader awaits
 * nothing and never fetches the Tibetan texts.
 */
await loadLang(getLang())
