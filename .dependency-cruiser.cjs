/**
 * Which folder may import which (`npm run lint`, part of `npm test`). The layers:
 * - shared/: pure TypeScript, both halves import it; it imports only zod, dayjs and itself.
 * - miniprogram/: the client; never the server side (cloudfunctions/, server/).
 * - cloudfunctions/ and server/: never the client.
 * - a domain of cloudfunctions/ imports another only through that domain's public module, <domain>.api.ts;
 *   _core/ imports no domain.
 * - a client subpackage never imports another subpackage (each downloads on its own).
 */
const DOMAINS = '(account|incident|patrol|points|volunteer)'

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure TypeScript: zod, dayjs and itself only (no Taro, no SDK, no Node built-ins)',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^shared/', '^node_modules/(zod|dayjs)/'] },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: ['^cloudfunctions/', '^server/', '^seeds/', '^bench/'] },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      from: { path: ['^cloudfunctions/', '^server/'] },
      to: { path: '^miniprogram/' },
    },
    {
      name: 'core-not-domains',
      comment: '_core/ is below every domain',
      severity: 'error',
      from: { path: '^cloudfunctions/_core/' },
      to: { path: `^cloudfunctions/${DOMAINS}/` },
    },
    {
      name: 'domain-through-its-api',
      comment: 'another domain is reached only through its public module, cloudfunctions/<domain>/<domain>.api.ts',
      severity: 'error',
      from: { path: `^cloudfunctions/${DOMAINS}/`, pathNot: '\\.test\\.ts$' },
      to: {
        path: `^cloudfunctions/${DOMAINS}/`,
        pathNot: [`^cloudfunctions/$1/`, `^cloudfunctions/${DOMAINS}/[a-z]+\\.api\\.ts$`],
      },
    },
    {
      name: 'subpackage-alone',
      severity: 'error',
      from: { path: `^miniprogram/packages/${DOMAINS}/` },
      to: { path: `^miniprogram/packages/${DOMAINS}/`, pathNot: `^miniprogram/packages/$1/` },
    },
    {
      name: 'no-circular-domains',
      severity: 'error',
      from: { path: `^cloudfunctions/${DOMAINS}/` },
      to: { circular: true, path: `^cloudfunctions/${DOMAINS}/[a-z]+\\.api\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is not followed (doNotFollow) but stays in the graph: excluding it would hide an import of
    // a package from shared-is-pure
    exclude: { path: ['^dist/', '^\\.data/', '^bench/data/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    moduleSystems: ['es6', 'cjs'],
  },
}
