import { APPRAISAL } from '../../incident.strings'

// compiled in Chinese; a Tibetan reader's title is set when the page shows (useNavTitle)
export default definePageConfig({ navigationBarTitleText: APPRAISAL.nav.zh })
