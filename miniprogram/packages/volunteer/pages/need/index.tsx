import Taro from '@tarojs/taro'
import { useState } from 'react'
import { TASK_CATEGORY_NAMES, type TaskCategory } from '@shared/volunteer/volunteer.schema'
import { say } from '../../../../services/i18n'
import { Button, Card, Field, Page, PickerField } from '../../../../components'
import { useAction } from '../../../../services/use-call'
import { callFunction, report, V } from '../../lib'

const CATEGORIES = TASK_CATEGORY_NAMES.map((c) => ({ value: c, label: say({ key: `volunteer.category.${c}` }) }))

/** 群众点单: a resident posts a need; the village reviews it before organisations see it. */
export default function Need() {
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [placeName, setPlace] = useState('')
  const [category, setCategory] = useState<TaskCategory>('elderly')
  const send = useAction((_: null, requestId) =>
    callFunction(V, 'createNeed', { title, description, placeName, category }, { requestId }),
  )
  return (
    <Page title="我要点单" intro="写清楚需要什么帮助。村里审核后公开，社会组织会来接单。">
      <Card>
        <Field
          label="需要什么帮助"
          value={title}
          onChange={setTitle}
          placeholder="例如：帮独居老人修水龙头"
          maxlength={40}
        />
        <Field
          label="具体说明"
          value={description}
          onChange={setDescription}
          placeholder="时间、人数、注意事项"
          maxlength={500}
        />
        <Field label="地点" value={placeName} onChange={setPlace} placeholder="例如：第一网格 4 栋" maxlength={60} />
        <PickerField label="类别" options={CATEGORIES} value={category} onChange={setCategory} />
        <Button
          loading={send.pending}
          onClick={() =>
            void report(send.run(null), '已提交').then((r) => {
              if (r) void Taro.redirectTo({ url: '/packages/volunteer/pages/needs/index' })
            })
          }
        >
          提交需求
        </Button>
      </Card>
    </Page>
  )
}
