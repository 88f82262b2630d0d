import type { CallFailure } from '../../../services/call-function'
import { ErrorBlock, Loading, Page } from '../../../components'

/** A page whose first read has not answered yet: loading, or what went wrong and a retry. */
export function Waiting(props: { error: CallFailure | null; onRetry: () => void }) {
  return <Page>{props.error ? <ErrorBlock message={props.error.message} onRetry={props.onRetry} /> : <Loading />}</Page>
}
