import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { TaskCategory } from '@shared/volunteer/volunteer.schema'
import { Button, Card, Field, Page, PickerField } from '../../../../components'
import { useStrings } from '../../../../services/i18n'
import { useAction } from '../../../../services/use-call'
import { callFunction, report, useCategoryOptions, ROOT, usePageTitle, V } from '../../lib'
import { NEED, WORDS } from '../../volunteer.strings'

/** 群众点单: a resident posts a need; the village reviews it before organisations see it. */
export default function Need() {
  const t = useStrings(NEED)
  const w = useStrings(WORDS)
  const categories = useCategoryOptions()
  usePageTitle(t('title'))
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [placeName, setPlace] = useState('')
  const [category, setCategory] = useState<TaskCategory>('elderly')
  const send = useAction((_: null, requestId) =>
    callFunction(V, 'createNeed', { title, description, placeName, category }, { requestId }),
  )
  return (
    <Page title={t('title')} intro={t('intro')}>
      <Card>
        <Field label={t('what')} value={title} onChange={setTitle} placeholder={t('what_ph')} maxlength={40} />
        <Field
          label={t('detail')}
          value={description}
          onChange={setDescription}
          placeholder={t('detail_ph')}
          maxlength={500}
        />
        <Field label={w('place')} value={placeName} onChange={setPlace} placeholder={t('place_ph')} maxlength={60} />
        <PickerField label={w('category')} options={categories} value={category} onChange={setCategory} />
        <Button
          loading={send.pending}
          onClick={() =>
            void report(send.run(null), t('submitted')).then((r) => {
              if (r) void Taro.redirectTo({ url: `${ROOT}/needs/index` })
            })
          }
        >
          {t('submit')}
        </Button>
      </Card>
    </Page>
  )
}
