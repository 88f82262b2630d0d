import { REPORT } from './report.strings'

// compiled in Chinese; a Tibetan reader's title is set when the page shows (useNavTitle)
export default definePageConfig({ navigationBarTitleText: REPORT.nav.zh })
