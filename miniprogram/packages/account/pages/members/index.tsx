import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { roleLabel } from '@shared/account/account.messages'
import { ROLE_NAMES, type RoleName } from '@shared/auth/roles'
import { Card, Empty, PagedList, Page, PickerField, Row, Tag } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { getLang, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { usePaged } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { pagedProps } from '../../components/household-list'
import { Waiting } from '../../components/waiting'

const ALL = 'all'

function MemberList(props: { unitId: string; role: RoleName | null }) {
  const t = useStrings(ACCOUNT_PAGES)
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
      {...pagedProps(list)}
      keyOf={(m) => `${m.userId}:${m.role}:${m.unit.id}`}
      renderItem={(m) => (
        <Row
          title={m.name}
          sub={m.phoneMasked ? t('members.line', { unit: m.unit.fullName, phone: m.phoneMasked }) : m.unit.fullName}
          extra={<Tag tone="plain">{m.roleLabel}</Tag>}
        />
      )}
      emptyTitle={t('members.empty')}
      emptyText={t('members.empty_text')}
    />
  )
}

export default function Members() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('members.title'))
  const { me, error, reload } = useMe()
  const units = useMemo(() => (me ? unitsWith(me, 'member_list') : []), [me])
  const [unitId, setUnitId] = useState<string | null>(null)
  const [role, setRole] = useState<string>(ALL)

  if (!me) return <Waiting error={error} onRetry={reload} />
  if (!units.length)
    return (
      <Page>
        <Empty title={t('members.cant')} />
      </Page>
    )
  const chosen = unitId ?? units[0]!.id
  const lang = getLang()
  const roleFilter = [
    { value: ALL, label: t('members.all') },
    ...ROLE_NAMES.map((r) => ({ value: r, label: roleLabel(r, lang) })),
  ]
  return (
    <Page title={t('members.title')} intro={t('members.intro')}>
      <Card>
        {units.length > 1 ? (
          <PickerField
            label={t('members.unit')}
            options={units.map((u) => ({ value: u.id, label: u.fullName }))}
            value={chosen}
            onChange={setUnitId}
          />
        ) : null}
        <PickerField label={t('members.role')} options={roleFilter} value={role} onChange={setRole} />
      </Card>
      <Card>
        <MemberList unitId={chosen} role={role === ALL ? null : (role as RoleName)} />
      </Card>
    </Page>
  )
}
