import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { asGrants } from '../../_core/caller'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { importJobView, loadJob } from '../account.imports'
import { checkRows, chunksOf, readSheet } from '../account.roster'

/**
 * The dry run: the file is read and every row checked against the tree and the roster as they are; every row's
 * problem is listed (row, column, reason in the reader's language) and nothing of the roster changes. Good rows are
 * kept as chunks to commit. It writes only the import's own documents, in small transactions of its own (a file's
 * 100 chunks do not fit one), so it is `write: false` like a sweep; checking again starts over.
 */
export const checkImport = defineAction(accountContract.actions.checkImport, {
  load: async ({ jobId }, ctx) => {
    const job = await loadJob(ctx.db, jobId, ctx)
    return { unitId: job.unitId, job }
  },
  run: async ({ loaded: { job }, ctx }) => {
    if (job.status === 'done') return importJobView(job, ctx.lang)
    const parts = await ctx.db.find(C.import_parts, {
      where: { jobId: job._id },
      orderBy: [['part', 'asc']],
      limit: job.parts,
    })
    if (parts.length !== job.parts) throw AccountErrors.IMPORT_INCOMPLETE()
    const bytes = Buffer.concat(parts.map((p) => Buffer.from(p.base64, 'base64')))
    const cells = await readSheet(bytes)
    const checked = await checkRows(ctx.rt, job, cells, asGrants(ctx.caller.grants), ctx.lang)
    const chunks = checked.problems.length ? [] : chunksOf(job._id, checked)
    for (let i = 0; i < chunks.length; i += 20) {
      const part = chunks.slice(i, i + 20)
      await ctx.db.transaction(async (tx) => {
        for (const c of part) await tx.set(C.import_chunks, c)
      })
    }
    const next = {
      ...job,
      status: 'checked' as const,
      rows: checked.rows,
      problems: checked.problems,
      chunks: chunks.length,
      done: [],
    }
    await ctx.db.transaction((tx) => tx.set(C.import_jobs, next))
    return importJobView(next, ctx.lang)
  },
})
