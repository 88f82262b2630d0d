import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { z } from 'zod'
import { roleLabel } from '@shared/account/account.messages'
import { MAX_CALL_BYTES } from '@shared/contract'
import { CommonErrors } from '@shared/errors'
import type { Identity } from '../cloudfunctions/_core/caller'
import { C } from '../cloudfunctions/_core/collections'
import type { Runtime } from '../cloudfunctions/_core/runtime'
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

const LoginSchema = z.object({ userId: z.string().min(1).max(64) })

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
    return { kind: 'user', userId: check.uid }
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

  function contract() {
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
      const user = await rt.db.get(C.users, body.data.userId)
      if (!user) return sendError(res, 404, CommonErrors.NOT_FOUND.because('host.no_demo_user'), lang)
      const token = signSession({ uid: user._id, exp: Date.now() + sessionMs }, sessionSecret)
      return sendJson(res, 200, { ok: true, data: { token, user: { id: user._id, name: user.name } } })
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

  return createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BodyError) return sendError(res, err.status, err.error, langOf(req))
      rt.log.error('host error', { url: req.url, error: err instanceof Error ? err.stack : String(err) })
      if (!res.headersSent) sendError(res, 500, CommonErrors.INTERNAL(), langOf(req))
      else res.end()
    })
  })
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
