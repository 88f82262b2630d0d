import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import {
  IMPORT_MAX_PARTS,
  IMPORT_PART_CHARS,
  type ImportJobView,
  type ImportKind,
} from '@shared/account/account.schema'
import { Button, Card, ConfirmButton, Empty, Page, PickerField, Row, showError, toast } from '../../../../components'
import { callFunction, newRequestId } from '../../../../services/call-function'
import { useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { useQuery } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { pickSheet, saveFile } from '../../components/files'
import { Waiting } from '../../components/waiting'

type Busy = { kind: 'upload' | 'commit'; done: number; total: number } | { kind: 'check' } | null

/**
 * 导入名册: template → fill in → pick the file → the dry run lists every row's problem → commit chunk by chunk with
 * progress. A chunk that fails (a dropped network) is retried from where it stopped; the same file imported
 * again changes nothing.
 */
export default function Import() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('imp.title'))
  const router = useRouter()
  const { me, error, reload } = useMe()
  const units = useMemo(() => (me ? unitsWith(me, 'roster_import') : []), [me])
  const [kind, setKind] = useState<ImportKind>('household')
  const [unitId, setUnitId] = useState<string | null>(
    router.params.unit ? decodeURIComponent(router.params.unit) : null,
  )
  const [job, setJob] = useState<ImportJobView | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const named = useQuery(() => callFunction(accountContract, 'getOrgTree', { unitId: unitId ?? null }), [unitId])

  if (!me) return <Waiting error={error} onRetry={reload} />
  if (!units.length)
    return (
      <Page>
        <Empty title={t('imp.cant')} />
      </Page>
    )
  const target = unitId ?? units[0]!.id
  const targetName = units.find((u) => u.id === target)?.fullName ?? named.data?.unit?.fullName ?? target

  const download = async (action: 'importTemplate' | 'exportRoster') => {
    const r =
      action === 'importTemplate'
        ? await callFunction(accountContract, 'importTemplate', { kind })
        : await callFunction(accountContract, 'exportRoster', { kind, unitId: target, format: 'xlsx' })
    if (!r.ok) return void showError(r.message)
    if (!(await saveFile(r.data))) void showError(t('imp.on_pc'))
  }

  const choose = async () => {
    const file = await pickSheet()
    if (!file) return
    const parts: string[] = []
    for (let i = 0; i < file.base64.length; i += IMPORT_PART_CHARS)
      parts.push(file.base64.slice(i, i + IMPORT_PART_CHARS))
    if (!parts.length || parts.length > IMPORT_MAX_PARTS) return void showError(t('imp.too_big'))
    setJob(null)
    setFailed(null)
    setBusy({ kind: 'upload', done: 0, total: parts.length })
    try {
      const started = await callFunction(
        accountContract,
        'startImport',
        { kind, unitId: target, fileName: file.name.slice(0, 100), parts: parts.length },
        { requestId: newRequestId() },
      )
      if (!started.ok) return void showError(started.message)
      for (const [part, base64] of parts.entries()) {
        const r = await callFunction(
          accountContract,
          'putImportPart',
          { jobId: started.data.id, part, base64 },
          { requestId: newRequestId() },
        )
        if (!r.ok) return void showError(r.message)
        setBusy({ kind: 'upload', done: part + 1, total: parts.length })
      }
      setBusy({ kind: 'check' })
      const checked = await callFunction(accountContract, 'checkImport', { jobId: started.data.id })
      if (!checked.ok) return void showError(checked.message)
      setJob(checked.data)
    } finally {
      setBusy(null)
    }
  }

  const commit = async (from: ImportJobView) => {
    setFailed(null)
    let view = from
    const total = view.chunks
    try {
      for (const chunk of from.pending) {
        setBusy({ kind: 'commit', done: total - view.pending.length, total })
        const r = await callFunction(
          accountContract,
          'commitImport',
          { jobId: from.id, chunk },
          { requestId: newRequestId() },
        )
        if (!r.ok) {
          setFailed(t('imp.failed', { n: chunk + 1, message: r.message }))
          const now = await callFunction(accountContract, 'getImport', { jobId: from.id })
          if (now.ok) setJob(now.data)
          return
        }
        view = r.data
        setJob(view)
      }
      toast(t('imp.done', { created: view.created, updated: view.updated, unchanged: view.unchanged }))
    } finally {
      setBusy(null)
    }
  }

  const progress =
    busy?.kind === 'upload'
      ? t('imp.uploading', { done: busy.done, total: busy.total })
      : busy?.kind === 'commit'
        ? t('imp.committing', { done: busy.done, total: busy.total })
        : busy?.kind === 'check'
          ? t('imp.checking')
          : null

  return (
    <Page title={t('imp.title')} intro={t('imp.intro')}>
      <Card>
        <PickerField
          label={t('imp.kind')}
          options={[
            { value: 'household' as const, label: t('imp.households') },
            { value: 'staff' as const, label: t('imp.staff') },
          ]}
          value={kind}
          onChange={(k) => {
            setKind(k)
            setJob(null)
          }}
        />
        {units.length > 1 ? (
          <PickerField
            label={t('imp.unit')}
            options={units.map((u) => ({ value: u.id, label: u.fullName }))}
            value={target}
            onChange={setUnitId}
          />
        ) : (
          <Row title={t('imp.unit')} sub={targetName} />
        )}
        <Button kind="secondary" onClick={() => void download('importTemplate')}>
          {t('imp.template')}
        </Button>
        <Button kind="secondary" onClick={() => void download('exportRoster')}>
          {t('imp.export')}
        </Button>
        <Button loading={!!busy} loadingText={progress ?? undefined} onClick={() => void choose()}>
          {t('imp.choose')}
        </Button>
      </Card>
      {job ? (
        <Card title={t('imp.rows', { file: job.fileName, rows: job.rows })}>
          {job.problems.length ? (
            <View>
              <View className="l-field__error">{t('imp.problems', { n: job.problems.length })}</View>
              {job.problems.map((p, i) => (
                <Row
                  key={`${p.row}-${p.column}-${i}`}
                  title={t('imp.problem', { row: p.row, column: p.column })}
                  sub={p.reason}
                />
              ))}
            </View>
          ) : job.status === 'done' ? (
            <View className="l-row__title">
              {t('imp.done', { created: job.created, updated: job.updated, unchanged: job.unchanged })}
            </View>
          ) : (
            <View>
              <View className="l-row__title">{t('imp.ok')}</View>
              {failed ? <View className="l-field__error">{failed}</View> : null}
              <ConfirmButton
                loading={busy?.kind === 'commit'}
                loadingText={progress ?? undefined}
                confirm={t('imp.commit_confirm', { rows: job.rows, unit: targetName })}
                onConfirm={() => void commit(job)}
              >
                {job.pending.length < job.chunks ? t('imp.resume') : t('imp.commit')}
              </ConfirmButton>
            </View>
          )}
        </Card>
      ) : null}
    </Page>
  )
}
