import { View } from '@tarojs/components'
import { useState } from 'react'
import { Button, Field, showError } from '../../../components'
import { fieldErrors, type CallResult } from '../../../services/call-function'
import { t as common } from '../../../services/i18n'

/**
 * Why, before a step that tells someone no (a refusal, a removal): the reason is required and the person is told
 * it. A failed input check shows under the field; any other failure in a dialog.
 */
export function ReasonForm(props: {
  label: string
  placeholder?: string
  submit: string
  pending: boolean
  onCancel: () => void
  onSubmit: (reason: string) => Promise<CallResult<unknown>>
}) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const send = async () => {
    setError(null)
    const r = await props.onSubmit(reason)
    if (r.ok) return
    const onField = fieldErrors(r).reason
    if (onField) setError(onField)
    else void showError(r.message)
  }
  return (
    <View>
      <Field
        label={props.label}
        value={reason}
        onChange={setReason}
        placeholder={props.placeholder}
        maxlength={100}
        error={error}
      />
      <Button kind="danger" loading={props.pending} disabled={!reason.trim()} onClick={() => void send()}>
        {props.submit}
      </Button>
      <Button kind="secondary" size="small" onClick={props.onCancel}>
        {common('ui.cancel')}
      </Button>
    </View>
  )
}
