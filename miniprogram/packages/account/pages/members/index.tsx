import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { ROLE_NAMES, ROLES, type RoleName } from '@shared/auth/roles'
import { Card, Empty, ErrorBlock, Loading, PagedList, Page, PickerField, Row, Tag } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { unitsWith, useMe } from '../../../../services/me'
import { usePaged } from '../../../../services/use-call'

const ALL = 'all'
const ROLE_FILTER = [{ value: ALL, label: '全部身份' }, ...ROLE_NAMES.map((r) => ({ value: r, label: ROLES[r].label }))]

function MemberList(props: { unitId: string; role: RoleName | null }) {
  const list = usePaged(
    (page) =>
      callFunction(accountContract, 'listMembers', {
        unitId: props.unitId,
        page,
        pageSize: 20,
        ...(props.role ? { role: props.role } : {}),
      }),
    [props.unitId, props.role],
  )
  return (
    <PagedList
      items={list.items}
      total={list.total}
      hasMore={list.hasMore}
      loading={list.loading}
      error={list.error?.message}
      onLoadMore={list.loadMore}
      onRetry={list.reload}
      keyOf={(m) => `${m.userId}:${m.role}:${m.unit.id}`}
      renderItem={(m) => (
        <Row
          title={m.name}
          sub={`${m.unit.fullName}${m.phoneMasked ? ` · ${m.phoneMasked}` : ''}`}
          extra={<Tag tone="plain">{m.roleLabel}</Tag>}
        />
      )}
      emptyTitle="没有找到人员"
      emptyText="换一个单位或身份试试。"
    />
  )
}

export default function Members() {
  const { me, error, reload } = useMe()
  const units = useMemo(() => (me ? unitsWith(me, 'member_list') : []), [me])
  const [unitId, setUnitId] = useState<string | null>(null)
  const [role, setRole] = useState<string>(ALL)

  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!units.length)
    return (
      <Page>
        <Empty title="您不能查看人员名单" />
      </Page>
    )
  const chosen = unitId ?? units[0]!.id
  return (
    <Page title="人员名单" intro="包括下级单位的人员。手机号只显示部分。">
      <Card>
        {units.length > 1 ? (
          <PickerField
            label="单位"
            options={units.map((u) => ({ value: u.id, label: u.fullName }))}
            value={chosen}
            onChange={setUnitId}
          />
        ) : null}
        <PickerField label="身份" options={ROLE_FILTER} value={role} onChange={setRole} />
      </Card>
      <Card>
        <MemberList unitId={chosen} role={role === ALL ? null : (role as RoleName)} />
      </Card>
    </Page>
  )
}
