/**
 * A schema that is built the first time anything looks at it (parses with it, extends it, nests it in another
 * schema that is itself being built), and is from then on that schema in every respect: same methods, same
 * `instanceof`, same shape, same JSON Schema. Building zod schemas is most of what a cloud function does when its
 * bundle loads (hundreds of object shapes, each `min`/`max`/`regex` an object of its own), and one call uses a few
 * of them; so the function bundles wrap every schema constant of the shared modules in this
 * (`tools/lazy-schemas.ts`, at build time: the source keeps one plain definition per schema, which the front end
 * and the local host use as written).
 *
 * The thunk must only build a schema: it runs at most once, on first use, in whatever order uses come.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined
  const schema = (): T => {
    if (built === undefined) {
      const value = build()
      if (value === null || typeof value !== 'object')
        throw new TypeError(`lazySchema: the definition is not a schema (got ${typeof value})`)
      built = value
    }
    return built
  }
  let internals: unknown
  // The target is an empty extensible object, so every answer may come from the built schema: the proxy
  // invariants only bind a target's non-configurable or non-extensible parts, and it has none.
  const proxy: T = new Proxy({} as T, {
    get: (_, key) => {
      const s = schema()
      if (key === '_zod') return (internals ??= zodInternals(proxy, s))
      return Reflect.get(s, key, s)
    },
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key)
      return d && { ...d, configurable: true }
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(schema(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  })
  return proxy
}

/**
 * The built schema's `_zod` as the proxy shows it. One thing there knows the schema by identity: zod's JSON Schema
 * processors (closures over the built schema) look up the entry `toJSONSchema` made under the schema it was given,
 * which is the proxy; so the built schema is entered as the same entry first, as if the two were one object.
 */
function zodInternals(proxy: object, built: object): unknown {
  const zod: unknown = (built as { _zod?: unknown })._zod
  if (!zod || typeof zod !== 'object') return zod
  return new Proxy(zod, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key, target)
      if (key !== 'processJSONSchema' || typeof value !== 'function') return value
      return (ctx: { seen?: Map<object, unknown> }, ...rest: unknown[]) => {
        if (ctx.seen && !ctx.seen.has(built) && ctx.seen.has(proxy)) ctx.seen.set(built, ctx.seen.get(proxy))
        return (value as (...a: unknown[]) => unknown)(ctx, ...rest)
      }
    },
  })
}
