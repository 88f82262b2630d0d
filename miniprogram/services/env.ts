/**
 * Where the front end runs, decided at build time. Inside WeChat the backend is CloudBase and the caller
 * is the WeChat user; anywhere else (H5) it is the local host over HTTP with a demo-login token.
 */
export const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** Origin of the local host's /api; '' means the same origin that served the H5 page. */
export const API_BASE: string = LINLI_API_BASE.replace(/\/+$/, '')

/** CloudBase environment id for `Taro.cloud.init`; '' lets WeChat pick the project's default env. */
export const CLOUD_ENV: string = LINLI_CLOUD_ENV

/**
 * The H5 build's backend, chosen at build time (LINLI_H5_BACKEND): the local host over HTTP (the demo), or the
 * CloudBase functions through @cloudbase/js-sdk (the officials' console on CloudBase, signed in by scanning).
 */
export const H5_CLOUDBASE = !IS_WEAPP && LINLI_H5_BACKEND === 'cloudbase'

/** Demo login (pick a seeded user) exists only on the local host, where there is no WeChat identity. */
export const DEMO_LOGIN = !IS_WEAPP && !H5_CLOUDBASE

/** A browser signs in by scanning its QR with the mini-program (扫码登录), on the local host and on CloudBase. */
export const CONSOLE_LOGIN = !IS_WEAPP

/** The subscribe-message template the functions send with ('' : none configured, so nothing is asked). */
export const SUBSCRIBE_TEMPLATE_ID: string = LINLI_SUBSCRIBE_TEMPLATE_ID
