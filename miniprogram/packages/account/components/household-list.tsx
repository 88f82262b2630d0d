import type { UnitRef } from '@shared/account/account.schema'
import { Card, PagedList, Row } from '../../../components'
import { callFunction } from '../../../services/call-function'
import { useStrings } from '../../../services/i18n'
import { usePaged, type PagedState } from '../../../services/use-call'
import { ACCOUNT_PAGES } from '../account.strings'
import { accountContract } from '@shared/account/account.contract'

/** What `PagedList` needs of a paged read, in one place. */
export function pagedProps<T>(list: PagedState<T>) {
  return {
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error?.message,
    onLoadMore: list.loadMore,
    onRetry: list.reload,
  }
}

export interface HouseholdItem {
  id: string
  headName: string
  address: string
}

/**
 * The households of a grid to choose from, as the server shows them to the caller: a resident sees heads masked
 * and addresses without names; those who decide join requests see them in full.
 */
export function HouseholdList(props: { grid: UnitRef; onPick: (household: HouseholdItem) => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const list = usePaged(
    (page) => callFunction(accountContract, 'listHouseholds', { gridId: props.grid.id, page, pageSize: 20 }),
    [props.grid.id],
  )
  return (
    <Card title={props.grid.fullName}>
      <PagedList
        {...pagedProps(list)}
        keyOf={(h) => h.id}
        renderItem={(h) => (
          <Row
            title={h.address || t('res.no_number')}
            sub={t('res.head', { name: h.headName })}
            arrow
            onClick={() => props.onPick(h)}
          />
        )}
        emptyTitle={t('res.empty')}
        emptyText={t('res.empty_text')}
      />
    </Card>
  )
}
