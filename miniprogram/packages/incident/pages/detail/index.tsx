import { Image, Map, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import {
  DISPUTE_KINDS,
  MAX_PHOTOS,
  MEDIATION_OUTCOMES,
  MEDIATOR_BODIES,
  TRANSFER_TARGETS,
  type DisputeKind,
  type IncidentView,
  type MediationOutcome,
  type MediatorBody,
  type Rating,
  type TransferTarget,
} from '@shared/incident/incident.schema'
import { INCIDENT } from '@shared/incident/incident.messages'
import { textOf } from '@shared/i18n/i18n'
import type { PhotoView } from '@shared/files'
import type { Translate } from '@shared/i18n/i18n'
import {
  Button,
  Card,
  ConfirmButton,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PhotoPicker,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction, type CallResult } from '../../../../services/call-function'
import { IS_WEAPP } from '../../../../services/env'
import { fmt, getLang, useNavTitle, useStrings } from '../../../../services/i18n'
import { useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import { DETAIL } from '../../incident.strings'
import '../../incident.css'

/** The handling actions that need only a note (and photos); each button is named by its key in DETAIL. */
const SIMPLE = [
  'accept',
  'reportIn',
  'resolve',
  'escalate',
  'escalateToCounty',
  'feedback',
  'requestAssist',
  'close',
  'reject',
  'returnTask',
] as const
const RATINGS: readonly Rating[] = ['satisfied', 'basic', 'unsatisfied']

/** The steps that cannot be taken back ask first: their title and question. */
function confirmOf(a: (typeof SIMPLE)[number], t: Translate<typeof DETAIL>): { title: string; message: string } | null {
  if (a === 'resolve') return { title: t('resolve_title'), message: t('resolve_confirm') }
  if (a === 'reject') return { title: t('reject_title'), message: t('reject_confirm') }
  if (a === 'close') return { title: t('close_title'), message: t('close_confirm') }
  if (a === 'returnTask') return { title: t('return_title'), message: t('return_confirm') }
  return null
}

function Actions(props: { v: IncidentView; done: () => void }) {
  const { v } = props
  const t = useStrings(DETAIL)
  const [note, setNote] = useState('')
  const [depts_, setDepts] = useState<string[]>([])
  const [task, setTask] = useState('')
  const [days, setDays] = useState('3')
  const [score, setScore] = useState<number | null>(5)
  const [busy, setBusy] = useState(false)
  const [photos, setPhotos] = useState<PhotoView[]>([])
  const [uploading, setUploading] = useState(false)
  const { me } = useMe()
  const depts = useQuery(
    () =>
      v.actions.includes('dispatch')
        ? callFunction(incidentContract, 'listDepartments', { incidentId: v.id })
        : Promise.resolve({ ok: true as const, data: { items: [] } }),
    [v.id, v.actions.join()],
  )
  /** Sends one step; on success clears the form and reloads the case, on failure keeps what was typed and chosen. */
  async function run(p: Promise<CallResult<unknown>>, ok: string): Promise<boolean> {
    setBusy(true)
    const r = await p
    setBusy(false)
    if (!r.ok) {
      void showError(r.message)
      return false
    }
    setNote('')
    setPhotos([])
    toastDone(ok)
    props.done()
    return true
  }
  const simple = SIMPLE.filter((a) => v.actions.includes(a))
  if (!v.actions.length) return null
  const canDispatch = v.actions.includes('dispatch')
  const button = (a: (typeof SIMPLE)[number]) => {
    const send = () =>
      void run(callFunction(incidentContract, a, { incidentId: v.id, note, photos: photos.map((p) => p.fileId) }), t(a))
    const ask = confirmOf(a, t)
    return ask ? (
      <ConfirmButton
        key={a}
        kind={a === 'reject' || a === 'returnTask' ? 'danger' : 'primary'}
        loading={busy}
        disabled={uploading}
        confirmTitle={ask.title}
        confirm={ask.message}
        confirmText={t(a)}
        onConfirm={send}
      >
        {t(a)}
      </ConfirmButton>
    ) : (
      <Button
        key={a}
        kind={a === 'escalate' || a === 'escalateToCounty' || a === 'requestAssist' ? 'secondary' : 'primary'}
        loading={busy}
        disabled={uploading}
        onClick={send}
      >
        {t(a)}
      </Button>
    )
  }
  // 受理 sits above the note, the buttons that follow it (办结 …) below: a second tap on a slow link lands on the
  // note field, never on the next step.
  const accept = simple.includes('accept')
  const rest = simple.filter((a) => a !== 'accept')
  return (
    <Card title={t('handle')}>
      {accept ? (
        <>
          <View className="l-field__hint">{t('accept_hint')}</View>
          {button('accept')}
        </>
      ) : null}
      {simple.length || canDispatch ? (
        <Field label={t('note')} value={note} onChange={setNote} placeholder={t('note_hint')} maxlength={500} />
      ) : null}
      {simple.length && me ? (
        <PhotoPicker
          label={t('site_photos')}
          photos={photos}
          max={MAX_PHOTOS}
          userId={me.user.id}
          onChange={setPhotos}
          onBusyChange={setUploading}
        />
      ) : null}
      {/* on an escalated case the dispatch comes first: 依责销号 without a department is the rare exception */}
      {canDispatch ? (
        <>
          <View className="l-field__label">{t('to_departments')}</View>
          <View className="incident-chips">
            {(depts.data?.items ?? []).map((d) => (
              <Button
                key={d.id}
                size="small"
                inline
                kind={depts_.includes(d.id) ? 'primary' : 'secondary'}
                onClick={() => setDepts((s) => (s.includes(d.id) ? s.filter((x) => x !== d.id) : [...s, d.id]))}
              >
                {d.name}
              </Button>
            ))}
          </View>
          <Field label={t('task_hint')} value={task} onChange={setTask} maxlength={200} />
          <Field label={t('deadline_days')} type="number" value={days} onChange={setDays} />
          <ConfirmButton
            loading={busy}
            disabled={!depts_.length}
            confirmTitle={t('dispatch_title')}
            confirm={t('dispatch_confirm', {
              department: (depts.data?.items ?? [])
                .filter((d) => depts_.includes(d.id))
                .map((d) => d.name)
                .join('、'),
              days: Number(days) || 0,
            })}
            confirmText={t('dispatch')}
            onConfirm={() =>
              void run(
                callFunction(incidentContract, 'dispatch', {
                  incidentId: v.id,
                  departments: depts_.map((departmentId) => ({
                    departmentId,
                    task,
                    deadlineDays: Number(days) || 0,
                  })),
                  note,
                }),
                t('dispatched'),
              ).then((sent) => {
                if (!sent) return
                setDepts([])
                setTask('')
              })
            }
          >
            {depts_.length > 1 ? t('whistle', { n: depts_.length }) : t('dispatch')}
          </ConfirmButton>
        </>
      ) : null}
      {rest.map(button)}
      {v.actions.includes('rate') ? (
        <View>
          <View className="l-field__label">{t('satisfied_question')}</View>
          {RATINGS.map((r) => (
            <Button
              key={r}
              kind={r === 'unsatisfied' ? 'secondary' : 'primary'}
              loading={busy}
              onClick={() =>
                void run(
                  callFunction(incidentContract, 'rate', { incidentId: v.id, rating: r, comment: note }),
                  t('thanks'),
                )
              }
            >
              {t(r)}
            </Button>
          ))}
        </View>
      ) : null}
      {v.tasks.some((p) => p.actions.includes('rateDepartment')) ? (
        <PickerField
          label={t('dept_score')}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: n, label: t('points', { n }) }))}
          value={score}
          onChange={setScore}
        />
      ) : null}
      {v.tasks
        .filter((p) => p.actions.includes('rateDepartment'))
        .map((p) => (
          <Button
            key={p.id}
            kind="secondary"
            loading={busy}
            onClick={() =>
              void run(
                callFunction(incidentContract, 'rateDepartment', {
                  incidentId: v.id,
                  departmentId: p.department.id,
                  score: score ?? 5,
                  comment: note,
                }),
                t('rated_dept'),
              )
            }
          >
            {`${t('rate_dept')} · ${p.department.name}`}
          </Button>
        ))}
      {v.actions.includes('markValid') ? (
        <Button
          kind="secondary"
          loading={busy}
          onClick={() =>
            void callFunction(incidentContract, 'markValid', { incidentId: v.id }).then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(t('marked_valid', { n: r.data.points }))
              props.done()
            })
          }
        >
          {t('markValid')}
        </Button>
      ) : null}
    </Card>
  )
}

/** The parties as typed ("王德明、卓玛"), keeping the note of one already recorded under the same name; none: keep. */
function partiesOf(typed: string, known: ReadonlyArray<{ name: string; note: string }>) {
  return typed
    .split(/[、,，;；\s]+/)
    .map((n) => n.trim())
    .filter(Boolean)
    .slice(0, 10)
    .map((name) => ({ name: name.slice(0, 20), note: known.find((k) => k.name === name)?.note ?? '' }))
}

/** One mediation session on a dispute: the kind, who mediated, the notes, the outcome, the agreement or where it goes. */
function Mediate(props: { v: IncidentView; done: () => void }) {
  const t = useStrings(DETAIL)
  const { me } = useMe()
  const lang = getLang()
  const label = (k: string) => textOf(INCIDENT[k as keyof typeof INCIDENT], lang)
  const [kind, setKind] = useState<DisputeKind | null>(props.v.dispute?.kind ?? null)
  const [body, setBody] = useState<MediatorBody | null>('mediator')
  const [name, setName] = useState('')
  // empty keeps the parties recorded (shown masked to some viewers, so never sent back as typed)
  const [parties, setParties] = useState('')
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState<MediationOutcome | null>(null)
  const [agreement, setAgreement] = useState('')
  const [transferTo, setTransferTo] = useState<TransferTarget | null>(null)
  const [photos, setPhotos] = useState<PhotoView[]>([])
  const [uploading, setUploading] = useState(false)
  const [busy, setBusy] = useState(false)
  return (
    <Card title={t('mediation')}>
      {props.v.dispute?.mediations.length ? (
        <View className="l-field__label">{t('sessions', { n: props.v.dispute.mediations.length })}</View>
      ) : null}
      {(props.v.dispute?.mediations ?? []).map((m) => (
        <Row
          key={m.at}
          title={t('session_row', { at: fmt.dateTime(m.at), name: m.mediatorName ?? m.byName })}
          sub={`${label(`incident.mediation.${m.outcome}`)} · ${m.note}`}
        />
      ))}
      <PickerField
        label={t('dispute_kind')}
        options={DISPUTE_KINDS.map((k) => ({ value: k, label: label(`incident.dispute.${k}`) }))}
        value={kind}
        onChange={setKind}
      />
      <PickerField
        label={t('mediator_body')}
        options={MEDIATOR_BODIES.map((k) => ({ value: k, label: label(`incident.body.${k}`) }))}
        value={body}
        onChange={setBody}
      />
      <Field label={t('mediator_name')} value={name} onChange={setName} maxlength={20} />
      {props.v.dispute?.parties.length ? (
        <Row title={t('parties_known', { names: props.v.dispute.parties.map((p) => p.name).join('、') })} />
      ) : null}
      <Field label={t('parties')} value={parties} onChange={setParties} maxlength={200} />
      <Field label={t('mediation_note')} value={note} onChange={setNote} maxlength={500} />
      <PickerField
        label={t('mediation_outcome')}
        options={MEDIATION_OUTCOMES.map((k) => ({ value: k, label: label(`incident.mediation.${k}`) }))}
        value={outcome}
        onChange={setOutcome}
      />
      {outcome === 'success' ? (
        <>
          <Field label={t('agreement')} value={agreement} onChange={setAgreement} maxlength={500} />
          {me ? (
            <PhotoPicker
              label={t('agreement_photos')}
              photos={photos}
              max={MAX_PHOTOS}
              userId={me.user.id}
              onChange={setPhotos}
              onBusyChange={setUploading}
            />
          ) : null}
        </>
      ) : null}
      {outcome === 'transferred' ? (
        <PickerField
          label={t('transfer_to')}
          options={TRANSFER_TARGETS.map((k) => ({ value: k, label: label(`incident.transfer.${k}`) }))}
          value={transferTo}
          onChange={setTransferTo}
        />
      ) : null}
      <Button
        loading={busy}
        disabled={!outcome || uploading}
        onClick={() => {
          setBusy(true)
          void callFunction(incidentContract, 'mediate', {
            incidentId: props.v.id,
            outcome: outcome!,
            note,
            ...(kind ? { kind } : {}),
            ...(body ? { body } : {}),
            mediatorName: name,
            parties: partiesOf(parties, props.v.dispute?.parties ?? []),
            agreement,
            photos: photos.map((p) => p.fileId),
            ...(transferTo ? { transferTo } : {}),
          }).then((r) => {
            setBusy(false)
            if (!r.ok) return void showError(r.message)
            toastDone(t('mediation_saved'))
            props.done()
          })
        }}
      >
        {t('save_mediation')}
      </Button>
    </Card>
  )
}

/**
 * Where it is, by its address (or its grid) and a map: WeChat's own map in the mini-program, and 在地图中查看 that
 * opens the phone's map app there (a web map in a browser); never bare coordinates.
 */
function Place(props: { location: { lat: number; lng: number }; address: string; title: string }) {
  const t = useStrings(DETAIL)
  const { lat, lng } = props.location
  const name = props.address || props.title
  const open = () => {
    if (IS_WEAPP)
      return void Taro.openLocation({ latitude: lat, longitude: lng, name, address: props.address, scale: 17 })
    window.open(`https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(name)}&coordinate=gaode`)
  }
  return (
    <View className="l-list__item">
      <View className="l-row__title">{t('location')}</View>
      <View className="l-row__sub">{props.address || t('located_in', { area: props.title })}</View>
      {IS_WEAPP ? (
        <Map
          className="incident-map"
          latitude={lat}
          longitude={lng}
          scale={16}
          markers={[{ id: 1, latitude: lat, longitude: lng, width: 30, height: 30, iconPath: '' }]}
          onTap={open}
          onError={() => undefined}
        />
      ) : null}
      <Button kind="secondary" size="small" onClick={open}>
        {t('open_map')}
      </Button>
    </View>
  )
}

export default function Detail() {
  const t = useStrings(DETAIL)
  useNavTitle(t('nav'))
  const id = useRouter().params.id ?? ''
  const q = useQuery(() => callFunction(incidentContract, 'get', { incidentId: id }), [id])
  if (!q.data) return <Page>{q.error ? <ErrorBlock message={q.error.message} onRetry={q.reload} /> : <Loading />}</Page>
  const v = q.data
  return (
    <Page title={t('title', { category: v.categoryLabel, code: v.code })}>
      <Card>
        <View className="incident-status">
          <Tag tone={v.overdue ? 'danger' : v.open ? 'warning' : 'success'}>{v.statusLabel}</Tag>
          {v.overdue ? <Tag tone="danger">{t('overdue')}</Tag> : null}
        </View>
        <View>{v.description}</View>
        <View className="incident-photos">
          {v.photos.map((p) => (
            <Image key={p.fileId} className="incident-photo" src={p.url} mode="aspectFill" />
          ))}
        </View>
        <Row title={t('grid')} sub={v.area} />
        <Row
          title={t('reporter')}
          sub={v.reporterPhone ? t('reporter_phone', { name: v.reporterName, phone: v.reporterPhone }) : v.reporterName}
          extra={
            v.access === 'handler' ? (
              <Tag tone={v.contactable ? 'success' : 'plain'}>
                {v.contactable ? t('contactable') : t('not_contactable')}
              </Tag>
            ) : null
          }
        />
        {v.location ? <Place location={v.location} address={v.address ?? ''} title={v.area} /> : null}
        {!v.location && v.address ? <Row title={t('address')} sub={t('address_only', { address: v.address })} /> : null}
        <Row title={t('handler')} sub={v.handlerUnit.fullName} />
        {v.department ? (
          <Row
            title={t('department')}
            sub={
              v.dispatchDeadline
                ? t('department_due', { name: v.department.name, due: fmt.dateTime(v.dispatchDeadline) })
                : v.department.name
            }
          />
        ) : null}
        {v.dueAt && v.open ? <Row title={t('stage_due')} sub={fmt.dateTime(v.dueAt)} /> : null}
        {v.ratingLabel ? <Row title={t('rating')} sub={v.ratingLabel} /> : null}
        {v.rejectReason ? <Row title={t('reject_reason')} sub={v.rejectReason} /> : null}
      </Card>
      {v.tasks.length ? (
        <Card title={t('parts')}>
          {v.tasks.map((p) => (
            <Row
              key={p.id}
              title={p.task ? t('part_title', { dept: p.department.name, task: p.task }) : p.department.name}
              sub={[
                t('part_due', { status: p.statusLabel, due: fmt.dateTime(p.deadline) }),
                p.note ?? '',
                p.assistAsked ? t('part_assist', { note: p.assistAsked }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
              extra={p.score !== null ? <Tag tone="success">{t('part_score', { n: p.score })}</Tag> : null}
            />
          ))}
        </Card>
      ) : null}
      {v.rewardPoints ? (
        <Card>
          <Row title={t('reward')} sub={t('reward_points', { n: v.rewardPoints })} />
        </Card>
      ) : null}
      <Actions v={v} done={q.reload} />
      {v.actions.includes('mediate') ? <Mediate v={v} done={q.reload} /> : null}
      <Card title={t('history')}>
        {v.timeline.map((e) => (
          <View key={e.seq} className="incident-event">
            <View className="incident-event__head">
              {e.actionLabel} · {e.statusLabel}
            </View>
            <View className="incident-event__meta">
              {fmt.dateTime(e.at)} · {e.unitName} {e.byName}
            </View>
            {e.note ? <View>{e.note}</View> : null}
            <View className="incident-photos">
              {e.photos.map((p) => (
                <Image key={p.fileId} className="incident-photo" src={p.url} mode="aspectFill" />
              ))}
            </View>
          </View>
        ))}
      </Card>
    </Page>
  )
}
