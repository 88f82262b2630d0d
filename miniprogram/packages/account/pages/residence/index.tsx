import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import type { UnitRef } from '@shared/account/account.schema'
import { Button, Card, PagedList, Page, Row, showError, toastDone } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { forgetMe } from '../../../../services/me'
import { useAction, usePaged } from '../../../../services/use-call'
import { UnitBrowser } from '../../components/unit-browser'

interface Household {
  id: string
  headNameMasked: string
  address: string
}

function HouseholdStep(props: { grid: UnitRef; onPick: (household: Household | null) => void }) {
  const list = usePaged(
    (page) => callFunction(accountContract, 'listHouseholds', { gridId: props.grid.id, page, pageSize: 20 }),
    [props.grid.id],
  )
  return (
    <View>
      <PagedList
        items={list.items}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.loading}
        error={list.error?.message}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        keyOf={(h) => h.id}
        renderItem={(h) => (
          <Row title={h.address} sub={`户主 ${h.headNameMasked}`} arrow onClick={() => props.onPick(h)} />
        )}
        emptyTitle="这个网格还没有登记住户"
        emptyText="可以只选网格，以后再认领自家门户。"
      />
      <Button kind="secondary" onClick={() => props.onPick(null)}>
        我家不在名单里，只选网格
      </Button>
    </View>
  )
}

/** Three steps on one page: village → grid (tree walk), then household, then confirm. */
export default function Residence() {
  const [grid, setGrid] = useState<UnitRef | null>(null)
  const [household, setHousehold] = useState<Household | null | undefined>(undefined)
  const save = useAction((input: { gridId: string; householdId: string | null }, requestId: string) =>
    callFunction(accountContract, 'setResidence', input, { requestId }),
  )

  async function submit() {
    if (!grid || household === undefined) return
    const r = await save.run({ gridId: grid.id, householdId: household ? household.id : null })
    if (!r.ok) {
      void showError(r.message)
      return
    }
    forgetMe()
    toastDone('已保存')
    setTimeout(() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' })), 800)
  }

  if (!grid) {
    return (
      <Page title="第一步：选网格" intro="一层一层点进去，找到您家所在的村和网格（村民小组）。">
        <Card>
          <UnitBrowser roots={null} canSelect={(u) => u.level === 'grid'} onSelect={setGrid} noun="单位" />
        </Card>
      </Page>
    )
  }
  if (household === undefined) {
    return (
      <Page title="第二步：选自家" intro={grid.fullName}>
        <Card>
          <HouseholdStep grid={grid} onPick={setHousehold} />
        </Card>
        <Button kind="secondary" onClick={() => setGrid(null)}>
          重新选网格
        </Button>
      </Page>
    )
  }
  return (
    <Page title="第三步：确认">
      <Card title="您家住在">
        <View className="l-row__title">{grid.fullName}</View>
        <View className="l-row__sub">
          {household ? `${household.address}（户主 ${household.headNameMasked}）` : '暂不认领门户'}
        </View>
      </Card>
      <Button loading={save.pending} loadingText="正在保存…" onClick={() => void submit()}>
        确认保存
      </Button>
      <Button kind="secondary" onClick={() => setHousehold(undefined)}>
        上一步
      </Button>
    </Page>
  )
}
