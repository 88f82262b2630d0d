import { accountContract } from '@shared/account/account.contract'
import { defineAction } from '../../_core/wrap'
import { importJobView, loadJob } from '../account.imports'

/** Where an import stands: its problems, and the chunks still to commit (to resume after a failure). */
export const getImport = defineAction(accountContract.actions.getImport, {
  load: async ({ jobId }, ctx) => {
    const job = await loadJob(ctx.db, jobId, ctx)
    return { unitId: job.unitId, job }
  },
  run: async ({ loaded: { job }, ctx }) => importJobView(job, ctx.lang),
})
