import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { importJobView, loadJob } from '../account.imports'

/** One part of the file (base64). Sending a part again replaces it; a checked import takes no more parts. */
export const putImportPart = defineAction(accountContract.actions.putImportPart, {
  load: async ({ jobId }, ctx) => {
    const job = await loadJob(ctx.db, jobId, ctx)
    return { unitId: job.unitId, job }
  },
  run: async ({ input: { jobId, part, base64 }, loaded: { job }, ctx, tx }) => {
    if (job.status !== 'uploading' || part >= job.parts) throw AccountErrors.IMPORT_INCOMPLETE()
    await tx.set(C.import_parts, { _id: `${jobId}.p${part}`, jobId, part, base64 })
    void ctx
    return { id: jobId }
  },
  present: async ({ result, ctx }) => importJobView(await loadJob(ctx.db, result.id, ctx), ctx.lang),
})
