import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `npm run dev:h5` with the local host on PORT (default 8080): the browser talks to one origin.
    devServer: {
      proxy: [{ context: ['/api'], target: `http://127.0.0.1:${process.env.PORT ?? 8080}`, changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>
