/**
 * Where the front end runs, decided at build time. Inside WeChat the backend is CloudBase and the caller
 * is the WeChat user; anywhere else (H5) it is the local host over HTTP with a demo-login token.
 */
export const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** Origin of the local host's /api; '' means the same origin that served the H5 page. */
export const API_BASE: string = LINLI_API_BASE.replace(/\/+$/, '')

/** CloudBase environment id for `Taro.cloud.init`; '' lets WeChat pick the project's default env. */
export const CLOUD_ENV: string = LINLI_CLOUD_ENV

/** Demo login (pick a seeded user) exists only off WeChat, where there is no WeChat identity. */
export const DEMO_LOGIN = !IS_WEAPP
