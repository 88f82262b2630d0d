import { PATROL_PAGE } from '../../patrol.strings'

// the build fixes one title (Chinese, the default); the page sets the reader's language when it opens
export default definePageConfig({ navigationBarTitleText: PATROL_PAGE.title.zh })
