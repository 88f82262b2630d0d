import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { TaskSchema, type Task, type TaskCounter } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import {
  areaOf,
  bumpStats,
  loadOrg,
  newCodeSecret,
  requireOrgAdmin,
  requireUnit,
  statsUnitOf,
  taskView,
  within,
} from '../support'

/** An organisation's admin posts a task in the organisation's area; its slot counter starts with it. */
export const publishTask = legacyAction(volunteerContract.actions.publishTask, {
  scope: async ({ orgId, unitId }, ctx) => unitId ?? (await loadOrg(ctx, orgId)).unitId,
  run: async (input, ctx) => {
    const org = await loadOrg(ctx, input.orgId)
    if (org.status !== 'approved') throw VolunteerErrors.ORG_NOT_APPROVED()
    await requireOrgAdmin(ctx, org._id)
    const unitId = input.unitId ?? org.unitId
    const unit = await requireUnit(ctx.rt, unitId)
    if ((unit.level !== 'village' && unit.level !== 'township') || !(await within(ctx.rt, unitId, org.unitId))) {
      throw VolunteerErrors.UNIT_OUTSIDE_ORG()
    }
    if (input.startAt <= ctx.now) throw VolunteerErrors.TIME_IN_PAST()
    const { orgId: _o, unitId: _u, ...fields } = input
    const task: Task = TaskSchema.parse({
      _id: ctx.newId('task'),
      orgId: org._id,
      orgName: org.name,
      unitId,
      ...(await areaOf(ctx.rt, unitId)),
      ...fields,
      status: 'open',
      codeSecret: newCodeSecret(),
      publishedBy: ctx.caller.user._id,
      createdAt: ctx.now,
    })
    const counter: TaskCounter = { _id: task._id, slots: task.slots, confirmed: 0, waitlisted: 0, nextSeq: 1 }
    const view = await taskView(ctx.rt, task, counter, null, true)
    return ctx.transact(async (tx) => {
      await tx.insert('volunteer_tasks', task)
      await tx.insert('volunteer_task_counters', counter)
      await bumpStats(
        tx,
        [
          ['village', statsUnitOf(task)],
          ['org', org._id],
        ],
        { tasks: 1 },
      )
      return view
    })
  },
})
