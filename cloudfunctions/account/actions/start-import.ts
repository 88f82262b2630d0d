import { accountContract } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadLiveUnit } from '../account.repo'
import { importJobView, loadJob } from '../account.imports'

/** An import into a unit of the caller's scope: the file follows in parts (each under the call's size limit). */
export const startImport = defineAction(accountContract.actions.startImport, {
  load: async ({ unitId }, ctx) => ({ unitId: (await loadLiveUnit(ctx.rt, unitId))._id }),
  run: async ({ input: { kind, unitId, fileName, parts }, ctx, tx }) => {
    const id = ctx.newId('imp')
    await tx.insert(C.import_jobs, {
      _id: id,
      kind,
      unitId,
      createdBy: ctx.caller.user._id,
      createdAt: ctx.now,
      fileName,
      parts,
      status: 'uploading',
      rows: 0,
      problems: [],
      chunks: 0,
      done: [],
      created: 0,
      updated: 0,
      unchanged: 0,
    })
    return { id }
  },
  present: async ({ result, ctx }) => importJobView(await loadJob(ctx.db, result.id, ctx), ctx.lang),
})
