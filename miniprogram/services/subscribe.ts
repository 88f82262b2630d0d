import Taro from '@tarojs/taro'
import { IS_WEAPP, SUBSCRIBE_TEMPLATE_ID } from './env'
import { t } from './i18n'
import { ask } from '../components/dialog'

/**
 * Asking consent to WeChat subscribe messages at the moments they mean something: after filing a report (its
 * progress), after signing up for a task (the reminder), and for handlers when they open their queue (new work;
 * at most once a day). Each consent lets the functions send one message. WeChat shows its own prompt only from a
 * tap, so the question comes first as our dialog and its 接收 button asks WeChat. Nothing is asked outside WeChat,
 * without a configured template, or when the person told WeChat never to ask again for it.
 */
export type SubscribeMoment = 'report' | 'signup' | 'queue'

const ASKED_KEY = 'linli.subscribe.asked'
const DAY_MS = 86_400_000

function askedRecently(moment: SubscribeMoment, now: number): boolean {
  if (moment !== 'queue') return false
  try {
    const at: unknown = Taro.getStorageSync(`${ASKED_KEY}.${moment}`)
    return typeof at === 'number' && now - at < DAY_MS
  } catch {
    return false
  }
}

export async function askSubscribe(moment: SubscribeMoment): Promise<'accept' | 'reject' | 'not_asked'> {
  if (!IS_WEAPP || !SUBSCRIBE_TEMPLATE_ID) return 'not_asked'
  const now = Date.now()
  if (askedRecently(moment, now)) return 'not_asked'
  try {
    const setting = await Taro.getSetting({ withSubscriptions: true })
    const subs = setting.subscriptionsSetting as
      { mainSwitch?: boolean; itemSettings?: Record<string, string> } | undefined
    if (subs?.mainSwitch === false || subs?.itemSettings?.[SUBSCRIBE_TEMPLATE_ID] === 'reject') return 'not_asked'
    // our dialog, not showModal (whose buttons hold four characters: a Tibetan word is cut); WeChat's own prompt
    // follows from the tap on 好的
    const yes = await ask({
      title: t('ui.subscribe_title'),
      message: t(`ui.subscribe_${moment}`),
      okText: t('ui.subscribe_yes'),
      cancelText: t('ui.subscribe_no'),
    })
    Taro.setStorageSync(`${ASKED_KEY}.${moment}`, now)
    if (!yes) return 'reject'
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: [SUBSCRIBE_TEMPLATE_ID],
    } as never)) as unknown as Record<string, string>
    return res[SUBSCRIBE_TEMPLATE_ID] === 'accept' ? 'accept' : 'reject'
  } catch {
    // a refusal or an old base library: the inbox still has every message
    return 'reject'
  }
}
