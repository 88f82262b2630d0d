// Taro.request's `jsonp` option, which Linli never uses (its calls are POSTs to its functions): the jsonp
// library is left out of the H5 build (config/index.ts) and a request asking for jsonp is refused plainly.
export default function jsonpOff() {
  return Promise.reject(new Error('jsonp is not part of this build (config/h5-off/jsonp.js)'))
}
