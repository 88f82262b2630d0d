import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { TaskSchema, type Task, type TaskCounter } from '@shared/volunteer/volunteer.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { newCodeSecret } from '../volunteer.codes'
import { areaOf, bumpCounters, countersUnitOf, loadOrg, loadTask, requireUnit } from '../volunteer.repo'
import { taskView } from '../volunteer.views'

/** An organisation's admin posts a task in the organisation's area; its slot counter starts with it. */
export const publishTask = defineAction(volunteerContract.actions.publishTask, {
  load: async ({ orgId, unitId: where }, ctx) => {
    const org = await loadOrg(ctx.db, orgId)
    const unitId = where ?? org.unitId
    const unit = await requireUnit(ctx.rt, unitId)
    // the organisation's admins in one query beside the units: the publisher must be one, and the task keeps them
    const [insideOrg, area, admins] = await Promise.all([
      ctx.rt.units.contains(org.unitId, unitId),
      areaOf(ctx.rt, unitId),
      ctx.db.find(C.volunteer_org_admins, { where: { orgId: org._id }, limit: 50 }),
    ])
    return { unitId, org, unit, insideOrg, area, adminIds: admins.map((a) => a.userId) }
  },
  texts: ({ title, description, placeName, requirements, contactName }) => [
    title,
    description,
    placeName,
    requirements,
    contactName,
  ],
  run: async ({ input, loaded: { org, unit, insideOrg, area, adminIds }, tx, ctx }) => {
    if (org.status !== 'approved') throw VolunteerErrors.ORG_NOT_APPROVED()
    if (!adminIds.includes(ctx.caller.user._id)) throw VolunteerErrors.NOT_ORG_ADMIN()
    if ((unit.level !== 'village' && unit.level !== 'township') || !insideOrg) throw VolunteerErrors.UNIT_OUTSIDE_ORG()
    if (input.startAt <= ctx.now) throw VolunteerErrors.TIME_IN_PAST()
    const { orgId: _o, unitId: _u, ...fields } = input
    const task: Task = TaskSchema.parse({
      _id: ctx.newId('task'),
      orgId: org._id,
      orgName: org.name,
      unitId: unit._id,
      ...area,
      ...fields,
      status: 'open',
      codeSecret: newCodeSecret(),
      publishedBy: ctx.caller.user._id,
      createdAt: ctx.now,
      orgAdminIds: adminIds,
    })
    const counter: TaskCounter = { _id: task._id, slots: task.slots, confirmed: 0, waitlisted: 0, nextSeq: 1 }
    await tx.insert(C.volunteer_tasks, task)
    await tx.insert(C.volunteer_task_counters, counter)
    await bumpCounters(
      tx,
      [
        ['village', countersUnitOf(task)],
        ['org', org._id],
      ],
      { tasks: 1 },
    )
    return { taskId: task._id }
  },
  present: async ({ result, ctx }) => {
    const [task, counter] = await Promise.all([
      loadTask(ctx.db, result.taskId),
      ctx.db.get(C.volunteer_task_counters, result.taskId),
    ])
    // only the organisation's admins publish, so the publisher manages the task
    return taskView(ctx.rt, task, counter, null, { canManage: true, phoneInFull: true, lang: ctx.lang })
  },
})
