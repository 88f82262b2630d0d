/**
 * The Tibetan texts of the split catalogues, by the hash of their Chinese: empty as written; the H5 build fills it from the
 * catalogues themselves (config/bo-split.cjs) and makes it its own chunk, which `services/i18n.ts` loads with
 * `import()` for Tibetan readers only.
 */
const texts: Record<string, string> = {}
export default texts
