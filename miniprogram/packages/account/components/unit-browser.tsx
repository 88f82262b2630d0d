import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { levelLabel } from '@shared/account/account.messages'
import type { UnitRef, UnitSummary } from '@shared/account/account.schema'
import { Button, Empty, ErrorBlock, Loading, Row } from '../../../components'
import { callFunction } from '../../../services/call-function'
import { getLang, useStrings } from '../../../services/i18n'
import { useQuery } from '../../../services/use-call'
import { ACCOUNT_PAGES } from '../account.strings'

export interface UnitBrowserProps {
  /** where browsing starts: the units of my scope; null starts at the top of the tree */
  roots: readonly UnitRef[] | null
  canSelect: (unit: UnitRef) => boolean
  onSelect: (unit: UnitRef) => void
}

/**
 * Walks the administrative tree one level at a time: tap a unit to open it, and a button chooses the
 * open unit when it may be chosen. One decision per screen suits people unused to tree widgets.
 */
export function UnitBrowser(props: UnitBrowserProps) {
  const t = useStrings(ACCOUNT_PAGES)
  const [stack, setStack] = useState<UnitRef[]>([])
  const current = stack[stack.length - 1] ?? null
  const atRoots = !current && props.roots !== null
  const children = useQuery(
    () =>
      atRoots
        ? Promise.resolve({ ok: true as const, data: { parent: null, items: [] } })
        : callFunction(accountContract, 'listUnits', { parentId: current ? current.id : null }),
    [current ? current.id : null, atRoots],
  )

  const open = (unit: UnitRef) => setStack((s) => [...s, unit])
  const items: Array<UnitRef & { hasChildren: boolean }> = atRoots
    ? (props.roots ?? []).map((u) => ({ ...u, hasChildren: true }))
    : (children.data?.items ?? [])

  return (
    <View>
      {current ? (
        <View>
          <View className="l-row__sub">{t('ub.at', { name: current.fullName })}</View>
          {props.canSelect(current) ? (
            <Button onClick={() => props.onSelect(current)}>{t('ub.choose', { name: current.name })}</Button>
          ) : null}
          <Button kind="secondary" size="small" onClick={() => setStack((s) => s.slice(0, -1))}>
            {t('ub.up')}
          </Button>
        </View>
      ) : null}
      {!atRoots && children.loading ? <Loading /> : null}
      {!atRoots && children.error ? <ErrorBlock message={children.error.message} onRetry={children.reload} /> : null}
      {!children.loading && !children.error && !items.length ? <Empty title={t('ub.empty')} /> : null}
      {items.map((u: UnitSummary | (UnitRef & { hasChildren: boolean })) => {
        const selectableLeaf = !u.hasChildren && props.canSelect(u)
        return (
          <Row
            key={u.id}
            title={u.name}
            sub={levelLabel(u.level, getLang())}
            arrow={u.hasChildren || selectableLeaf}
            onClick={u.hasChildren ? () => open(u) : selectableLeaf ? () => props.onSelect(u) : undefined}
          />
        )
      })}
    </View>
  )
}
