import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { commitChunk, importJobView, loadJob } from '../account.imports'

/**
 * One chunk of a checked import in one transaction, with its audit entry: at most 100 rows and 300 writes, within
 * what a CloudBase transaction takes. A chunk already committed writes nothing again (the client resumes from the
 * first pending chunk after a failure, whatever its request ids).
 */
export const commitImport = defineAction(accountContract.actions.commitImport, {
  load: async ({ jobId, chunk }, ctx) => {
    const job = await loadJob(ctx.db, jobId, ctx)
    const doc = await ctx.db.get(C.import_chunks, `${jobId}.c${chunk}`)
    return { unitId: job.unitId, job, doc }
  },
  run: async ({ input: { chunk }, loaded: { job, doc }, ctx, tx }) => {
    if (job.status === 'uploading') throw AccountErrors.IMPORT_NOT_CHECKED()
    if (job.problems.length) throw AccountErrors.IMPORT_HAS_PROBLEMS({ count: job.problems.length })
    if (!doc) throw AccountErrors.IMPORT_NOT_FOUND()
    await commitChunk(tx, ctx, job._id, doc)
    void chunk
    return { id: job._id }
  },
  present: async ({ result, ctx }) => importJobView(await loadJob(ctx.db, result.id, ctx), ctx.lang),
})
