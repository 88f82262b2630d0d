import { AccountErrors } from '@shared/account/account.contract'
import type { Household, ImportChunk, ImportJob, ImportJobView, RosterPerson } from '@shared/account/account.schema'
import { CommonErrors } from '@shared/errors'
import { render, type Lang } from '@shared/i18n/i18n'
import { audit } from '../_core/audit'
import { C } from '../_core/collections'
import type { DataPort, TxStore } from '../_core/port'
import type { ActionContext, WriteContext } from '../_core/wrap'
import { assignmentId, phoneClaimId, rosterPersonId, rosterRoleId } from './account.repo'
import { saveRoleAssignment } from '../_core/grants'
import { keepHouseholdOnAccount } from '../points/household.api'

/** An import is its maker's: another official of the same unit starts their own. */
export async function loadJob(db: DataPort, id: string, ctx: Pick<ActionContext, 'caller'>): Promise<ImportJob> {
  const job = await db.get(C.import_jobs, id)
  if (!job) throw AccountErrors.IMPORT_NOT_FOUND()
  if (job.createdBy !== ctx.caller.user._id) throw AccountErrors.NOT_YOUR_IMPORT()
  return job
}

export function importJobView(job: ImportJob, lang: Lang): ImportJobView {
  const done = new Set(job.done)
  return {
    id: job._id,
    kind: job.kind,
    fileName: job.fileName,
    status: job.status,
    rows: job.rows,
    problems: job.problems.map((p) => ({ row: p.row, column: p.column, reason: render(p.reason, lang) })),
    chunks: job.chunks,
    pending: Array.from({ length: job.chunks }, (_, i) => i).filter((i) => !done.has(i)),
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Writes one chunk: each household as the file says (new, changed or left alone), the people it names by phone,
 * and the people it no longer names let go of it; each staff row's roster role, and the role itself when the
 * phone's owner already has an account. Everything is read again by id in the transaction, so a chunk committed
 * twice, or after another import, writes only what differs. One audit entry per chunk: the households created
 * and, for those changed, before → after.
 */
export async function commitChunk(tx: TxStore, ctx: WriteContext, jobId: string, chunk: ImportChunk): Promise<void> {
  const job = await tx.get(C.import_jobs, jobId)
  if (!job) throw AccountErrors.IMPORT_NOT_FOUND()
  if (job.done.includes(chunk.n)) return
  let created = 0
  let updated = 0
  let unchanged = 0
  const createdIds: string[] = []
  const changed: Array<{ id: string; before: unknown; after: unknown }> = []
  for (const r of chunk.households) {
    const cur = await tx.get(C.households, r.id)
    const next: Household = {
      _id: r.id,
      villageId: r.villageId,
      gridId: r.gridId,
      headName: r.headName,
      headUserId: cur?.headUserId ?? null,
      address: r.address,
      // a seeded household keyed by its id keeps having none: its id is its 户号
      householdNo: cur && !cur.householdNo && r.householdNo === cur._id ? (cur.householdNo ?? null) : r.householdNo,
      size: r.size,
      headPhone: r.phone,
      rosterMembers: r.members,
    }
    const comparable = (h: Household) => ({
      villageId: h.villageId,
      gridId: h.gridId,
      headName: h.headName,
      address: h.address,
      householdNo: h.householdNo ?? null,
      size: h.size ?? null,
      headPhone: h.headPhone ?? null,
      rosterMembers: h.rosterMembers ?? [],
    })
    let touched = false
    if (!cur) {
      await tx.insert(C.households, next)
      created++
      createdIds.push(r.id)
    } else if (!same(comparable(cur), comparable(next))) {
      await tx.set(C.households, { ...cur, ...next })
      // the head, address and village its points account shows (myPoints reads them from there)
      if (cur.headName !== next.headName || cur.address !== next.address || cur.villageId !== next.villageId)
        await keepHouseholdOnAccount(tx, { ...cur, ...next })
      updated++
      touched = true
      changed.push({ id: r.id, before: comparable(cur), after: comparable(next) })
    }
    const people: Array<{ name: string; phone: string; head: boolean }> = [
      ...(r.phone ? [{ name: r.headName, phone: r.phone, head: true }] : []),
      ...r.members.filter((m) => m.phone).map((m) => ({ name: m.name, phone: m.phone!, head: false })),
    ]
    for (const p of people) {
      const id = rosterPersonId(p.phone)
      const had = await tx.get(C.roster_people, id)
      if (had?.householdId && had.householdId !== r.id) throw CommonErrors.CONFLICT()
      const doc: RosterPerson = {
        _id: id,
        phone: p.phone,
        name: p.name,
        householdId: r.id,
        head: p.head,
        userId: had?.userId ?? null,
        updatedAt: had?.updatedAt ?? ctx.now,
      }
      if (had && had.name === doc.name && had.householdId === doc.householdId && had.head === doc.head) continue
      await tx.set(C.roster_people, { ...doc, updatedAt: ctx.now })
      if (cur && !touched) {
        touched = true
        updated++
        changed.push({
          id: r.id,
          before: { person: had ? { name: had.name, head: had.head } : null },
          after: { person: { name: p.name, head: p.head } },
        })
      }
    }
    for (const id of r.drop) {
      const had = await tx.get(C.roster_people, id)
      if (had?.householdId !== r.id) continue
      await tx.update(C.roster_people, id, { householdId: null, head: false, updatedAt: ctx.now })
    }
    if (cur && !touched) unchanged++
  }
  for (const s of chunk.staff) {
    const id = rosterRoleId(s.phone, s.role, s.unitId)
    const had = await tx.get(C.roster_roles, id)
    if (had && had.active && had.name === s.name) {
      unchanged++
      continue
    }
    await tx.set(C.roster_roles, {
      _id: id,
      phone: s.phone,
      name: s.name,
      role: s.role,
      unitId: s.unitId,
      grantedBy: ctx.caller.user._id,
      active: true,
      updatedAt: ctx.now,
    })
    if (had) {
      updated++
      changed.push({ id, before: { name: had.name, active: had.active }, after: { name: s.name, active: true } })
    } else {
      created++
      createdIds.push(id)
    }
    // the phone's owner is already here: the role is theirs now
    const claim = await tx.get(C.phone_claims, phoneClaimId(s.phone))
    if (claim) {
      const aid = assignmentId(claim.userId, s.role, s.unitId)
      const a = await tx.get(C.role_assignments, aid)
      if (!a || a.revokedAt !== null)
        await saveRoleAssignment(tx, {
          _id: aid,
          userId: claim.userId,
          role: s.role,
          unitId: s.unitId,
          grantedBy: ctx.caller.user._id,
          via: 'roster',
          createdAt: ctx.now,
          revokedAt: null,
        })
    }
  }
  const done = [...job.done, chunk.n].sort((a, b) => a - b)
  await tx.update(C.import_jobs, jobId, {
    done,
    status: done.length >= job.chunks ? 'done' : job.status,
    created: job.created + created,
    updated: job.updated + updated,
    unchanged: job.unchanged + unchanged,
  })
  if (created || updated)
    await audit(tx, ctx, {
      what: 'roster.import',
      unitId: job.unitId,
      subjectId: jobId,
      before: changed.map((c) => ({ id: c.id, ...(c.before as object) })),
      after: {
        kind: job.kind,
        chunk: chunk.n,
        created: createdIds,
        changed: changed.map((c) => ({ id: c.id, ...(c.after as object) })),
      },
    })
}
