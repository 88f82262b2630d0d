import { build } from 'esbuild'
const name = process.argv[2]
const lazy = { name: 'l', setup(b) { b.onResolve({ filter: /^(exceljs|qrcode)$/ }, (a) => ({ path: `./lib/${a.path}.js`, external: true })) } }
const zod = { name: 'z', setup(b) { b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' })) } }
const r = await build({ entryPoints: [`cloudfunctions/${name}/index.ts`], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['@cloudbase/node-sdk'], metafile: true, minify: true, write: false, logLevel: 'error', charset: 'utf8', plugins: [lazy, zod] })
const out = Object.values(r.metafile.outputs)[0]
const rows = Object.entries(out.inputs).map(([k, v]) => [k, v.bytesInOutput]).sort((a, b) => b[1] - a[1])
console.log(name, (out.bytes/1024).toFixed(0), 'KB')
for (const [k, v] of rows.slice(0, 25)) console.log('  ', (v/1024).toFixed(1), k)
