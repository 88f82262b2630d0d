import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { z } from 'zod'
import { roleLabel } from '@shared/account/account.messages'
import { CONSOLE_SESSION_MS, summariseUserAgent } from '@shared/account/console-login'
import { MAX_CALL_BYTES } from '@shared/contract'
import { CommonErrors, DomainError } from '@shared/errors'
import { render } from '@shared/i18n/i18n'
import type { Identity } from '../cloudfunctions/_core/caller'
import { C } from '../cloudfunctions/_core/collections'
import '../cloudfunctions/_core/core.messages'
import { stableId } from '../cloudfunctions/_core/ids'
import type { Runtime } from '../cloudfunctions/_core/runtime'
import { claimConsoleLogin, startConsoleLogin } from '../cloudfunctions/_core/console-login'
import { signSession, verifySession } from '../cloudfunctions/_core/session'
import { ownEntry } from '../cloudfunctions/_core/untrusted'
import type { CloudFunction } from '../cloudfunctions/_core/wrap'
import './host.messages'
import { BodyError, langOf, readJson, sendError, sendJson, sendJsonValidated, statusFor } from './http-util'
import { staticFiles } from './static'

export interface HostOptions {
  rt: Runtime
  functions: Record<string, CloudFunction>
  sessionSecret: string
  /** ids of the seeded demo users offered on the login page */
  demoUserIds: string[]
  /** built H5 app to serve at / (optional) */
  h5Dir?: string
  sessionHours?: number
}

/** Extra routes a domain may mount (uploads, files); tried before the static files. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>

/** a demo user by id, or a first-time WeChat user by an OPENID made up for the demo (local host only) */
const LoginSchema = z.union([
  z.object({ userId: z.string().min(1).max(64) }).strict(),
  z.object({ openid: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/) }).strict(),
])
const ClaimSchema = z.object({ ticketId: z.string().min(1).max(64), secret: z.string().min(1).max(64) })

/**
 * The local host: cloud functions over HTTP with the exact body the mini-program passes to
 * callFunction, demo login with signed sessions, the contract as JSON Schema, and the H5 app.
 */
export function createHost(opts: HostOptions, extraRoutes: Route[] = []): Server {
  const { rt, functions, sessionSecret } = opts
  const sessionMs = (opts.sessionHours ?? 24 * 7) * 3_600_000

  function identityOf(req: IncomingMessage): Identity | { error: 'forged' | 'expired' } {
    const header = req.headers.authorization
    if (!header) return { kind: 'anonymous' }
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (!m) return { error: 'forged' }
    const check = verifySession(m[1] as string, sessionSecret, Date.now())
    if (!check.ok) return { error: check.reason === 'expired' ? 'expired' : 'forged' }
    if (check.openid) return { kind: 'wechat', openid: check.openid }
    // the generation is checked against the user's by loadCaller (signed out everywhere)
    return check.gen === undefined
      ? { kind: 'user', userId: check.uid }
      : { kind: 'user', userId: check.uid, gen: check.gen }
  }

  async function demoUsers() {
    const users = []
    for (const id of opts.demoUserIds) {
      const user = await rt.db.get(C.users, id)
      if (!user) continue
      const grants = await rt.db.find(C.role_assignments, { where: { userId: id, revokedAt: null } })
      const roles = []
      for (const g of grants) {
        const unit = await rt.units.ref(g.unitId)
        roles.push({
          role: g.role,
          roleLabel: roleLabel(g.role, 'zh'),
          unitId: g.unitId,
          unitName: unit?.fullName ?? g.unitId,
        })
      }
      users.push({ id: user._id, name: user.name, roles })
    }
    return users
  }

  // the functions are fixed for the host's life: their JSON Schemas (hundreds of them) are made once, on first ask
  let contractDoc: Record<string, unknown> | null = null
  function contract() {
    contractDoc ??= describeContract()
    return contractDoc
  }
  function describeContract() {
    const out: Record<string, unknown> = {}
    for (const [name, fn] of Object.entries(functions)) {
      const actions: Record<string, unknown> = {}
      for (const [actionName, def] of Object.entries(fn.contract.actions)) {
        actions[actionName] = {
          summary: def.summary,
          write: def.write,
          permission: def.permission,
          input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
          output: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }),
        }
      }
      out[name] = { title: fn.contract.title, actions }
    }
    return out
  }

  const serveStatic = opts.h5Dir ? staticFiles(opts.h5Dir) : null

  const turn = turns()

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname

    if (path === '/api/dev/users' && req.method === 'GET') {
      return sendJsonValidated(req, res, { ok: true, data: { users: await demoUsers() } })
    }
    if (path === '/api/dev/login' && req.method === 'POST') {
      const raw = await readJson(req, 4096)
      const lang = langOf(req, raw)
      const body = LoginSchema.safeParse(raw)
      if (!body.success) return sendError(res, 400, CommonErrors.BAD_REQUEST.because('host.choose_demo_user'), lang)
      if ('openid' in body.data) {
        // acts as WeChat does on CloudBase: the account is the OPENID's, made by its first call (isNew)
        const { openid } = body.data
        const uid = stableId('wx', openid)
        const existing = await rt.db.get(C.users, uid)
        const token = signSession({ uid, openid, exp: Date.now() + sessionMs }, sessionSecret)
        const name = existing?.name ?? render({ key: 'core.default_name' }, lang)
        return sendJson(res, 200, { ok: true, data: { token, user: { id: uid, name } } })
      }
      const user = await rt.db.get(C.users, body.data.userId)
      if (!user) return sendError(res, 404, CommonErrors.NOT_FOUND.because('host.no_demo_user'), lang)
      const token = signSession(
        { uid: user._id, exp: Date.now() + sessionMs, gen: user.sessionGen ?? 0 },
        sessionSecret,
      )
      return sendJson(res, 200, { ok: true, data: { token, user: { id: user._id, name: user.name } } })
    }
    // console sign-in by scanning (扫码登录): the browser's half, before anyone is signed in there
    if (path === '/api/console-login' && req.method === 'POST') {
      req.resume()
      const ua = String(req.headers['user-agent'] ?? '')
      const browser = { summary: summariseUserAgent(ua), place: null }
      const ticket = await startConsoleLogin(rt.db, browser, rt.clock.now(), req.socket.remoteAddress ?? null).catch(
        (err: unknown) => {
          if (err instanceof DomainError) return err
          throw err
        },
      )
      if (ticket instanceof DomainError) return sendError(res, 429, ticket, langOf(req, null))
      return sendJson(res, 200, { ok: true, data: ticket })
    }
    if (path === '/api/console-login/claim' && req.method === 'POST') {
      const raw = await readJson(req, 4096)
      const lang = langOf(req, raw)
      const body = ClaimSchema.safeParse(raw)
      if (!body.success) return sendError(res, 400, CommonErrors.BAD_REQUEST(), lang)
      // the ticket by the functions' clock (as the phone's decision); the session by the host's, as every session
      const claim = await claimConsoleLogin(rt.db, body.data.ticketId, body.data.secret, rt.clock.now()).catch(
        (err: unknown) => {
          if (err instanceof DomainError) return err
          throw err
        },
      )
      if (claim instanceof DomainError) return sendError(res, 404, claim, lang)
      if (claim.status !== 'signed_in') return sendJson(res, 200, { ok: true, data: { status: claim.status } })
      const token = signSession(
        { uid: claim.user._id, exp: Date.now() + CONSOLE_SESSION_MS, gen: claim.sessionGen },
        sessionSecret,
      )
      const user = { id: claim.user._id, name: claim.user.name }
      return sendJson(res, 200, { ok: true, data: { status: 'signed_in', user, token } })
    }
    if (path === '/api/contract' && req.method === 'GET') {
      return sendJsonValidated(req, res, { ok: true, data: { functions: contract() } })
    }
    const fnMatch = /^\/api\/fn\/([A-Za-z0-9_-]+)$/.exec(path)
    if (fnMatch) {
      const name = fnMatch[1] as string
      if (req.method !== 'POST') {
        req.resume()
        return sendError(res, 405, CommonErrors.BAD_REQUEST.because('host.post_only'), langOf(req))
      }
      // the body first (bounded, and refused if deep or malformed before it is parsed): its `lang` says how to answer
      const body = await readJson(req, MAX_CALL_BYTES)
      const lang = langOf(req, body)
      // an own entry only: `__proto__`, `constructor`, `toString` … are no function of ours
      const fn = ownEntry(functions, name)
      if (!fn)
        return sendError(res, 404, CommonErrors.UNKNOWN_FUNCTION.because('host.unknown_function', { name }), lang)
      const identity = identityOf(req)
      if ('error' in identity) {
        const err =
          identity.error === 'expired'
            ? CommonErrors.SESSION_EXPIRED()
            : CommonErrors.UNAUTHENTICATED.because('auth.bad_token')
        return sendError(res, 401, err, lang)
      }
      await turn()
      const envelope = await fn.handle(body, identity, rt)
      return sendJson(res, statusFor(envelope.ok ? null : envelope.code), envelope, req)
    }
    for (const extra of extraRoutes) if (await extra(req, res, url)) return
    if (path.startsWith('/api/')) {
      req.resume()
      return sendError(res, 404, CommonErrors.NOT_FOUND.because('host.no_route'), langOf(req))
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic?.(req, res, path)) return
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(
      '<!doctype html><meta charset="utf-8"><title>邻里</title><p>H5 页面还没有构建：请运行 <code>npm run build:h5</code>，或直接 <code>npm start</code>。</p>',
    )
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BodyError) return sendError(res, err.status, err.error, langOf(req))
      rt.log.error('host error', { url: req.url, error: err instanceof Error ? err.stack : String(err) })
      if (!res.headersSent) sendError(res, 500, CommonErrors.INTERNAL(), langOf(req))
      else res.end()
    })
  })
  // An idle connection is kept a minute (Node closes it after 5 s): a phone on 2G does not pay a new connection's
  // round trips between taps, and a client reusing a connection the host is just closing (a reset, its request
  // lost: seen with 200 callers at once on a busy machine) becomes rare. The client is told, and closes first.
  server.keepAliveTimeout = 60_000
  return server
}

/**
 * Function calls start in the order the host read them, one per turn of the event loop. A call runs on this
 * one thread almost to its end at once (SQLite is synchronous), so without this every request the event loop
 * found ready in one poll ran before it polled again: one that arrived just after a poll waited for all of
 * them and then for its place in the next batch, always in the sockets' order, not the order requests came
 * (incident.report at 1×, c = 8: p50 12.5 ms but p95 26.7 ms; 1 call in 20 was overtaken by 6 or more sent
 * after it). With one start per turn the loop polls between calls, so each waits only for those read before it.
 */
export function turns(): () => Promise<void> {
  const waiting: Array<() => void> = []
  let scheduled = false
  const pump = () => {
    scheduled = false
    waiting.shift()?.()
    if (waiting.length) {
      scheduled = true
      setImmediate(pump)
    }
  }
  return () =>
    new Promise<void>((go) => {
      waiting.push(go)
      if (!scheduled) {
        scheduled = true
        setImmediate(pump)
      }
    })
}
