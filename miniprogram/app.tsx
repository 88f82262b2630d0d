import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { CLOUD_ENV, IS_WEAPP } from './services/env'
import './app.css'

// Before any page calls a function: WeChat's cloud SDK must be initialised once per launch.
if (IS_WEAPP) {
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
}

function App({ children }: PropsWithChildren) {
  return children
}

export default App
