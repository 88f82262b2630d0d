import { LOGIN } from './login.strings'

// build time (app.json): the catalogue's Chinese; the page sets its title in the reader's language when shown
export default definePageConfig({ navigationBarTitleText: LOGIN.title.zh })
