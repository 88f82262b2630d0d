import Taro, { useRouter } from '@tarojs/taro'
import { ensureConsent } from '../../../../services/privacy'
import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { roleLabel } from '@shared/account/account.messages'
import type { InviteView, UnitRef } from '@shared/account/account.schema'
import { ROLES, type RoleName } from '@shared/auth/roles'
import { Button, Card, ConfirmButton, Empty, Page, PickerField, showError, toast } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, getLang, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { useAction } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { saveFile } from '../../components/files'
import { UnitBrowser } from '../../components/unit-browser'
import { Waiting } from '../../components/waiting'

const VALIDITY_DAYS = [1, 3, 7, 30] as const

/** 打印一批邀请码: one code per unit below the chosen one (each grid of a township), as an XLSX with QR codes. */
function Sheet(props: { roles: Array<{ value: RoleName; label: string }>; roots: UnitRef[]; unitId: string | null }) {
  const t = useStrings(ACCOUNT_PAGES)
  const lang = getLang()
  const [role, setRole] = useState<RoleName | null>(null)
  const [unit, setUnit] = useState<UnitRef | null>(() => props.roots.find((u) => u.id === props.unitId) ?? null)
  const make = useAction((input: { role: RoleName; parentId: string }, requestId: string) =>
    callFunction(accountContract, 'createInviteSheet', input, { requestId }),
  )
  return (
    <Card title={t('sheet.title')}>
      <View className="l-row__sub">{t('sheet.intro')}</View>
      <PickerField label={t('invite.role')} options={props.roles} value={role} onChange={setRole} />
      {unit ? (
        <View>
          <View className="l-row__title">{unit.fullName}</View>
          <Button kind="secondary" size="small" onClick={() => setUnit(null)}>
            {t('invite.rechoose')}
          </Button>
        </View>
      ) : (
        <UnitBrowser roots={props.roots} canSelect={(u) => u.level !== 'grid'} onSelect={setUnit} />
      )}
      {role && unit ? (
        <ConfirmButton
          loading={make.pending}
          loadingText={t('invite.generating')}
          confirm={t('sheet.confirm', { unit: unit.name, role: roleLabel(role, lang) })}
          onConfirm={() =>
            void make.run({ role, parentId: unit.id }).then(async (r) => {
              if (!r.ok) return void showError(r.message)
              toast(t('sheet.done', { n: r.data.rows }))
              if (!(await saveFile(r.data))) void showError(t('imp.on_pc'))
            })
          }
        >
          {t('sheet.create')}
        </ConfirmButton>
      ) : null}
    </Card>
  )
}

export default function Invite() {
  const router = useRouter()
  const sheetUnit = router.params.sheet !== undefined ? decodeURIComponent(router.params.sheet) : null
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('invite.title'))
  const { me, error, reload } = useMe()
  const [role, setRole] = useState<RoleName | null>(null)
  const [unit, setUnit] = useState<UnitRef | null>(null)
  const [hours, setHours] = useState<number>(72)
  const [invite, setInvite] = useState<InviteView | null>(null)
  const create = useAction((input: { role: RoleName; unitId: string; validHours: number }, requestId: string) =>
    callFunction(accountContract, 'createInvite', input, { requestId }),
  )
  const lang = getLang()

  // Roles I may hand out: what my inviting roles list as grantable (the server checks the unit too).
  const roleOptions = useMemo(() => {
    if (!me) return []
    const names = new Set<RoleName>()
    for (const r of me.roles) {
      if (ROLES[r.role].permissions.includes('invite_create')) ROLES[r.role].grants.forEach((g) => names.add(g))
    }
    return [...names].map((name) => ({ value: name, label: roleLabel(name, lang) }))
  }, [me, lang])

  if (!me) return <Waiting error={error} onRetry={reload} />
  if (!roleOptions.length)
    return (
      <Page>
        <Empty title={t('invite.cant')} text={t('invite.cant_text')} />
      </Page>
    )

  if (invite) {
    return (
      <Page title={t('invite.done')}>
        <Card>
          <View className="l-page__title">{invite.code}</View>
          <View className="l-row__title">{invite.roleLabel}</View>
          <View className="l-row__sub">{invite.unit.fullName}</View>
          <View className="l-row__sub">{t('invite.valid_until', { time: fmt.dateTime(invite.expiresAt) })}</View>
          <Button
            onClick={() =>
              void ensureConsent('clipboard').then((ok) => {
                if (ok) void Taro.setClipboardData({ data: invite.code })
              })
            }
          >
            {t('invite.copy')}
          </Button>
          <Button
            kind="secondary"
            onClick={() => {
              setInvite(null)
              setUnit(null)
            }}
          >
            {t('invite.another')}
          </Button>
        </Card>
      </Page>
    )
  }

  const roleSpec = role ? ROLES[role] : null
  if (sheetUnit !== null)
    return (
      <Page title={t('sheet.title')}>
        <Sheet roles={roleOptions} roots={unitsWith(me, 'invite_create')} unitId={sheetUnit} />
      </Page>
    )
  return (
    <Page title={t('invite.title')} intro={t('invite.intro')}>
      <Button
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/invite/index?sheet=' })}
      >
        {t('sheet.title')}
      </Button>
      <Card>
        <PickerField
          label={t('invite.role')}
          options={roleOptions}
          value={role}
          onChange={(v) => {
            setRole(v)
            setUnit(null)
          }}
          placeholder={t('invite.role_ph')}
        />
        <PickerField
          label={t('invite.validity')}
          options={VALIDITY_DAYS.map((n) => ({ value: n * 24, label: t('invite.days', { n }) }))}
          value={hours}
          onChange={setHours}
        />
      </Card>
      {roleSpec ? (
        <Card title={t('invite.where')} extra={unit ? t('invite.chosen') : undefined}>
          {unit ? (
            <View>
              <View className="l-row__title">{unit.fullName}</View>
              <Button kind="secondary" size="small" onClick={() => setUnit(null)}>
                {t('invite.rechoose')}
              </Button>
            </View>
          ) : (
            <UnitBrowser
              roots={unitsWith(me, 'invite_create')}
              canSelect={(u) => roleSpec.levels.includes(u.level)}
              onSelect={setUnit}
            />
          )}
        </Card>
      ) : null}
      {role && unit ? (
        <ConfirmButton
          loading={create.pending}
          loadingText={t('invite.generating')}
          confirm={t('invite.confirm', { unit: unit.name, role: roleLabel(role, lang) })}
          confirmText={t('invite.confirm_ok')}
          onConfirm={() => {
            void create.run({ role, unitId: unit.id, validHours: hours }).then((r) => {
              if (r.ok) setInvite(r.data)
              else if (r.code === 'COMMON.NETWORK') toast(r.message)
              else void showError(r.message)
            })
          }}
        >
          {t('invite.create')}
        </ConfirmButton>
      ) : null}
    </Page>
  )
}
