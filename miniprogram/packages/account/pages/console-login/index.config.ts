import { ACCOUNT_PAGES } from '../../account.strings'

// build time (app.json): the catalogue's Chinese; the page sets its title in the reader's language when shown
export default definePageConfig({ navigationBarTitleText: ACCOUNT_PAGES['console.title'].zh })
