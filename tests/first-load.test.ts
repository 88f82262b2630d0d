/**
 * The signed-in person's getMe that index.html sends before the app's scripts arrive (config/first-load.ts): it
 * must be the very request the app would send (so the app can take its reply instead of asking again), and it
 * must send nothing for a visitor who is not signed in.
 */
import { runInNewContext } from 'node:vm'
import { earlyReadScript } from '../config/first-load'

function run(storage: Record<string, string>) {
  const sent: Array<{ url: string; init: { method: string; headers: Record<string, string>; body: string } }> = []
  const window: Record<string, unknown> = {}
  runInNewContext(earlyReadScript('https://api.example'), {
    window,
    localStorage: { getItem: (k: string) => storage[k] ?? null },
    fetch: (url: string, init: (typeof sent)[number]['init']) => {
      sent.push({ url, init })
      return Promise.resolve({ json: () => Promise.resolve({ ok: true, data: {} }) })
    },
  })
  return { sent, early: window.__linliEarly as Record<string, unknown> | undefined }
}

test('a signed-in phone asks for getMe at once, as call-function.ts would: same body, session and language', async () => {
  const { sent, early } = run({
    'linli.token': JSON.stringify({ data: 'tok.sig' }),
    'linli.lang': JSON.stringify({ data: 'bo' }),
  })
  expect(sent).toHaveLength(1)
  expect(sent[0]!.url).toBe('https://api.example/api/fn/account')
  expect(sent[0]!.init.method).toBe('POST')
  expect(sent[0]!.init.headers.authorization).toBe('Bearer tok.sig')
  expect(JSON.parse(sent[0]!.init.body)).toEqual({ action: 'getMe', data: {}, lang: 'bo' })
  expect(early).toMatchObject({ fn: 'account', action: 'getMe', token: 'tok.sig', lang: 'bo' })
  await expect(early!.reply).resolves.toEqual({ ok: true, data: {} })
})

test('no language chosen yet is Chinese; no session, or an unreadable one, sends nothing', () => {
  const zh = run({ 'linli.token': JSON.stringify({ data: 'tok.sig' }) })
  expect(JSON.parse(zh.sent[0]!.init.body).lang).toBe('zh')
  const unsigned: Array<Record<string, string>> = [
    {},
    { 'linli.token': 'not json' },
    { 'linli.token': JSON.stringify({ data: '' }) },
  ]
  for (const storage of unsigned) {
    const r = run(storage)
    expect(r.sent).toHaveLength(0)
    expect(r.early).toBeUndefined()
  }
})
