import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { pointsContract } from '@shared/points/points.contract'
import { RULE_CATEGORIES, type RuleCategory, type RuleView } from '@shared/points/points.schema'
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
import { callFunction, fieldErrors } from '../../../../services/call-function'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, useQuery } from '../../../../services/use-call'
import { signed, when } from '../../common'

interface Draft {
  /** null: a new rule (its code is made up when saved) */
  rule: RuleView | null
  name: string
  category: RuleCategory | null
  sign: 'add' | 'deduct'
  points: string
  clause: string
  evidence: 'yes' | 'no'
  cap: string
  active: 'yes' | 'no'
}

const blank: Draft = {
  rule: null,
  name: '',
  category: null,
  sign: 'add',
  points: '',
  clause: '',
  evidence: 'no',
  cap: '',
  active: 'yes',
}

function draftOf(r: RuleView): Draft {
  return {
    rule: r,
    name: r.name,
    category: r.category as RuleCategory,
    sign: r.points < 0 ? 'deduct' : 'add',
    points: String(Math.abs(r.points)),
    clause: r.clause,
    evidence: r.evidenceRequired ? 'yes' : 'no',
    cap: r.capPerMonth ? String(r.capPerMonth) : '',
    active: r.active ? 'yes' : 'no',
  }
}

/** What a rule means, in one line a resident could read. */
function describe(r: RuleView): string {
  const parts = [r.category, r.mode === 'system' ? '系统自动记分' : '干部评定']
  if (r.capPerMonth) parts.push(`每户每月最多 ${r.capPerMonth} 分`)
  if (r.evidenceRequired) parts.push('需要照片')
  parts.push(`第 ${r.version} 版`)
  return parts.join(' · ')
}

/** A code for a new rule: officials never type one (the server fixes a rule's id by village + code). */
const newCode = () => `R${Date.now().toString(36).toUpperCase()}`

function Versions({ ruleId }: { ruleId: string }) {
  const v = useQuery(() => callFunction(pointsContract, 'listRuleVersions', { ruleId }), [ruleId])
  if (!v.data) return v.error ? <ErrorBlock message={v.error.message} onRetry={v.reload} /> : <Loading />
  return (
    <View data-testid="rule-versions">
      {v.data.items.map((r) => (
        <Row
          key={r.version}
          title={`第 ${r.version} 版：${r.name}（${signed(r.points)}）`}
          sub={`${when(r.updatedAt)} · ${r.active ? '在用' : '停用'}${r.capPerMonth ? ` · 每户每月最多 ${r.capPerMonth} 分` : ''}${r.evidenceRequired ? ' · 需要照片' : ''}`}
        />
      ))}
    </View>
  )
}

/** Village official: the 村规民约 catalogue — add a rule, change one (a new version; points already given keep theirs), stop one. */
export default function Rules() {
  const { me, error, reload } = useMe()
  const villages = useMemo(() => (me ? unitsWith(me, 'points_rule_manage') : []), [me])
  const villageId = villages[0]?.id ?? null
  const rules = useQuery(
    () =>
      villageId
        ? callFunction(pointsContract, 'listRules', { villageId, includeInactive: true })
        : Promise.resolve({ ok: true as const, data: { items: [] } }),
    [villageId],
  )
  const [draft, setDraftState] = useState<Draft | null>(null)
  // the form replaces the list: start it at the top, not where the list was scrolled to
  const setDraft = (d: Draft | null) => {
    setDraftState(d)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }
  const [history, setHistory] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useAction((input: Parameters<typeof callFunction<typeof pointsContract, 'saveRule'>>[2], requestId) =>
    callFunction(pointsContract, 'saveRule', input, { requestId }),
  )
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villageId)
    return (
      <Page>
        <Empty title="您不能修改积分规则" text="只有村（社区）干部可以修改村规民约里的积分规则。" />
      </Page>
    )
  if (!rules.data)
    return (
      <Page>{rules.error ? <ErrorBlock message={rules.error.message} onRetry={rules.reload} /> : <Loading />}</Page>
    )

  if (draft) {
    const set = (patch: Partial<Draft>) => setDraftState({ ...draft, ...patch })
    const n = Number(draft.points)
    const points = draft.sign === 'deduct' ? -n : n
    const ok =
      draft.name.trim() &&
      draft.category &&
      Number.isInteger(n) &&
      n > 0 &&
      n <= 200 &&
      (!draft.cap || Number(draft.cap) > 0)
    const submit = () =>
      void save
        .run({
          villageId,
          code: draft.rule?.code ?? newCode(),
          name: draft.name.trim(),
          category: draft.category!,
          points,
          clause: draft.clause.trim(),
          evidenceRequired: draft.evidence === 'yes',
          capPerMonth: draft.cap ? Number(draft.cap) : null,
          mode: draft.rule?.mode ?? 'manual',
          active: draft.active === 'yes',
        })
        .then((r) => {
          if (!r.ok) {
            setErrors(fieldErrors(r))
            return void showError(r.message)
          }
          setErrors({})
          toastDone('已保存')
          setDraft(null)
          rules.reload()
        })
    return (
      <Page
        title={draft.rule ? '修改积分规则' : '新增积分规则'}
        intro={
          draft.rule
            ? '修改后是新的一版。已经给出的积分不变，以后评定按新的一版。'
            : '写清楚做了什么得分或扣分，群众能看懂。'
        }
      >
        <Card>
          <Field
            label="规则名称"
            value={draft.name}
            onChange={(v) => set({ name: v })}
            placeholder="例如：庭院整洁、门前三包"
            maxlength={40}
            error={errors.name}
          />
          <PickerField
            label="类别"
            options={RULE_CATEGORIES.map((c) => ({ value: c, label: c }))}
            value={draft.category}
            onChange={(v) => set({ category: v })}
            placeholder="请选一个类别"
          />
          <PickerField
            label="加分还是扣分"
            options={[
              { value: 'add', label: '加分' },
              { value: 'deduct', label: '扣分' },
            ]}
            value={draft.sign}
            onChange={(v) => set({ sign: v })}
          />
          <Field
            label={draft.sign === 'add' ? '每次加几分' : '每次扣几分'}
            type="number"
            maxlength={3}
            value={draft.points}
            onChange={(v) => set({ points: v.replace(/\D/g, '') })}
            placeholder="1 到 200"
            error={errors.points}
          />
          <Field
            label="每户每月最多几分（不填就是不限）"
            type="number"
            maxlength={4}
            value={draft.cap}
            onChange={(v) => set({ cap: v.replace(/\D/g, '') })}
            error={errors.capPerMonth}
          />
          <PickerField
            label="评定时要不要照片"
            options={[
              { value: 'no', label: '不要' },
              { value: 'yes', label: '要照片' },
            ]}
            value={draft.evidence}
            onChange={(v) => set({ evidence: v })}
          />
          <Field
            label="出自村规民约哪一条"
            value={draft.clause}
            onChange={(v) => set({ clause: v })}
            placeholder="例如：第三条 房前屋后干净整洁"
            maxlength={200}
            error={errors.clause}
          />
          {draft.rule ? (
            <PickerField
              label="还用不用"
              options={[
                { value: 'yes', label: '在用' },
                { value: 'no', label: '停用' },
              ]}
              value={draft.active}
              onChange={(v) => set({ active: v })}
            />
          ) : null}
          <ConfirmButton
            disabled={!ok}
            loading={save.pending}
            confirm={`${draft.rule ? '保存修改' : '新增规则'}：“${draft.name.trim()}”，每次 ${signed(points)} 分${draft.cap ? `，每户每月最多 ${draft.cap} 分` : ''}${draft.active === 'no' ? '，停用' : ''}。确定吗？`}
            onConfirm={submit}
          >
            保存
          </ConfirmButton>
          <Button
            kind="secondary"
            onClick={() => {
              setDraft(null)
              setErrors({})
            }}
          >
            不改了
          </Button>
        </Card>
      </Page>
    )
  }

  const items = rules.data.items
  return (
    <Page
      title="积分规则"
      intro={`${villages[0]!.fullName}的村规民约：做了什么加分、扣分。修改后是新的一版，已给的积分不变。`}
    >
      <Card>
        <Button onClick={() => setDraft(blank)}>新增规则</Button>
      </Card>
      <Card title={`共 ${items.length} 条`}>
        {!items.length ? (
          <Empty title="还没有积分规则" />
        ) : (
          items.map((r) => (
            <View key={r.id} data-testid="rule">
              <Row
                title={r.name}
                sub={`${describe(r)}${r.clause ? ` · ${r.clause}` : ''}`}
                extra={
                  <>
                    {!r.active ? <Tag tone="plain">已停用</Tag> : null}
                    <Tag tone={r.points >= 0 ? 'success' : 'danger'}>{signed(r.points)}</Tag>
                  </>
                }
              />
              <Button
                kind="secondary"
                size="small"
                onClick={() => {
                  setDraft(draftOf(r))
                  setErrors({})
                }}
              >
                修改
              </Button>
              <Button kind="secondary" size="small" onClick={() => setHistory(history === r.id ? null : r.id)}>
                {history === r.id ? '收起历次版本' : '看历次版本'}
              </Button>
              {history === r.id ? <Versions ruleId={r.id} /> : null}
            </View>
          ))
        )}
      </Card>
    </Page>
  )
}
