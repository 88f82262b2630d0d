import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { FirstLoadPlugin } from './first-load'
import { NormalModuleReplacementPlugin } from 'webpack'

const root = path.resolve(__dirname, '..')
const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'

/**
 * Taro's script rule only transpiles its source root and packages named *taro*. Code from shared/ and
 * the ES2020 in zod and dayjs (optional chaining, `??`) would otherwise reach the mini-program as is,
 * and older WeChat base libraries fail to parse it. The rule's `include` takes absolute path strings
 * (webpack tests them as path prefixes); RegExps were found not to be honoured on this setup.
 */
const transpileAlso = [
  path.join(root, 'shared'),
  path.join(root, 'node_modules', 'zod'),
  path.join(root, 'node_modules', 'dayjs'),
]

/**
 * Compile-time constants, read once here. In weapp the backend is CloudBase (`Taro.cloud`), so the API
 * base only matters for H5; empty means same origin (the local host serves dist/h5 and /api together).
 */
const h5Backend = process.env.LINLI_H5_BACKEND ?? 'local'

/** zod's JSON Schema generator, which the app never calls, left out of both builds (config/zod-no-json-schema.cjs) */
interface RuleChain {
  test(r: RegExp): { use(name: string): { loader(file: string): unknown } }
}
function withoutJsonSchema(chain: { module: { rule: (name: string) => RuleChain } }): void {
  chain.module
    .rule('zod-no-json-schema')
    .test(/[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/)
    .use('zod-no-json-schema')
    .loader(path.join(root, 'config', 'zod-no-json-schema.cjs'))
}
if (h5Backend !== 'local' && h5Backend !== 'cloudbase')
  throw new Error(`LINLI_H5_BACKEND is 'local' or 'cloudbase', not '${h5Backend}'`)
if (h5Backend === 'cloudbase' && platform === 'h5' && !process.env.LINLI_CLOUD_ENV)
  throw new Error('LINLI_H5_BACKEND=cloudbase needs LINLI_CLOUD_ENV, the env id the browser calls')
const constants = {
  LINLI_API_BASE: JSON.stringify(process.env.LINLI_API_BASE ?? ''),
  LINLI_CLOUD_ENV: JSON.stringify(process.env.LINLI_CLOUD_ENV ?? ''),
  // H5 only: 'local' calls the local host over HTTP (the demo), 'cloudbase' the functions through @cloudbase/js-sdk
  LINLI_H5_BACKEND: JSON.stringify(h5Backend),
  // weapp: the subscribe-message template the functions send with (the same LINLI_SUBSCRIBE_TEMPLATE_ID the deploy's
  // env file sets on them, README "Deploying"): the mini-program asks people's consent to exactly it
  LINLI_SUBSCRIBE_TEMPLATE_ID: JSON.stringify(process.env.LINLI_SUBSCRIBE_TEMPLATE_ID ?? ''),
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2025-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'miniprogram',
    alias: { '@shared': path.join(root, 'shared') },
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: constants,
    // H5: the service worker that keeps the app shell on the phone (served from the root, revalidated each time)
    copy: {
      patterns: platform === 'h5' ? [{ from: 'miniprogram/sw.js', to: 'dist/h5/sw.js' }] : [],
      options: {},
    },
    // Taro's base.wxml repeats each used component's template per level of nesting (16 by default, ~2.6 KB a
    // level); nodes deeper than this render through Taro's recursive `comp` component instead (the same page, one component deeper). 12 levels
    // keep ~8 KB out of the main package (issue #20: under 600 KB).
    baseLevel: 12,
    framework: 'preact',
    compiler: 'webpack5',
    cache: { enable: false },
    // Keep Chinese and Tibetan as UTF-8 in the minified code: escaped (\uXXXX, 6 bytes a character) the catalogues
    // alone added ~40 KB to the mini-program's main package.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile: { include: transpileAlso },
      webpackChain(chain) {
        // Taro's own alias (react-dom → preact/compat) is set after this chain runs, so replace the request instead
        chain
          .plugin('preact-dom')
          .use(NormalModuleReplacementPlugin, [/^react-dom$/, path.join(root, 'config', 'preact-dom.js')])
        withoutJsonSchema(chain)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      useHtmlComponents: true,
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: transpileAlso },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      // Taro splits only initial chunks in H5, so every lazily loaded page carried its own copy of zod and
      // the components; splitting async chunks too lets pages share them.
      webpackChain(chain) {
        withoutJsonSchema(chain)
        // the Tibetan texts as their own chunk, fetched by Tibetan readers only (config/bo-split.cjs)
        chain.module
          .rule('linli-bo-split')
          .test(/\.tsx?$/)
          .include.add(path.join(root, 'shared'))
          .add(path.join(root, 'miniprogram'))
          .end()
          .enforce('pre')
          .use('bo-split')
          .loader(path.join(root, 'config', 'bo-split.cjs'))
        // and a Tibetan reader's app waits for them with a top-level await (services/lang-ready.h5.ts), which webpack
        // writes as an async function: browsers since 2017 (iOS 10.3, Chrome 55). The built code already needed
        // ES2015 (the arrow functions of Taro's components), so the browserslist's iOS 8 was never met in fact.
        chain.output.set('environment', { ...chain.output.get('environment'), asyncFunction: true })
        // polyfills no browser it runs in needs, and jsonp, which nothing uses (config/h5-off/)
        chain.resolve.alias
          .set('whatwg-fetch$', path.join(root, 'config', 'h5-off', 'polyfill.js'))
          .set(
            'abortcontroller-polyfill/dist/abortcontroller-polyfill-only$',
            path.join(root, 'config', 'h5-off', 'polyfill.js'),
          )
          .set('jsonp-retry$', path.join(root, 'config', 'h5-off', 'jsonp.js'))
        const splitChunks = chain.optimization.get('splitChunks')
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' })
        // the home page's chunks and the signed-in person's getMe start from index.html (config/first-load.ts)
        chain.plugin('first-load').use(FirstLoadPlugin, [
          {
            page: /miniprogram[\\/]pages[\\/]home[\\/]index\.tsx/,
            apiBase: h5Backend === 'local' ? (process.env.LINLI_API_BASE ?? '') : null,
          },
        ])
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
