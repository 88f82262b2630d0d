import { HOME } from './home.strings'

// build time (app.json): the catalogue's Chinese; the page sets its title in the reader's language when shown
export default definePageConfig({ navigationBarTitleText: HOME.app_name.zh })
