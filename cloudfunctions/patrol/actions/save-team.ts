import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolTeamSchema, type PatrolMember, type PatrolTeam } from '@shared/patrol/patrol.schema'
import { legacyAction } from '../../_core/wrap'
import { C, ids, names } from '../store'
import { assertVillage, patrollersOf } from './village'

/** Creates or edits a team; membership is mirrored in patrol_members (removed members are kept, inactive). */
export const saveTeam = legacyAction(patrolContract.actions.saveTeam, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, teamId, name, captainId, memberIds }, ctx) => {
    await assertVillage(ctx, villageId)
    const prior = teamId ? await ctx.db.get<PatrolTeam>(C.teams, teamId) : null
    if (teamId && (!prior || prior.villageId !== villageId)) throw PatrolErrors.TEAM_NOT_FOUND()
    const members = [...new Set([captainId, ...memberIds])]
    const allowed = new Set(await patrollersOf(ctx, villageId))
    const people = await names(ctx.db, members)
    for (const id of members) {
      if (!allowed.has(id)) throw PatrolErrors.NOT_A_PATROLLER(`${people.get(id) ?? id} 不是本村（社区）的巡逻队员`)
    }
    const by = ctx.caller.user._id
    const team = PatrolTeamSchema.parse({
      _id: prior?._id ?? ctx.newId('tm'),
      villageId,
      name,
      captainId,
      memberIds: members,
      createdAt: prior?.createdAt ?? ctx.now,
      createdBy: prior?.createdBy ?? by,
      updatedAt: ctx.now,
      updatedBy: by,
    })
    const removed = (prior?.memberIds ?? []).filter((id) => !members.includes(id))
    return ctx.transact(async (tx) => {
      await tx.set(C.teams, team)
      for (const userId of members) {
        const id = ids.member(team._id, userId)
        const was = await tx.get<PatrolMember>(C.members, id)
        const member: PatrolMember = {
          _id: id,
          teamId: team._id,
          villageId,
          userId,
          role: userId === captainId ? 'captain' : 'member',
          active: true,
          since: was?.active ? was.since : ctx.now,
        }
        await tx.set(C.members, member)
      }
      for (const userId of removed) await tx.update(C.members, ids.member(team._id, userId), { active: false })
      return {
        id: team._id,
        name: team.name,
        captain: { id: captainId, name: people.get(captainId) ?? '' },
        members: members.map((id) => ({ id, name: people.get(id) ?? '' })),
      }
    })
  },
})
