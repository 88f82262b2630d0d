import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export type TagTone = 'info' | 'success' | 'warning' | 'danger' | 'plain'

/** Inline; the border repeats the colour so the tag reads without relying on colour alone. */
export function Tag(props: { tone?: TagTone; children?: ReactNode }) {
  return <View className={`l-tag l-tag--${props.tone ?? 'info'}`}>{props.children}</View>
}
