import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import type { InviteView, UnitRef } from '@shared/account/account.schema'
import { ROLES, type RoleName } from '@shared/auth/roles'
import { formatBj } from '@shared/time/beijing'
import {
  Button,
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Loading,
  Page,
  PickerField,
  showError,
  toast,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction } from '../../../../services/use-call'
import { UnitBrowser } from '../../components/unit-browser'

const VALIDITY = [
  { value: 24, label: '1 天' },
  { value: 72, label: '3 天' },
  { value: 168, label: '7 天' },
  { value: 720, label: '30 天' },
] as const

export default function Invite() {
  const { me, error, reload } = useMe()
  const [role, setRole] = useState<RoleName | null>(null)
  const [unit, setUnit] = useState<UnitRef | null>(null)
  const [hours, setHours] = useState<number>(72)
  const [invite, setInvite] = useState<InviteView | null>(null)
  const create = useAction((input: { role: RoleName; unitId: string; validHours: number }, requestId: string) =>
    callFunction(accountContract, 'createInvite', input, { requestId }),
  )

  // Roles I may hand out: what my inviting roles list as grantable (the server checks the unit too).
  const roleOptions = useMemo(() => {
    if (!me) return []
    const names = new Set<RoleName>()
    for (const r of me.roles) {
      if (ROLES[r.role].permissions.includes('invite_create')) ROLES[r.role].grants.forEach((g) => names.add(g))
    }
    return [...names].map((name) => ({ value: name, label: ROLES[name].label }))
  }, [me])

  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!roleOptions.length)
    return (
      <Page>
        <Empty title="您不能发放邀请码" text="只有村（社区）干部、综治中心等可以发放。" />
      </Page>
    )

  if (invite) {
    return (
      <Page title="邀请码已生成">
        <Card>
          <View className="l-page__title">{invite.code}</View>
          <View className="l-row__title">{invite.roleLabel}</View>
          <View className="l-row__sub">{invite.unit.fullName}</View>
          <View className="l-row__sub">有效到 {formatBj(invite.expiresAt)}，只能用一次</View>
          <Button onClick={() => void Taro.setClipboardData({ data: invite.code })}>复制邀请码</Button>
          <Button
            kind="secondary"
            onClick={() => {
              setInvite(null)
              setUnit(null)
            }}
          >
            再发一个
          </Button>
        </Card>
      </Page>
    )
  }

  const roleSpec = role ? ROLES[role] : null
  return (
    <Page title="发放邀请码" intro="选好身份和单位，生成邀请码交给对方，对方在「使用邀请码」里输入。">
      <Card>
        <PickerField
          label="给什么身份"
          options={roleOptions}
          value={role}
          onChange={(v) => {
            setRole(v)
            setUnit(null)
          }}
          placeholder="请选择身份"
        />
        <PickerField label="有效期" options={VALIDITY} value={hours} onChange={setHours} />
      </Card>
      {roleSpec ? (
        <Card title="在哪个单位" extra={unit ? '已选' : undefined}>
          {unit ? (
            <View>
              <View className="l-row__title">{unit.fullName}</View>
              <Button kind="secondary" size="small" onClick={() => setUnit(null)}>
                重新选择
              </Button>
            </View>
          ) : (
            <UnitBrowser
              roots={unitsWith(me, 'invite_create')}
              canSelect={(u) => roleSpec.levels.includes(u.level)}
              onSelect={setUnit}
              noun="单位"
            />
          )}
        </Card>
      ) : null}
      {role && unit ? (
        <ConfirmButton
          loading={create.pending}
          loadingText="正在生成…"
          confirm={`将请人担任「${unit.name}」的${ROLES[role].label}。邀请码发出后，谁拿到都能使用。`}
          confirmText="生成"
          onConfirm={() => {
            void create.run({ role, unitId: unit.id, validHours: hours }).then((r) => {
              if (r.ok) setInvite(r.data)
              else if (r.code === 'COMMON.NETWORK') toast(r.message)
              else void showError(r.message)
            })
          }}
        >
          生成邀请码
        </ConfirmButton>
      ) : null}
    </Page>
  )
}
