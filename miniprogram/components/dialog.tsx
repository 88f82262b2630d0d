import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Button, type ButtonKind } from './button'
import { t } from '../services/i18n'

/**
 * Our own confirm and alert. WeChat's and Taro's showModal cut button text to four characters (a Tibetan word is
 * longer than that) and draw 15 px grey text; this one uses our type and buttons, in every language.
 *
 * One request at a time, drawn by the host of the page that asked (every `Page` holds one): pages lower in the
 * stack stay mounted, and their hosts leave it alone.
 */
export interface DialogRequest {
  title: string
  message: string
  okText: string
  /** absent for an alert: one button */
  cancelText?: string
  okKind: ButtonKind
  /** where the opening tap landed, as a share of the screen's height (0 top, 1 bottom), when known */
  tapAt?: number
  page: string | undefined
  done: (ok: boolean) => void
}

let current: DialogRequest | null = null
const hosts = new Set<() => void>()

function pageKey(): string | undefined {
  try {
    const r = Taro.getCurrentInstance().router
    return r ? ((r as { $taroPath?: string }).$taroPath ?? r.path) : undefined
  } catch {
    return undefined
  }
}

function open(req: Omit<DialogRequest, 'page' | 'done'>): Promise<boolean> {
  return new Promise((resolve) => {
    current?.done(false)
    const request: DialogRequest = {
      ...req,
      page: pageKey(),
      done: (ok) => {
        if (current !== request) return
        current = null
        hosts.forEach((h) => h())
        resolve(ok)
      },
    }
    current = request
    hosts.forEach((h) => h())
  })
}

/** The share of the screen's height at which a tap event landed (WeChat: detail.y; H5: clientY). */
export function tapPosition(e: unknown): number | undefined {
  const ev = e as { detail?: { y?: number }; clientY?: number } | undefined
  const y = typeof ev?.clientY === 'number' ? ev.clientY : ev?.detail?.y
  if (typeof y !== 'number') return undefined
  try {
    const h = Taro.getSystemInfoSync().windowHeight
    return h > 0 ? Math.min(1, Math.max(0, y / h)) : undefined
  } catch {
    return undefined
  }
}

/** Asks before something that cannot be undone; resolves true only on the confirm button. */
export function ask(opts: {
  message: string
  title?: string
  okText?: string
  cancelText?: string
  danger?: boolean
  tapAt?: number
}): Promise<boolean> {
  return open({
    title: opts.title ?? t('ui.confirm_title'),
    message: opts.message,
    okText: opts.okText ?? t('ui.ok'),
    cancelText: opts.cancelText ?? t('ui.think_again'),
    okKind: opts.danger ? 'danger' : 'primary',
    tapAt: opts.tapAt,
  })
}

/** A message that must be read: stays until its one button is tapped. */
export function alertDialog(opts: { message: string; title?: string; okText?: string }): Promise<void> {
  return open({
    title: opts.title ?? t('ui.not_done'),
    message: opts.message,
    okText: opts.okText ?? t('ui.got_it'),
    okKind: 'primary',
  }).then(() => undefined)
}

/**
 * Drawn in every page. The dialog sits in the half of the screen away from the tap that opened it, and its
 * confirm button is the one farther from that tap, so a second tap (a double tap on a slow phone) lands on the
 * backdrop or on 再想想, never on the irreversible button.
 */
export function DialogHost() {
  const [, redraw] = useState(0)
  const [mine] = useState(pageKey)
  useEffect(() => {
    const h = () => redraw((n) => n + 1)
    hosts.add(h)
    return () => {
      hosts.delete(h)
    }
  }, [])
  const req = current
  if (!req || (req.page !== undefined && mine !== undefined && req.page !== mine)) return null
  // opened from the lower half (or from anywhere unknown): the dialog at the top, confirm first, cancel below it
  const atTop = req.tapAt === undefined || req.tapAt >= 0.5
  const ok = (
    <Button key="ok" kind={req.okKind} onClick={() => req.done(true)}>
      {req.okText}
    </Button>
  )
  const cancel = req.cancelText ? (
    <Button key="cancel" kind="secondary" onClick={() => req.done(false)}>
      {req.cancelText}
    </Button>
  ) : null
  return (
    <View className={`l-dialog ${atTop ? 'l-dialog--top' : 'l-dialog--bottom'}`} catchMove>
      <View className="l-dialog__box" ariaRole="dialog" ariaLabel={req.title}>
        <View className="l-dialog__title">{req.title}</View>
        <View className="l-dialog__message">{req.message}</View>
        <View className="l-dialog__buttons">{atTop ? [ok, cancel] : [cancel, ok]}</View>
      </View>
    </View>
  )
}
