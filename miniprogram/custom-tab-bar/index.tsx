import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { TABS, tabLabels, useSelectedTab } from '../services/tab-bar'
import { useTextScaleStyle } from '../services/text-size'
import './index.css'

/**
 * WeChat's tab bar, drawn by us (`tabBar.custom` in app.config.ts; WeChat mounts one copy under each tab page):
 * icons and labels of at least 14 px that grow with the text size, the whole tab a target, the labels in the
 * reader's language. Not used in H5, where Taro draws its own (sized in app.css).
 */
export default function CustomTabBar() {
  const selected = useSelectedTab()
  const labels = tabLabels()
  const scale = useTextScaleStyle()
  return (
    <View className="l-tabbar" style={scale} ariaRole="tablist">
      {TABS.map((tab, i) => {
        const on = i === selected
        return (
          <View
            key={tab.path}
            className={`l-tabbar__item${on ? ' l-tabbar__item--on' : ''}`}
            ariaRole="tab"
            ariaLabel={labels[i]}
            onClick={() => {
              if (!on) void Taro.switchTab({ url: `/${tab.path}` })
            }}
          >
            <Image className="l-tabbar__icon" src={`/assets/tab/${tab.icon}${on ? '-on' : ''}.png`} mode="aspectFit" />
            <View className="l-tabbar__label">{labels[i]}</View>
          </View>
        )
      })}
    </View>
  )
}
