import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { Button, Card, Empty, PagedList, Page, PickerField, Row, showError } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { usePaged } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { pagedProps } from '../../components/household-list'
import { saveFile } from '../../components/files'
import { Waiting } from '../../components/waiting'

const DAY = 86_400_000
const PERIODS = [7, 30, 180] as const
/** what the filter offers: groups of the log's kinds, by the kind's first word */
const GROUPS = { all: null, units: 'unit.', roles: 'role.', members: 'membership.' } as const
type Group = keyof typeof GROUPS

function AuditList(props: { unitId: string; what?: string; from?: number }) {
  const t = useStrings(ACCOUNT_PAGES)
  const list = usePaged(
    (page) =>
      callFunction(accountContract, 'listAudit', {
        unitId: props.unitId,
        page,
        pageSize: 20,
        ...(props.what ? { what: props.what } : {}),
        ...(props.from !== undefined ? { from: props.from } : {}),
      }),
    [props.unitId, props.what, props.from],
  )
  return (
    <PagedList
      {...pagedProps(list)}
      keyOf={(e) => e.id}
      renderItem={(e) => (
        <View>
          <Row
            title={e.whatLabel}
            sub={t('audit.line', { date: fmt.dateTime(e.at), actor: e.actor.name, unit: e.unit })}
          />
          <View className="l-row__sub">{t('audit.change', { before: e.before || '-', after: e.after || '-' })}</View>
        </View>
      )}
      emptyTitle={t('audit.empty')}
    />
  )
}

/** 操作记录: the county admin reads who changed what, filters it, and exports it (XLSX or CSV). */
export default function Audit() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('audit.title'))
  const { me, error, reload } = useMe()
  const units = useMemo(() => (me ? unitsWith(me, 'audit_view') : []), [me])
  const [unitId, setUnitId] = useState<string | null>(null)
  const [group, setGroup] = useState<Group>('all')
  const [days, setDays] = useState<number>(30)
  // the window starts when the filter is chosen, not on every render
  const [from, setFrom] = useState(() => Date.now() - 30 * DAY)
  if (!me) return <Waiting error={error} onRetry={reload} />
  if (!units.length)
    return (
      <Page>
        <Empty title={t('audit.cant')} />
      </Page>
    )
  const chosen = unitId ?? units[0]!.id
  const what = GROUPS[group] ?? undefined
  const since = days ? from : undefined
  const exportAs = async (format: 'xlsx' | 'csv') => {
    const r = await callFunction(accountContract, 'exportAudit', {
      unitId: chosen,
      format,
      ...(what ? { what } : {}),
      ...(since !== undefined ? { from: since } : {}),
    })
    if (!r.ok) return void showError(r.message)
    if (!(await saveFile(r.data))) void showError(t('imp.on_pc'))
  }
  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <Card>
        {units.length > 1 ? (
          <PickerField
            label={t('members.unit')}
            options={units.map((u) => ({ value: u.id, label: u.fullName }))}
            value={chosen}
            onChange={setUnitId}
          />
        ) : null}
        <PickerField
          label={t('audit.what')}
          options={[
            { value: 'all' as const, label: t('audit.all') },
            { value: 'units' as const, label: t('audit.units') },
            { value: 'roles' as const, label: t('audit.roles') },
            { value: 'members' as const, label: t('audit.members') },
          ]}
          value={group}
          onChange={setGroup}
        />
        <PickerField
          label={t('audit.period')}
          options={[
            ...PERIODS.map((n) => ({ value: n, label: t('audit.days', { n }) })),
            { value: 0, label: t('audit.ever') },
          ]}
          value={days}
          onChange={(n) => {
            setDays(n)
            setFrom(Date.now() - n * DAY)
          }}
        />
        <Button kind="secondary" onClick={() => void exportAs('xlsx')}>
          {t('audit.xlsx')}
        </Button>
        <Button kind="secondary" onClick={() => void exportAs('csv')}>
          {t('audit.csv')}
        </Button>
      </Card>
      <Card>
        <AuditList unitId={chosen} what={what} from={since} />
      </Card>
    </Page>
  )
}
