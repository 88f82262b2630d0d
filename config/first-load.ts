import type { Compilation, Compiler } from 'webpack'

/**
 * H5 only: what a phone's first load of the home page waits for, started from index.html (issue #19, "pages that
 * open on 2G"). Without this the load is a chain: index.html → the app's scripts → (they run, the router asks for)
 * the home page's chunks → (it renders, asks for) `account.getMe`, each link a round trip on a slow line. This plugin
 * writes into the built index.html:
 * - `<link rel="preload">` for every chunk of the home page's route (scripts and styles), so they come down with
 *   the app's scripts instead of after them; webpack's loader then finds them already fetched (same URLs); the
 *   app's own scripts are asked for first (`fetchpriority="high"`);
 * - with the local host as the backend, a small script that sends the signed-in person's `account.getMe` at once,
 *   exactly as `services/call-function.ts` would (same body, token and language), and leaves the reply for it: the
 *   first `getMe` of the app takes it instead of asking again (one request, never two).
 */
export interface FirstLoadOptions {
  /** the first page's module, by path */
  page: RegExp
  /** where the functions are called (the local host), or null for a backend the page cannot call itself */
  apiBase: string | null
}

/** The read index.html starts; call-function.ts takes it (keep the two in step). */
export function earlyReadScript(apiBase: string): string {
  // plain ES5: it runs before any of our code, in every browser that opens the page
  return `(function(){try{
var t=JSON.parse(localStorage.getItem('linli.token')||'null');t=t&&t.data;if(typeof t!=='string'||!t)return;
var l=JSON.parse(localStorage.getItem('linli.lang')||'null');l=l&&l.data;l=l==='bo'?'bo':'zh';
var body={action:'getMe',data:{},lang:l};
window.__linliEarly={fn:'account',action:'getMe',token:t,lang:l,reply:fetch(${JSON.stringify(apiBase)}+'/api/fn/account',{method:'POST',headers:{'content-type':'application/json',authorization:'Bearer '+t},body:JSON.stringify(body)}).then(function(r){return r.json()})};
}catch(e){}})()`
}

export class FirstLoadPlugin {
  constructor(private readonly opts: FirstLoadOptions) {}

  apply(compiler: Compiler): void {
    const { Compilation: C, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('FirstLoadPlugin', (compilation: Compilation) => {
      compilation.hooks.processAssets.tap(
        // after html-webpack-plugin has written index.html (it does at OPTIMIZE_INLINE)
        { name: 'FirstLoadPlugin', stage: C.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const html = compilation.getAsset('index.html')
          if (!html) return
          const files = this.pageFiles(compilation)
          const publicPath = String(compilation.outputOptions.publicPath ?? '/')
          const links = files
            .map((f) =>
              f.endsWith('.css')
                ? `<link rel="preload" as="style" href="${publicPath}${f}">`
                : `<link rel="preload" as="script" href="${publicPath}${f}">`,
            )
            .join('')
          const early = this.opts.apiBase === null ? '' : `<script>${earlyReadScript(this.opts.apiBase)}</script>`
          const text = html.source.source().toString()
          // the read first (it is the last link of the chain), then the app's own tags, then the page's chunks;
          // the app's scripts (deferred scripts are fetched at low priority) go first, so they are parsed while the
          // page's chunks still come down
          const out = text
            .replace(/<head>/, `<head>${early}`)
            .replace(/<script defer="defer" src=/g, '<script defer="defer" fetchpriority="high" src=')
            .replace(/<\/head>/, `${links}</head>`)
          compilation.updateAsset('index.html', new sources.RawSource(out))
        },
      )
    })
  }

  /** The files of the async chunk group that loads the page's module (its route), in webpack's order. */
  private pageFiles(compilation: Compilation): string[] {
    const files: string[] = []
    for (const group of compilation.chunkGroups) {
      if (group.isInitial()) continue
      const holds = group.chunks.some((chunk) =>
        [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some((m) => this.opts.page.test(m.identifier())),
      )
      if (!holds) continue
      for (const chunk of group.chunks)
        for (const f of chunk.files) if (/\.(js|css)$/.test(f) && !files.includes(f)) files.push(f)
    }
    return files
  }
}
