import type { Household } from '@shared/account/account.schema'
import type { Lang } from '@shared/i18n/i18n'
import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { say } from '@shared/points/points.messages'
import type { PointsAward, PointsBatch, PointsRule } from '@shared/points/points.schema'
import { pointsFor } from '@shared/points/points.rules'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { DuplicateKeyError, getMany, StaleReadError } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { pointsKeys } from '../points.repo'
import { presentBatch } from '../points.views'

/**
 * An official proposes points (or a deduction) under one manual rule for one or many households. The
 * proposal reserves room under the rule's monthly cap per household in the same transaction, so two
 * proposals at once cannot both pass a cap; a rejection or withdrawal gives the room back. Evidence photos
 * are the proposer's own uploads, adopted through the file port (by the wrapper) before the transaction.
 */
export const propose = defineAction(pointsContract.actions.propose, {
  load: async ({ villageId, ruleId, items, evidence }, ctx) => {
    // the rule and the households are read together (one round trip); the rule's refusals still come first
    const householdsRead = getMany(
      ctx.db,
      C.households,
      items.map((i) => i.householdId),
    )
    householdsRead.catch(() => undefined) // awaited below unless the rule is refused
    const rule = await ctx.db.get(C.points_rules, ruleId)
    if (!rule || rule.villageId !== villageId) throw PointsErrors.RULE_NOT_FOUND()
    if (!rule.active) throw PointsErrors.RULE_INACTIVE()
    if (rule.mode !== 'manual') throw PointsErrors.RULE_IS_SYSTEM()
    if (rule.evidenceRequired && evidence.length === 0) throw PointsErrors.EVIDENCE_REQUIRED()
    if (new Set(items.map((i) => i.householdId)).size !== items.length) throw PointsErrors.DUPLICATE_HOUSEHOLD()
    const households = await householdsRead
    /** the households' caps of the month found here (read only for a proposal with photos under a capped rule) */
    let capsFound: ReadonlySet<string> | null = null
    // The checks below name households and what their cap has left: only for a caller who may propose here.
    // Anyone else gets no further than the wrapper's permission check, right after load (so run never sees them).
    if (await ctx.can('points_propose', villageId)) {
      for (const { householdId } of items) {
        const h = households.get(householdId)
        if (!h) throw PointsErrors.HOUSEHOLD_NOT_FOUND({ id: householdId })
        if (h.villageId !== villageId) throw PointsErrors.HOUSEHOLD_NOT_IN_VILLAGE({ name: h.headName })
      }
      if (evidence.length && rule.capPerMonth !== null) {
        // Checked again in the transaction (that check is the one that counts). Here only so that a proposal
        // over the cap is refused before its photos are adopted: on CloudBase adopting moves the upload, and
        // the official's corrected retry would no longer find it.
        const cap = rule.capPerMonth
        const month = bjMonth(ctx.now)
        const used = await getMany(
          ctx.db,
          C.points_caps,
          items.map((i) => pointsKeys.cap(i.householdId, rule._id, month)),
        )
        const over = items.flatMap((item) => {
          const h = households.get(item.householdId)!
          const u = used.get(pointsKeys.cap(h._id, rule._id, month))?.used ?? 0
          return u + Math.abs(pointsFor(rule.points, item.quantity)) > cap ? [overText(h, cap, u, ctx.lang)] : []
        })
        if (over.length) throw capExceeded(rule, over, ctx.lang)
        capsFound = new Set(used.keys())
      }
    }
    return { unitId: villageId, rule, households, capsFound }
  },
  // Each photo must be the proposer's own upload, and a photo (owner, type, size, EXIF stripped): an unknown or
  // someone else's id is refused before anything is written.
  photos: ({ evidence }) => evidence,
  // the note and the members' names are shown to the approving official and, in publicity, to the village
  texts: ({ note, items }) => [note, ...items.map((i) => i.memberName)],
  run: async ({
    input: { villageId, items, note, evidence },
    loaded: { rule, households, capsFound },
    tx,
    photos,
    passed,
    ctx,
    handOn,
  }) => {
    const me = ctx.caller.user
    const month = bjMonth(ctx.now)
    const stored = photos(evidence)
    const batchId = ctx.newId('pb')
    const over: string[] = []
    const awards: PointsAward[] = []
    for (const [i, item] of items.entries()) {
      const h = households.get(item.householdId)
      if (!h) throw PointsErrors.HOUSEHOLD_NOT_FOUND({ id: item.householdId })
      const delta = pointsFor(rule.points, item.quantity)
      if (delta === 0) throw PointsErrors.CAP_EXCEEDED.because('points.why.zero_points')
      if (rule.capPerMonth !== null) {
        const capId = pointsKeys.cap(h._id, rule._id, month)
        const points = Math.abs(delta)
        // a cap that `load` found: its room checked and taken in one request while there is room (issue #21: not a
        // read, then a write); one `load` found missing: made with this one's points, unread (made meanwhile by
        // another proposal, the insert fails, all of this rolls back and runs again from `load`); any other (not
        // looked for, or no room) read, and the room it finds is what the write adds to, as before
        const room = rule.capPerMonth - points
        let took = false
        if (room >= 0 && capsFound?.has(capId) === true)
          took = (await tx.updateIf(C.points_caps, capId, { used: { $lte: room } }, { inc: { used: points } })) !== null
        else if (room >= 0 && capsFound) {
          try {
            await tx.insert(C.points_caps, { _id: capId, householdId: h._id, ruleId: rule._id, month, used: points })
          } catch (err) {
            if (err instanceof DuplicateKeyError) throw new StaleReadError(C.points_caps, capId)
            throw err
          }
          took = true
        }
        if (!took) {
          const cap = (await tx.get(C.points_caps, capId)) ?? {
            _id: capId,
            householdId: h._id,
            ruleId: rule._id,
            month,
            used: 0,
          }
          if (cap.used + points > rule.capPerMonth) {
            over.push(overText(h, rule.capPerMonth, cap.used, ctx.lang))
            continue
          }
          await tx.set(C.points_caps, { ...cap, used: cap.used + points })
        }
      }
      awards.push({
        _id: `${batchId}-${String(i + 1).padStart(3, '0')}`,
        batchId,
        villageId,
        householdId: h._id,
        headName: h.headName,
        memberUserId: null,
        memberName: item.memberName || null,
        ruleId: rule._id,
        ruleVersion: rule.version,
        ruleCode: rule.code,
        ruleName: rule.name,
        category: rule.category,
        quantity: item.quantity,
        delta,
        note,
        evidence: stored,
        month,
        status: 'proposed',
        proposedBy: me._id,
        proposedAt: ctx.now,
        approvedBy: null,
        approvedAt: null,
        publicUntil: null,
        openObjectionIds: [],
        objections: 0,
        closedAt: null,
        entryId: null,
        creditedDelta: null,
      })
    }
    if (over.length) throw capExceeded(rule, over, ctx.lang)
    await tx.insertMany(C.points_awards, awards) // one request however many households (issue #21)
    const batch: PointsBatch = {
      _id: batchId,
      villageId,
      ruleId: rule._id,
      ruleVersion: rule.version,
      ruleCode: rule.code,
      ruleName: rule.name,
      category: rule.category,
      note,
      evidence: stored,
      evidencePassed: passed(evidence),
      awardIds: awards.map((a) => a._id),
      households: awards.length,
      totalPoints: awards.reduce((s, a) => s + a.delta, 0),
      status: 'pending',
      proposedBy: me._id,
      proposedByName: me.name,
      proposedAt: ctx.now,
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      decisionNote: null,
    }
    await tx.insert(C.points_batches, batch)
    handOn(batch)
    return { batchId }
  },
  present: ({ result, ctx, handed }) => presentBatch(ctx, result.batchId, handed as PointsBatch | undefined),
})

/** One household over the cap, in the caller's language (the refusal is rendered in it too). */
const overText = (h: Household, cap: number, used: number, lang: Lang) =>
  say('points.cap.left', lang, { name: h.headName, left: Math.max(0, cap - used) })
/** The refusal names the first five households over the cap, then how many there are. */
const capExceeded = (rule: PointsRule, over: string[], lang: Lang) =>
  PointsErrors.CAP_EXCEEDED({
    rule: rule.name,
    cap: rule.capPerMonth ?? 0,
    households:
      over.slice(0, 5).join(say('points.cap.join', lang)) +
      (over.length > 5 ? say('points.cap.more', lang, { n: over.length }) : ''),
  })
