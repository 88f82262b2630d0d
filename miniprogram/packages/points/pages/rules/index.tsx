import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import type { Translate } from '@shared/i18n/i18n'
import { pointsContract } from '@shared/points/points.contract'
import { POINTS } from '@shared/points/points.messages'
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
import { t as ui, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, useQuery } from '../../../../services/use-call'
import { signed, usePageTitle, when } from '../../common'
import { RULES, SHARED } from '../../points.strings'

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
    category: r.category,
    sign: r.points < 0 ? 'deduct' : 'add',
    points: String(Math.abs(r.points)),
    clause: r.clause,
    evidence: r.evidenceRequired ? 'yes' : 'no',
    cap: r.capPerMonth ? String(r.capPerMonth) : '',
    active: r.active ? 'yes' : 'no',
  }
}

/** What a rule means, in one line a resident could read. */
function describe(r: RuleView, t: Translate<typeof RULES>, s: Translate<typeof SHARED>): string {
  const parts = [r.categoryLabel, r.modeLabel]
  if (r.capPerMonth) parts.push(s('cap', { cap: r.capPerMonth }))
  if (r.evidenceRequired) parts.push(s('needs_photo'))
  parts.push(t('version', { v: r.version }))
  if (r.clause) parts.push(r.clause)
  return parts.join(s('sep'))
}

/** A code for a new rule: officials never type one (the server fixes a rule's id by village + code). */
const newCode = () => `R${Date.now().toString(36).toUpperCase()}`

function Versions({ ruleId }: { ruleId: string }) {
  const t = useStrings(RULES)
  const s = useStrings(SHARED)
  const v = useQuery(() => callFunction(pointsContract, 'listRuleVersions', { ruleId }), [ruleId])
  if (!v.data) return v.error ? <ErrorBlock message={v.error.message} onRetry={v.reload} /> : <Loading />
  return (
    <View data-testid="rule-versions">
      {v.data.items.map((r) => (
        <Row
          key={r.version}
          title={t('version_row', { v: r.version, name: r.name, points: signed(r.points) })}
          sub={[
            when(r.updatedAt),
            r.active ? t('in_use') : t('stopped'),
            r.capPerMonth ? s('cap', { cap: r.capPerMonth }) : '',
            r.evidenceRequired ? s('needs_photo') : '',
          ]
            .filter(Boolean)
            .join(s('sep'))}
        />
      ))}
    </View>
  )
}

/** Village official: the 村规民约 catalogue — add a rule, change one (a new version; points already given keep theirs), stop one. */
export default function Rules() {
  const t = useStrings(RULES)
  const shared = useStrings(SHARED)
  const p = useStrings(POINTS)
  usePageTitle(t('title'))
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
        <Empty title={t('cannot')} text={t('cannot_text')} />
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
          toastDone(ui('ui.saved'))
          setDraft(null)
          rules.reload()
        })
    return (
      <Page title={draft.rule ? t('edit_title') : t('new_title')} intro={draft.rule ? t('edit_intro') : t('new_intro')}>
        <Card>
          <Field
            label={t('name')}
            value={draft.name}
            onChange={(v) => set({ name: v })}
            placeholder={t('name_ph')}
            maxlength={40}
            error={errors.name}
          />
          <PickerField
            label={t('category')}
            options={RULE_CATEGORIES.map((c) => ({ value: c, label: p(`points.category.${c}`) }))}
            value={draft.category}
            onChange={(v) => set({ category: v })}
            placeholder={t('category_ph')}
          />
          <PickerField
            label={t('sign')}
            options={[
              { value: 'add', label: t('add') },
              { value: 'deduct', label: t('deduct') },
            ]}
            value={draft.sign}
            onChange={(v) => set({ sign: v })}
          />
          <Field
            label={draft.sign === 'add' ? t('add_n') : t('deduct_n')}
            type="number"
            maxlength={3}
            value={draft.points}
            onChange={(v) => set({ points: v.replace(/\D/g, '') })}
            placeholder={t('points_ph')}
            error={errors.points}
          />
          <Field
            label={t('cap_field')}
            type="number"
            maxlength={4}
            value={draft.cap}
            onChange={(v) => set({ cap: v.replace(/\D/g, '') })}
            error={errors.capPerMonth}
          />
          <PickerField
            label={t('evidence_field')}
            options={[
              { value: 'no', label: t('no_photo') },
              { value: 'yes', label: t('photo') },
            ]}
            value={draft.evidence}
            onChange={(v) => set({ evidence: v })}
          />
          <Field
            label={t('clause')}
            value={draft.clause}
            onChange={(v) => set({ clause: v })}
            placeholder={t('clause_ph')}
            maxlength={200}
            error={errors.clause}
          />
          {draft.rule ? (
            <PickerField
              label={t('active_field')}
              options={[
                { value: 'yes', label: t('in_use') },
                { value: 'no', label: t('stopped') },
              ]}
              value={draft.active}
              onChange={(v) => set({ active: v })}
            />
          ) : null}
          <ConfirmButton
            disabled={!ok}
            loading={save.pending}
            confirm={t('confirm', {
              what: draft.rule ? t('save_edit') : t('add_rule'),
              name: draft.name.trim(),
              points: signed(points),
              cap: draft.cap ? t('confirm_cap', { cap: draft.cap }) : '',
              stopped: draft.active === 'no' ? t('confirm_stopped') : '',
            })}
            onConfirm={submit}
          >
            {ui('ui.save')}
          </ConfirmButton>
          <Button
            kind="secondary"
            onClick={() => {
              setDraft(null)
              setErrors({})
            }}
          >
            {t('no_change')}
          </Button>
        </Card>
      </Page>
    )
  }

  const items = rules.data.items
  return (
    <Page title={t('title')} intro={t('intro', { village: villages[0]!.fullName })}>
      <Card>
        <Button onClick={() => setDraft(blank)}>{t('add_rule')}</Button>
      </Card>
      <Card title={ui('ui.total', { n: items.length })}>
        {!items.length ? (
          <Empty title={t('none')} />
        ) : (
          items.map((r) => (
            <View key={r.id} data-testid="rule">
              <Row
                title={r.name}
                sub={describe(r, t, shared)}
                extra={
                  <>
                    {!r.active ? <Tag tone="plain">{t('stopped_tag')}</Tag> : null}
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
                {t('edit')}
              </Button>
              <Button kind="secondary" size="small" onClick={() => setHistory(history === r.id ? null : r.id)}>
                {history === r.id ? t('history_hide') : t('history_show')}
              </Button>
              {history === r.id ? <Versions ruleId={r.id} /> : null}
            </View>
          ))
        )}
      </Card>
    </Page>
  )
}
