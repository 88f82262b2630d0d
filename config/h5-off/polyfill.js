// Taro's H5 request API imports polyfills for fetch and AbortController (whatwg-fetch,
// abortcontroller-polyfill). Every browser the H5 build runs in has both (it already needs async functions:
// Chrome 55, iOS 10.3; fetch and AbortController are Chrome 66 / iOS 12.2, and WeChat's WebView is newer), so
// the H5 build takes this empty module instead (config/index.ts). ~35 KB of source off the first load.
