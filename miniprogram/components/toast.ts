import Taro from '@tarojs/taro'
import { t } from '../services/i18n'
import { alertDialog } from './dialog'

/** A short note that goes away by itself (WeChat shows at most two lines with no icon). */
export function toast(text: string): void {
  void Taro.showToast({ title: text, icon: 'none', duration: 2500 })
}

export function toastDone(text = t('ui.done')): void {
  void Taro.showToast({ title: text, icon: 'success', duration: 2000 })
}

/** An error that must be read: stays until tapped, the whole message fits. */
export function showError(message: string, title = t('ui.not_done')): Promise<void> {
  return alertDialog({ title, message })
}
