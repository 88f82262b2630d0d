import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { roleLabel } from '@shared/account/account.messages'
import type { MemberView } from '@shared/account/account.schema'
import { ROLE_NAMES, ROLES, type RoleName } from '@shared/auth/roles'
import {
  Button,
  Card,
  ConfirmButton,
  Empty,
  Field,
  PagedList,
  Page,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, getLang, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { pagedProps } from '../../components/household-list'
import { Waiting } from '../../components/waiting'

const ALL = 'all'

/** A person's role changes within the unit: granted, revoked, by invite or by roster (from the audit log). */
function History(props: { userId: string; unitId: string }) {
  const t = useStrings(ACCOUNT_PAGES)
  const h = useQuery(
    () => callFunction(accountContract, 'roleHistory', { userId: props.userId, unitId: props.unitId }),
    [props.userId, props.unitId],
  )
  if (!h.data) return null
  return (
    <View>
      <View className="l-row__title">{t('history.title', { name: h.data.name })}</View>
      {h.data.items.length ? (
        h.data.items.map((i, n) => (
          <Row
            key={n}
            title={`${i.what} · ${i.role}`}
            sub={t('history.line', { date: fmt.dateTime(i.at), by: i.by, unit: i.unit })}
          />
        ))
      ) : (
        <View className="l-row__sub">{t('history.empty')}</View>
      )}
    </View>
  )
}

function MemberActions(props: { m: MemberView; unitId: string; onChanged: () => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const [open, setOpen] = useState<'history' | 'revoke' | null>(null)
  const [reason, setReason] = useState('')
  const revoke = useAction(
    (input: { userId: string; role: RoleName; unitId: string; reason: string }, requestId: string) =>
      callFunction(accountContract, 'revokeRole', input, { requestId }),
  )
  return (
    <View>
      <Button kind="secondary" size="small" inline onClick={() => setOpen(open === 'history' ? null : 'history')}>
        {t('history.button')}
      </Button>
      {props.m.role !== 'resident' ? (
        <Button kind="secondary" size="small" inline onClick={() => setOpen(open === 'revoke' ? null : 'revoke')}>
          {t('revoke.button')}
        </Button>
      ) : null}
      {open === 'history' ? <History userId={props.m.userId} unitId={props.unitId} /> : null}
      {open === 'revoke' ? (
        <View>
          <Field
            label={t('revoke.reason')}
            value={reason}
            onChange={setReason}
            placeholder={t('revoke.reason_ph')}
            maxlength={100}
          />
          <ConfirmButton
            kind="danger"
            disabled={!reason.trim()}
            loading={revoke.pending}
            confirm={t('revoke.confirm', { name: props.m.name, role: props.m.roleLabel })}
            onConfirm={() =>
              void revoke
                .run({ userId: props.m.userId, role: props.m.role, unitId: props.m.unit.id, reason: reason.trim() })
                .then((r) => {
                  if (!r.ok) return void showError(r.message)
                  toastDone(t('revoke.done'))
                  setOpen(null)
                  props.onChanged()
                })
            }
          >
            {t('revoke.button')}
          </ConfirmButton>
        </View>
      ) : null}
    </View>
  )
}

/** Gives a role, in the chosen unit or one right below it, to someone already known (no invite code). */
function Grant(props: { unitId: string; roles: RoleName[]; onDone: () => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const lang = getLang()
  const [query, setQuery] = useState('')
  const [asked, setAsked] = useState('')
  const [person, setPerson] = useState<{ userId: string; name: string } | null>(null)
  const [role, setRole] = useState<RoleName | null>(null)
  const [where, setWhere] = useState<string | null>(null)
  const found = useQuery(
    () =>
      asked
        ? callFunction(accountContract, 'findPeople', { unitId: props.unitId, query: asked })
        : Promise.resolve({ ok: true as const, data: { items: [] } }),
    [asked, props.unitId],
  )
  const below = useQuery(() => callFunction(accountContract, 'listUnits', { parentId: props.unitId }), [props.unitId])
  const grant = useAction((input: { userId: string; role: RoleName; unitId: string }, requestId: string) =>
    callFunction(accountContract, 'grantRole', input, { requestId }),
  )
  const places = [
    { id: props.unitId, name: below.data?.parent?.name ?? props.unitId, level: below.data?.parent?.level },
    ...(below.data?.items ?? []).map((u) => ({ id: u.id, name: u.name, level: u.level })),
  ].filter((p) => !role || (p.level && ROLES[role].levels.includes(p.level)))
  return (
    <Card title={t('grant.title')}>
      <Field
        label={t('grant.find')}
        value={query}
        onChange={setQuery}
        placeholder={t('grant.find_ph')}
        maxlength={20}
      />
      <Button kind="secondary" size="small" disabled={!query.trim()} onClick={() => setAsked(query.trim())}>
        {t('grant.search')}
      </Button>
      {asked && found.data && !found.data.items.length ? <View className="l-row__sub">{t('grant.none')}</View> : null}
      {(found.data?.items ?? []).map((p) => (
        <Row
          key={p.userId}
          title={p.name}
          sub={[p.phoneMasked, p.residence].filter(Boolean).join(' · ')}
          extra={person?.userId === p.userId ? <Tag tone="success">✓</Tag> : undefined}
          onClick={() => setPerson({ userId: p.userId, name: p.name })}
        />
      ))}
      {person ? (
        <View>
          <PickerField
            label={t('grant.role')}
            options={props.roles.map((r) => ({ value: r, label: roleLabel(r, lang) }))}
            value={role}
            onChange={(r) => {
              setRole(r)
              setWhere(null)
            }}
          />
          {role ? (
            <PickerField
              label={t('grant.where')}
              options={places.map((p) => ({ value: p.id, label: p.name }))}
              value={where}
              onChange={setWhere}
            />
          ) : null}
          {role && where ? (
            <ConfirmButton
              loading={grant.pending}
              confirm={t('grant.confirm', {
                name: person.name,
                unit: places.find((p) => p.id === where)?.name ?? where,
                role: roleLabel(role, lang),
              })}
              confirmText={t('grant.ok')}
              onConfirm={() =>
                void grant.run({ userId: person.userId, role, unitId: where }).then((r) => {
                  if (!r.ok) return void showError(r.message)
                  toastDone(t('grant.done'))
                  setPerson(null)
                  setRole(null)
                  props.onDone()
                })
              }
            >
              {t('grant.ok')}
            </ConfirmButton>
          ) : null}
        </View>
      ) : null}
    </Card>
  )
}

function MemberList(props: { unitId: string; role: RoleName | null; version: number; onChanged: () => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const list = usePaged(
    (page) =>
      callFunction(accountContract, 'listMembers', {
        unitId: props.unitId,
        page,
        pageSize: 20,
        ...(props.role ? { role: props.role } : {}),
      }),
    [props.unitId, props.role, props.version],
  )
  return (
    <PagedList
      {...pagedProps(list)}
      keyOf={(m) => `${m.userId}:${m.role}:${m.unit.id}`}
      renderItem={(m) => (
        <View>
          <Row
            title={m.name}
            sub={m.phoneMasked ? t('members.line', { unit: m.unit.fullName, phone: m.phoneMasked }) : m.unit.fullName}
            extra={<Tag tone="plain">{m.roleLabel}</Tag>}
          />
          <MemberActions m={m} unitId={props.unitId} onChanged={props.onChanged} />
        </View>
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
  const [version, setVersion] = useState(0)
  const grantable = useMemo(() => {
    const names = new Set<RoleName>()
    for (const r of me?.roles ?? [])
      if (ROLES[r.role].permissions.includes('invite_create')) ROLES[r.role].grants.forEach((g) => names.add(g))
    names.delete('resident')
    return [...names]
  }, [me])

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
      {grantable.length ? <Grant unitId={chosen} roles={grantable} onDone={() => setVersion(version + 1)} /> : null}
      <Card>
        <MemberList
          unitId={chosen}
          role={role === ALL ? null : (role as RoleName)}
          version={version}
          onChanged={() => setVersion(version + 1)}
        />
      </Card>
    </Page>
  )
}
