import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolTeamSchema, type PatrolMember } from '@shared/patrol/patrol.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { ids, keepTeamOnUser, loadTeam, mustBeVillage, names, patrollersOf } from '../patrol.repo'
import { teamView } from '../patrol.views'
import { audit } from '../../_core/audit'

/**
 * Creates or edits a team; membership is mirrored in patrol_members (removed members are kept, inactive) and in each
 * member's kept teams (`users.patrolTeamIds`), in the same transaction.
 */
export const saveTeam = defineAction(patrolContract.actions.saveTeam, {
  load: async ({ villageId, teamId, captainId, memberIds }, ctx) => {
    const members = [...new Set([captainId, ...memberIds])]
    const [village, prior, patrollers, people] = await Promise.all([
      ctx.rt.units.get(villageId),
      teamId ? ctx.db.get(C.patrol_teams, teamId) : null,
      patrollersOf(ctx.db, ctx.rt.units, villageId),
      names(ctx.db, members, ctx.lang),
    ])
    return { unitId: villageId, village, prior, members, patrollers: new Set(patrollers), people }
  },
  texts: ({ name }) => [name],
  run: async ({ input: { villageId, teamId, name, captainId }, loaded, tx, ctx }) => {
    const { prior, members, patrollers, people } = loaded
    mustBeVillage(loaded.village)
    if (teamId && (!prior || prior.villageId !== villageId)) throw PatrolErrors.TEAM_NOT_FOUND()
    for (const id of members) {
      if (!patrollers.has(id)) throw PatrolErrors.NOT_A_PATROLLER({ name: people.get(id) ?? id })
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
    await tx.set(C.patrol_teams, team)
    await audit(tx, ctx, { what: 'patrol.team', unitId: villageId, subjectId: team._id, before: prior, after: team })
    for (const userId of members) {
      const id = ids.member(team._id, userId)
      const was = await tx.get(C.patrol_members, id)
      const member: PatrolMember = {
        _id: id,
        teamId: team._id,
        villageId,
        userId,
        role: userId === captainId ? 'captain' : 'member',
        active: true,
        since: was?.active ? was.since : ctx.now,
      }
      await tx.set(C.patrol_members, member)
      await keepTeamOnUser(tx, userId, team._id, true)
    }
    for (const userId of (prior?.memberIds ?? []).filter((id) => !members.includes(id))) {
      await tx.update(C.patrol_members, ids.member(team._id, userId), { active: false })
      await keepTeamOnUser(tx, userId, team._id, false)
    }
    return { teamId: team._id }
  },
  present: async ({ result, ctx }) => teamView(ctx.db, await loadTeam(ctx.db, result.teamId), ctx.lang),
})
