import { accountContract } from '@shared/account/account.contract'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { templateFile } from '../account.roster'

/** The XLSX template with the headers (in the reader's language) and one example row. */
export const importTemplate = defineAction(accountContract.actions.importTemplate, {
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ input: { kind }, ctx }) => templateFile(kind, ctx.lang),
})
