import cloudbase from '@cloudbase/js-sdk'
import { CLOUD_ENV } from './env'

/**
 * The H5 build on CloudBase (LINLI_H5_BACKEND=cloudbase): the functions through @cloudbase/js-sdk. Loaded only in
 * that build (call-function.ts imports it lazily), so the mini-program and the demo never carry it. A browser
 * nobody signed in on yet is signed in anonymously, which lets it ask for a console ticket; a confirmed ticket
 * becomes a custom login (`customAuthProvider().signIn`), and its calls then carry that official.
 */
type App = ReturnType<typeof cloudbase.init>
let app: App | null = null
const web = (): App => (app ??= cloudbase.init({ env: CLOUD_ENV }))
const auth = () => web().auth({ persistence: 'local' })

async function ensureSignedIn(): Promise<void> {
  if (await auth().getLoginState()) return
  await auth().anonymousAuthProvider().signIn()
}

export async function callCloud(name: string, data: Record<string, unknown>): Promise<unknown> {
  await ensureSignedIn()
  const res = await web().callFunction({ name, data })
  return res.result
}

export async function signInWithTicket(ticket: string): Promise<void> {
  await auth().customAuthProvider().signIn(ticket)
}

export async function signOutCloud(): Promise<void> {
  await auth().signOut()
}
