import { View } from '@tarojs/components'
import type { ITouchEvent } from '@tarojs/components'
import type { ReactNode } from 'react'
import { t } from '../services/i18n'

export type ButtonKind = 'primary' | 'secondary' | 'danger'

export interface ButtonProps {
  kind?: ButtonKind
  size?: 'normal' | 'small'
  inline?: boolean
  disabled?: boolean
  /** shows `loadingText` and ignores taps, so a slow network cannot cause double submits */
  loading?: boolean
  loadingText?: string
  /** gets the tap (its position places a confirmation away from it) */
  onClick?: (e: ITouchEvent) => void
  children?: ReactNode
}

/**
 * A View, not the native <Button>: the native one carries platform borders and sizes that differ between
 * WeChat and H5, and our targets must stay ≥ 88px tall on both.
 */
export function Button(props: ButtonProps) {
  const { kind = 'primary', size = 'normal', disabled = false, loading = false } = props
  const inactive = disabled || loading
  const className = [
    'l-btn',
    `l-btn--${kind}`,
    size === 'small' ? 'l-btn--small' : '',
    props.inline ? 'l-btn--inline' : '',
    inactive ? 'l-btn--disabled' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      className={className}
      hoverClass={inactive ? 'none' : 'l-btn--hover'}
      ariaRole="button"
      onClick={(e) => {
        if (!inactive) props.onClick?.(e)
      }}
    >
      {loading ? (props.loadingText ?? t('ui.wait')) : props.children}
    </View>
  )
}
