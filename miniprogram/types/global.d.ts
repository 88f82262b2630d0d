/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'

/** Set in config/index.ts from the build environment. */
declare const LINLI_API_BASE: string
declare const LINLI_CLOUD_ENV: string
declare const LINLI_H5_BACKEND: 'local' | 'cloudbase'
declare const LINLI_SUBSCRIBE_TEMPLATE_ID: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
  }
}
