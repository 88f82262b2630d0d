import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { levelLabel } from '@shared/account/account.messages'
import { PARENT_LEVELS } from '@shared/account/account.rules'
import type { OrgUnit, UnitLevel } from '@shared/account/account.schema'
import {
  Button,
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, getLang, useStrings } from '../../../../services/i18n'
import { useTitle } from '../../../../services/title'
import { useAction, useQuery } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'

type NewLevel = keyof typeof PARENT_LEVELS

/** The levels that may be created under a unit of this level (a county: townships and departments, …). */
function childLevels(level: UnitLevel): NewLevel[] {
  return (Object.keys(PARENT_LEVELS) as NewLevel[]).filter((l) =>
    (PARENT_LEVELS[l] as readonly string[]).includes(level),
  )
}

function AddUnit(props: { parent: OrgUnit; onDone: () => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const levels = childLevels(props.parent.level)
  const [level, setLevel] = useState<NewLevel | null>(levels[0] ?? null)
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const create = useAction(
    (input: { parentId: string; level: NewLevel; name: string; statCode?: string }, requestId: string) =>
      callFunction(accountContract, 'createUnit', input, { requestId }),
  )
  if (!levels.length || !level) return null
  const lang = getLang()
  return (
    <Card title={t('org.add')}>
      <PickerField
        label={t('org.level')}
        options={levels.map((l) => ({ value: l, label: levelLabel(l, lang) }))}
        value={level}
        onChange={setLevel}
      />
      <Field label={t('org.name')} value={name} onChange={setName} placeholder={t('org.name_ph')} maxlength={40} />
      {level === 'township' || level === 'village' ? (
        <Field
          label={t('org.code')}
          value={code}
          onChange={setCode}
          type="number"
          maxlength={12}
          hint={t('org.code_hint')}
        />
      ) : null}
      <Button
        loading={create.pending}
        disabled={!name.trim()}
        onClick={() =>
          void create
            .run({
              parentId: props.parent.id,
              level,
              name: name.trim(),
              ...(code.trim() ? { statCode: code.trim() } : {}),
            })
            .then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(t('org.created'))
              setName('')
              setCode('')
              props.onDone()
            })
        }
      >
        {t('org.create')}
      </Button>
    </Card>
  )
}

function EditUnit(props: { unit: OrgUnit; onDone: () => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const [name, setName] = useState(props.unit.name)
  const update = useAction((input: { unitId: string; name?: string; retire?: true }, requestId: string) =>
    callFunction(accountContract, 'updateUnit', input, { requestId }),
  )
  const send = (input: { name?: string; retire?: true }) =>
    void update.run({ unitId: props.unit.id, ...input }).then((r) => {
      if (!r.ok) return void showError(r.message)
      toastDone(t('org.done'))
      props.onDone()
    })
  if (props.unit.retired || props.unit.level === 'county' || props.unit.level === 'prefecture') return null
  return (
    <Card title={t('org.rename')}>
      <Field label={t('org.new_name')} value={name} onChange={setName} maxlength={40} />
      <Button
        kind="secondary"
        loading={update.pending}
        disabled={!name.trim() || name === props.unit.name}
        onClick={() => send({ name: name.trim() })}
      >
        {t('org.save')}
      </Button>
      <ConfirmButton
        kind="danger"
        confirm={t('org.retire_confirm', { name: props.unit.name })}
        onConfirm={() => send({ retire: true })}
      >
        {t('org.retire')}
      </ConfirmButton>
    </Card>
  )
}

/** 组织架构: walk the tree of one's scope with its people counts; admins add, rename and retire units here. */
export default function Org() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('org.title'))
  const router = useRouter()
  const [trail, setTrail] = useState<string[]>(router.params.id ? [decodeURIComponent(router.params.id)] : [])
  const unitId = trail[trail.length - 1] ?? null
  const tree = useQuery(() => callFunction(accountContract, 'getOrgTree', { unitId }), [unitId])
  const lang = getLang()
  if (!tree.data)
    return <Page>{tree.error ? <ErrorBlock message={tree.error.message} onRetry={tree.reload} /> : <Loading />}</Page>
  const { unit, children, canManage } = tree.data
  return (
    <Page title={unit ? unit.fullName : t('org.title')} intro={t('org.intro')}>
      {unit ? (
        <Card>
          <Row
            title={unit.name}
            sub={t('org.counts', { households: fmt.number(unit.households), staff: fmt.number(unit.staff) })}
            extra={
              unit.retired ? <Tag tone="plain">{t('org.retired')}</Tag> : <Tag>{levelLabel(unit.level, lang)}</Tag>
            }
          />
          <Button kind="secondary" size="small" onClick={() => setTrail(trail.slice(0, -1))}>
            {t('org.up')}
          </Button>
          {canManage && !unit.retired ? (
            <View>
              <Button
                kind="secondary"
                size="small"
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/account/pages/import/index?unit=${encodeURIComponent(unit.id)}`,
                  })
                }
              >
                {t('org.import')}
              </Button>
              <Button
                kind="secondary"
                size="small"
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/account/pages/invite/index?sheet=${encodeURIComponent(unit.id)}`,
                  })
                }
              >
                {t('org.invites')}
              </Button>
            </View>
          ) : null}
        </Card>
      ) : null}
      <Card>
        {children.length ? (
          children.map((c) => (
            <Row
              key={c.id}
              title={c.name}
              sub={t('org.counts', { households: fmt.number(c.households), staff: fmt.number(c.staff) })}
              extra={c.retired ? <Tag tone="plain">{t('org.retired')}</Tag> : <Tag>{levelLabel(c.level, lang)}</Tag>}
              arrow={c.hasChildren || canManage}
              onClick={() => setTrail([...trail, c.id])}
            />
          ))
        ) : (
          <Empty title={t('org.empty')} text={canManage ? t('org.empty_text') : undefined} />
        )}
      </Card>
      {unit && canManage && !unit.retired ? (
        <AddUnit key={`add-${unit.id}`} parent={unit} onDone={tree.reload} />
      ) : null}
      {unit && canManage ? <EditUnit key={`edit-${unit.id}`} unit={unit} onDone={tree.reload} /> : null}
    </Page>
  )
}
