import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Button } from './button'
import { Empty } from './empty'
import { ErrorBlock } from './error-block'
import { Loading } from './loading'
import { t } from '../services/i18n'

export interface PagedListProps<T> {
  items: readonly T[]
  total?: number
  hasMore: boolean
  loading: boolean
  error?: string | null
  onLoadMore: () => void
  onRetry?: () => void
  renderItem: (item: T, index: number) => ReactNode
  keyOf: (item: T, index: number) => string
  emptyTitle: string
  emptyText?: string
}

/** A list loaded page by page with an explicit "加载更多" button (easier than scroll-to-load for everyone). */
export function PagedList<T>(props: PagedListProps<T>) {
  const { items, loading, error } = props
  if (!items.length && loading) return <Loading />
  if (!items.length && error) return <ErrorBlock message={error} onRetry={props.onRetry} />
  if (!items.length) return <Empty title={props.emptyTitle} text={props.emptyText} />
  return (
    <View>
      {props.total !== undefined ? <View className="l-list__total">{t('ui.total', { n: props.total })}</View> : null}
      {items.map((item, i) => (
        <View key={props.keyOf(item, i)}>{props.renderItem(item, i)}</View>
      ))}
      {error ? <ErrorBlock message={error} onRetry={props.onLoadMore} /> : null}
      {props.hasMore ? (
        <Button kind="secondary" loading={loading} loadingText={t('ui.loading')} onClick={props.onLoadMore}>
          {t('ui.more')}
        </Button>
      ) : (
        <View className="l-list__end">{t('ui.end')}</View>
      )}
    </View>
  )
}
