import { Card, Empty, Page } from '../../components'

/** Placeholder tab: the incident domain replaces this page with its report entry. */
export default function Report() {
  return (
    <Page title='网格上报'>
      <Card>
        <Empty mark='✎' title='上报功能马上就来' text='以后在这里拍照上报身边的问题，网格员会及时处理并告诉您结果。现在有急事，请直接联系您的网格员。' />
      </Card>
    </Page>
  )
}
