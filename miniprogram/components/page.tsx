import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { IS_WEAPP } from '../services/env'
import { t } from '../services/i18n'
import { useOnline } from '../services/network'
import { useTextScaleStyle } from '../services/text-size'
import { DialogHost } from './dialog'
import { PrivacyConsent } from './privacy-consent'

const TAB_PAGES = ['pages/home/index', 'pages/report/index', 'pages/me/index']

/**
 * In a browser there is no WeChat navigation bar: a page opened from another gets a back button, and a sub-page
 * opened by its link (a bookmark, a message) one to the home page.
 */
function BackBar() {
  const [where] = useState(() => {
    const stack = Taro.getCurrentPages()
    const route = (stack.at(-1)?.route ?? '').replace(/^\//, '').split('?')[0] ?? ''
    if (TAB_PAGES.includes(route) || route === 'pages/login/index' || route === '') return null
    return stack.length > 1 ? 'back' : 'home'
  })
  if (!where) return null
  return (
    <View
      className="l-back"
      ariaRole="button"
      hoverClass="l-btn--hover"
      onClick={() => void (where === 'back' ? Taro.navigateBack() : Taro.switchTab({ url: '/pages/home/index' }))}
    >
      ‹ {where === 'back' ? t('ui.back') : t('ui.home')}
    </View>
  )
}

export function Page(props: { title?: string; intro?: string; children?: ReactNode }) {
  const scale = useTextScaleStyle()
  const online = useOnline()
  return (
    <View className="l-page" style={scale}>
      {IS_WEAPP ? null : <BackBar />}
      {online ? null : (
        <View className="l-offline" role="status" data-testid="offline">
          {t('ui.offline_banner')}
        </View>
      )}
      {props.title ? <View className="l-page__title">{props.title}</View> : null}
      {props.intro ? <View className="l-page__intro">{props.intro}</View> : null}
      {props.children}
      <PrivacyConsent />
      <DialogHost />
    </View>
  )
}
