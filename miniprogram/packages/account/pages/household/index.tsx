import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import type { UnitRef } from '@shared/account/account.schema'
import { Button, Card, Empty, ErrorBlock, Loading, Page, Row, Tag, toastDone } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { useAction, useQuery } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { HouseholdList } from '../../components/household-list'
import { ReasonForm } from '../../components/reason-form'
import { UnitBrowser } from '../../components/unit-browser'
import { Waiting } from '../../components/waiting'

type Revoke = { householdId: string; userId: string; reason: string }

/** Who belongs to one household; the head and the grid's officials may remove someone, saying why. */
function Members(props: { householdId: string; onOther?: () => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const { me } = useMe()
  const view = useQuery(
    () => callFunction(accountContract, 'listHouseholdMembers', { householdId: props.householdId }),
    [props.householdId],
  )
  const [removing, setRemoving] = useState<string | null>(null)
  const revoke = useAction((input: Revoke, requestId: string) =>
    callFunction(accountContract, 'revokeMembership', input, { requestId }),
  )
  if (!view.data) return view.error ? <ErrorBlock message={view.error.message} onRetry={view.reload} /> : <Loading />
  const { household, members, canRevoke } = view.data
  return (
    <View>
      <Card title={household.address} extra={household.grid.name}>
        <View className="l-row__sub">{household.headName}</View>
        {members.length ? null : <Empty title={t('hh.none')} />}
        {members.map((m) => (
          <View key={m.userId} className="l-list__item">
            <Row
              title={m.phoneMasked ? `${m.name} ${m.phoneMasked}` : m.name}
              sub={m.via === 'roster' || m.since === null ? t('hh.roster') : t('hh.since', { date: fmt.date(m.since) })}
              extra={m.head ? <Tag tone="success">{t('hh.head')}</Tag> : undefined}
            />
            {canRevoke && m.userId !== me?.user.id ? (
              removing === m.userId ? (
                <ReasonForm
                  label={t('hh.remove_reason')}
                  submit={t('hh.remove')}
                  pending={revoke.pending}
                  onCancel={() => setRemoving(null)}
                  onSubmit={async (reason) => {
                    const r = await revoke.run({ householdId: household.id, userId: m.userId, reason })
                    if (r.ok) {
                      toastDone(t('hh.removed'))
                      setRemoving(null)
                      view.reload()
                    }
                    return r
                  }}
                />
              ) : (
                <Button kind="secondary" size="small" onClick={() => setRemoving(m.userId)}>
                  {t('hh.remove')}
                </Button>
              )
            ) : null}
          </View>
        ))}
      </Card>
      {props.onOther ? (
        <Button kind="secondary" onClick={props.onOther}>
          {t('hh.other')}
        </Button>
      ) : null}
    </View>
  )
}

/**
 * A household's members. Opened with `?id=` (from 我的, for my own household), or, for officials, by walking to a
 * grid of their scope and choosing a household there.
 */
export default function HouseholdPage() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('hh.title'))
  const { me, error, reload } = useMe()
  const given = useRouter().params.id
  const [grid, setGrid] = useState<UnitRef | null>(null)
  const [householdId, setHouseholdId] = useState<string | null>(null)
  if (given) return <Page title={t('hh.title')}>{<Members householdId={decodeURIComponent(given)} />}</Page>
  if (!me) return <Waiting error={error} onRetry={reload} />
  if (householdId)
    return (
      <Page title={t('hh.title')}>
        <Members householdId={householdId} onOther={() => setHouseholdId(null)} />
      </Page>
    )
  if (grid)
    return (
      <Page title={t('hh.pick_household')}>
        <HouseholdList grid={grid} onPick={(h) => setHouseholdId(h.id)} />
        <Button kind="secondary" onClick={() => setGrid(null)}>
          {t('res.rechoose')}
        </Button>
      </Page>
    )
  return (
    <Page title={t('hh.pick_grid')}>
      <Card>
        <UnitBrowser
          roots={unitsWith(me, 'household_approve')}
          canSelect={(u) => u.level === 'grid'}
          onSelect={setGrid}
        />
      </Card>
    </Page>
  )
}
