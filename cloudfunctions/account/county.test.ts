import ExcelJS from 'exceljs'
import { testEnv, rid, type TestEnv } from '../../tests/support/harness'
import { commitAll, HOUSEHOLD_HEADER, STAFF_HEADER, uploadAndCheck, xlsx } from '../../tests/support/roster'
import { C } from '../_core/collections'
import { stableId } from '../_core/ids'
import type { Me } from '@shared/account/account.schema'

/** Issue #17: a county sets itself up — its units, its people, verified identity, roles and an audit log. */
let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const COUNTY = '513328'
const ADMIN = 'u-luorong'
const wx = (openid: string) => ({ kind: 'wechat' as const, openid })

async function auditOf(what: string) {
  return env.rt.db.find(C.audit_log, { where: { what }, limit: 1000 })
}

describe('the administrative tree', () => {
  it('a county admin adds a township, a village with two grids and a department; each is audited', async () => {
    const town = await env.ok('account', ADMIN, 'createUnit', {
      parentId: COUNTY,
      level: 'township',
      name: '来马乡',
      statCode: '513328205000',
    })
    expect(town).toMatchObject({ id: '513328205', code: '513328205', level: 'township', households: 0 })
    const village = await env.ok('account', ADMIN, 'createUnit', {
      parentId: town.id,
      level: 'village',
      name: '仁达村',
      statCode: '513328205201',
    })
    const g1 = await env.ok('account', ADMIN, 'createUnit', { parentId: village.id, level: 'grid', name: '仁达村一组' })
    await env.ok('account', ADMIN, 'createUnit', { parentId: village.id, level: 'grid', name: '仁达村二组' })
    await env.ok('account', ADMIN, 'createUnit', { parentId: COUNTY, level: 'department', name: '甘孜县民政局' })
    expect(g1.fullName).toBe('甘孜县 › 来马乡 › 仁达村 › 仁达村一组')
    const tree = await env.ok('account', ADMIN, 'getOrgTree', { unitId: village.id })
    expect(tree.children.map((c: { name: string }) => c.name)).toEqual(['仁达村一组', '仁达村二组'])
    expect(tree.canManage).toBe(true)
    const entries = await auditOf('unit.create')
    expect(entries).toHaveLength(5)
    expect(entries.every((e) => e.actorId === ADMIN && e.countyId === COUNTY && e.requestId)).toBe(true)
  })

  it('checks statistical codes against the level and the parent', async () => {
    const wrongPrefix = await env.call('account', ADMIN, 'createUnit', {
      parentId: COUNTY,
      level: 'township',
      name: '错乡',
      statCode: '513329205',
    })
    expect(wrongPrefix).toMatchObject({ ok: false, code: 'ACCOUNT.BAD_CODE' })
    expect((wrongPrefix as { message: string }).message).toContain('513328')
    const wrongLevel = await env.call('account', ADMIN, 'createUnit', { parentId: COUNTY, level: 'grid', name: '错格' })
    expect(wrongLevel).toMatchObject({ ok: false, code: 'ACCOUNT.LEVEL_NOT_HERE' })
    const taken = await env.call('account', ADMIN, 'createUnit', {
      parentId: COUNTY,
      level: 'township',
      name: '甘孜镇二',
      statCode: '513328100',
    })
    expect(taken).toMatchObject({ ok: false, code: 'ACCOUNT.CODE_TAKEN' })
    expect(await env.rt.db.count(C.audit_log, {})).toBe(0)
  })

  it('only admins of the county manage its units: a township dispatcher within the township, nobody elsewhere', async () => {
    const outside = await env.call('account', 'u-sunli', 'createUnit', {
      parentId: COUNTY,
      level: 'township',
      name: 'X乡',
    })
    expect(outside).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
    const resident = await env.call('account', 'u-zhuoma', 'createUnit', {
      parentId: '513328100001',
      level: 'grid',
      name: '第四网格',
    })
    expect(resident).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    const inTown = await env.ok('account', 'u-zhoumin', 'createUnit', {
      parentId: '513328100001',
      level: 'grid',
      name: '旭日岭社区第四网格',
    })
    expect(inTown.level).toBe('grid')
    const aboveTown = await env.call('account', 'u-zhoumin', 'createUnit', {
      parentId: COUNTY,
      level: 'township',
      name: 'Y乡',
    })
    expect(aboveTown).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
  })

  it('renames, moves a village with its grids, and retires a unit that keeps its history', async () => {
    const town = await env.ok('account', ADMIN, 'createUnit', { parentId: COUNTY, level: 'township', name: '来马乡' })
    const renamed = await env.ok('account', ADMIN, 'updateUnit', { unitId: '513328101201', name: '色西底村（牧区）' })
    expect(renamed.name).toBe('色西底村（牧区）')
    const moved = await env.ok('account', ADMIN, 'updateUnit', { unitId: '513328101201', parentId: town.id })
    expect(moved.fullName).toBe(`甘孜县 › 来马乡 › 色西底村（牧区）`)
    const grid = await env.rt.db.get(C.units, '513328101201-G01')
    expect(grid!.path).toEqual(['513300', COUNTY, town.id, '513328101201', '513328101201-G01'])
    // a grid worker of the moved village now answers to the new township's dispatch
    expect(await env.rt.units.contains(town.id, '513328101201-G01')).toBe(true)
    const busy = await env.call('account', ADMIN, 'updateUnit', { unitId: '513328100001', retire: true })
    expect(busy).toMatchObject({ ok: false, code: 'ACCOUNT.HAS_ACTIVE_CHILDREN' })
    const retired = await env.ok('account', ADMIN, 'updateUnit', { unitId: '513328100001-G03', retire: true })
    expect(retired.retired).toBe(true)
    expect(await env.rt.db.get(C.units, '513328100001-G03')).toBeTruthy()
    const list = await env.ok('account', 'u-zhuoma', 'listUnits', { parentId: '513328100001' })
    expect(list.items.map((u: { id: string }) => u.id)).not.toContain('513328100001-G03')
    const live = await env.call('account', 'u-zhuoma', 'setResidence', { gridId: '513328100001-G03' })
    expect(live).toMatchObject({ ok: false, code: 'ACCOUNT.UNIT_RETIRED' })
    const whats = (await env.rt.db.find(C.audit_log, { where: { subjectId: '513328101201' }, limit: 10 })).map(
      (e) => e.what,
    )
    expect(whats.sort()).toEqual(['unit.move', 'unit.rename'])
    const move = (await auditOf('unit.move'))[0]!
    expect(move.before).toMatchObject({ parentId: '513328101' })
    expect(move.after).toMatchObject({ parentId: town.id })
  })

  it('a grid with households does not change village; a move outside the county is refused', async () => {
    const village = await env.ok('account', ADMIN, 'createUnit', {
      parentId: '513328100',
      level: 'village',
      name: '新村',
    })
    const withHouseholds = await env.call('account', ADMIN, 'updateUnit', {
      unitId: '513328100001-G01',
      parentId: village.id,
    })
    expect(withHouseholds).toMatchObject({ ok: false, code: 'ACCOUNT.GRID_HAS_HOUSEHOLDS' })
    const zhang = await env.call('account', 'u-zhangwei', 'updateUnit', {
      unitId: '513328100001',
      parentId: '620802001',
    })
    expect(zhang).toMatchObject({ ok: false, code: 'ACCOUNT.CANNOT_MOVE_THERE' })
  })
})

describe('who a person is', () => {
  it('a first-time WeChat user gives a name and verifies a phone the roster knows: she is in her household at once', async () => {
    await importHouseholds([
      ['513328100001-G02', '', 'A-101', '德吉', '13800000101', '幸福路 1 号', 3, '次旦 13800000102'],
    ])
    const dechen = wx('o-dechen-0001')
    const first = await env.ok<Me>('account', dechen, 'getMe')
    expect(first.isNew).toBe(true)
    expect(first.user.name).toBe('微信用户')
    const bad = await env.call('account', dechen, 'setProfile', { name: 'abc123' })
    expect(bad).toMatchObject({ ok: false, code: 'ACCOUNT.BAD_NAME' })
    const verified = await env.ok('account', dechen, 'verifyPhone', { phoneCode: 'demo:13800000101' })
    expect(verified).toMatchObject({ phoneMasked: '138****0101', head: true })
    const me = await env.ok<Me>('account', dechen, 'getMe')
    expect(me.user.name).toBe('德吉')
    expect(me.household).toMatchObject({ head: true, address: '幸福路 1 号' })
    expect(me.roles.map((r) => r.role)).toEqual(['resident'])
    const points = await env.ok('points', dechen, 'myPoints', {})
    expect(points.household.id).toBe(me.household!.id)
    const entry = (await auditOf('membership.roster'))[0]!
    expect(entry).toMatchObject({
      actorId: stableId('wx', 'o-dechen-0001'),
      subjectId: stableId('wx', 'o-dechen-0001'),
    })
  })

  it('a member by phone joins as a member; a phone verified by another account is refused; a forged code too', async () => {
    await importHouseholds([
      ['513328100001-G02', '', 'A-101', '德吉', '13800000101', '幸福路 1 号', 3, '次旦 13800000102'],
    ])
    const ciden = wx('o-ciden-00001')
    await env.ok('account', ciden, 'verifyPhone', { phoneCode: 'demo:13800000102' })
    const me = await env.ok<Me>('account', ciden, 'getMe')
    expect(me.household?.head).toBe(false)
    const other = await env.call('account', wx('o-someone-else'), 'verifyPhone', { phoneCode: 'demo:13800000102' })
    expect(other).toMatchObject({ ok: false, code: 'ACCOUNT.PHONE_TAKEN' })
    const forged = await env.call('account', wx('o-forger-0001'), 'verifyPhone', { phoneCode: '13800000102' })
    expect(forged).toMatchObject({ ok: false, code: 'ACCOUNT.PHONE_NOT_VERIFIED' })
  })

  it('a phone not in the roster only verifies; joining asks the grid worker, who sees it and approves', async () => {
    const pema = wx('o-pema-000001')
    const nameless = await env.ok('account', pema, 'verifyPhone', { phoneCode: 'demo:13700000001' })
    expect(nameless.householdId).toBeNull()
    await env.ok('account', pema, 'setResidence', { gridId: '513328100001-G01' })
    const [hh] = (await env.ok('account', pema, 'listHouseholds', { gridId: '513328100001-G01' })).items
    const noName = await env.call('account', pema, 'requestJoin', { householdId: hh.id })
    expect(noName).toMatchObject({ ok: false, code: 'ACCOUNT.NAME_NEEDED' })
    await env.ok('account', pema, 'setProfile', { name: '白玛' })
    const request = await env.ok('account', pema, 'requestJoin', { householdId: hh.id })
    const pending = await env.ok('account', 'u-zhaxi', 'listJoinRequests', {})
    expect(pending.items.map((r: { requester: { name: string } }) => r.requester.name)).toContain('白玛')
    await env.ok('account', 'u-zhaxi', 'decideJoinRequest', { joinRequestId: request.id, decision: 'approve' })
    const me = await env.ok<Me>('account', pema, 'getMe')
    expect(me.household?.id).toBe(hh.id)
    expect(await auditOf('membership.approve')).toHaveLength(1)
  })
})

async function importHouseholds(rows: Array<Array<string | number>>, as = ADMIN, unitId = COUNTY) {
  const job = await uploadAndCheck(env, as, 'household', unitId, await xlsx([HOUSEHOLD_HEADER, ...rows]))
  expect(job.problems).toEqual([])
  return commitAll(env, as, job.id)
}

describe('roster imports', () => {
  const good = (i: number) => [
    '513328100001-G02',
    '',
    `B-${String(i).padStart(3, '0')}`,
    `户主${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 10) % 10]}`,
    `1380001${String(i).padStart(4, '0')}`,
    `幸福路 ${i} 号`,
    3,
    '',
  ]

  it("the dry run lists every bad row (row, column, reason) in the reader's language and writes nothing", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => good(i + 1))
    rows[2]![4] = '12345' // row 4: a phone that is not one
    rows[5]![0] = '513328100001-G09' // row 7: no such grid
    rows[8]![3] = '' // row 10: no head
    rows[11]![2] = rows[10]![2]! // row 13: the same household as row 12
    rows[14]![6] = 'many' // row 16: not a number
    const file = await xlsx([HOUSEHOLD_HEADER, ...rows])
    const job = await uploadAndCheck(env, ADMIN, 'household', COUNTY, file)
    expect(job.rows).toBe(20)
    expect(job.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [4, '电话'],
      [7, '网格编码'],
      [10, '户主姓名'],
      [13, '户号'],
      [16, '人口数'],
    ])
    expect(job.problems[3].reason).toContain('第 12 行')
    const bo = await env.ok('account', ADMIN, 'getImport', { jobId: job.id }, undefined, { lang: 'bo' })
    expect(bo.problems[0].reason).toBe('ཁ་པར་ཨང་མི་འགྲིག ཨང་གྲངས་ 11 དགོས།')
    expect(await env.rt.db.count(C.households, { gridId: '513328100001-G02' })).toBe(
      (await env.rt.db.find(C.households, { where: { gridId: '513328100001-G02' }, limit: 100 })).length,
    )
    const commit = await env.call('account', ADMIN, 'commitImport', { jobId: job.id, chunk: 0 })
    expect(commit).toMatchObject({ ok: false, code: 'ACCOUNT.IMPORT_HAS_PROBLEMS' })
    expect(await env.rt.db.count(C.audit_log, { what: 'roster.import' })).toBe(0)
  })

  it('commits in chunks, each with its audit entry in the same transaction; the same file again changes nothing', async () => {
    const before = await env.rt.db.count(C.households, {})
    const rows = Array.from({ length: 230 }, (_, i) => good(i + 1))
    const file = await xlsx([HOUSEHOLD_HEADER, ...rows])
    const job = await uploadAndCheck(env, ADMIN, 'household', COUNTY, file, 4_000)
    expect(job.chunks).toBe(3)
    const done = await commitAll(env, ADMIN, job.id)
    expect(done).toMatchObject({ status: 'done', created: 230, updated: 0, pending: [] })
    expect(await env.rt.db.count(C.households, {})).toBe(before + 230)
    expect(await env.rt.db.count(C.roster_people, {})).toBe(230)
    const entries = await auditOf('roster.import')
    expect(entries).toHaveLength(3)
    expect(entries.reduce((n, e) => n + (e.after as { created: string[] }).created.length, 0)).toBe(230)
    // a chunk committed again (a retry after a lost reply, with a new request id) writes nothing
    const again = await env.ok('account', ADMIN, 'commitImport', { jobId: job.id, chunk: 1 }, rid())
    expect(again.created).toBe(230)
    expect(await auditOf('roster.import')).toHaveLength(3)
    // the same file once more: found by grid + 户号, nothing changes and nothing is audited
    const second = await uploadAndCheck(env, ADMIN, 'household', COUNTY, file)
    const sdone = await commitAll(env, ADMIN, second.id)
    expect(sdone).toMatchObject({ created: 0, updated: 0, unchanged: 230 })
    expect(await auditOf('roster.import')).toHaveLength(3)
  })

  it('an edited file updates only what changed, with before → after', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => good(i + 1))
    await importHouseholds(rows)
    rows[1]![5] = '幸福路 2 号附 1'
    const done = await importHouseholds(rows)
    expect(done).toMatchObject({ created: 0, updated: 1, unchanged: 4 })
    const entries = await auditOf('roster.import')
    expect(entries).toHaveLength(2)
    const last = entries.find((e) => (e.before as unknown[]).length > 0)!
    expect(last.before).toEqual([expect.objectContaining({ address: '幸福路 2 号' })])
    expect(last.after).toMatchObject({ changed: [expect.objectContaining({ address: '幸福路 2 号附 1' })] })
  })

  it('export → import is a round trip that changes nothing (seeded households included)', async () => {
    await importHouseholds([good(1), good(2)])
    const exported = await env.ok('account', ADMIN, 'exportRoster', { kind: 'household', unitId: '513328100001' })
    const beforeDocs = await env.rt.db.find(C.households, { where: { villageId: '513328100001' }, limit: 500 })
    const job = await uploadAndCheck(env, ADMIN, 'household', '513328100001', Buffer.from(exported.base64, 'base64'))
    expect(job.problems).toEqual([])
    const done = await commitAll(env, ADMIN, job.id)
    expect(done.created + done.updated).toBe(0)
    expect(done.unchanged).toBe(exported.rows)
    const afterDocs = await env.rt.db.find(C.households, { where: { villageId: '513328100001' }, limit: 500 })
    expect(afterDocs).toEqual(beforeDocs)
  })

  it('a village official imports only into their village; phones already in another household are reported', async () => {
    const outside = await env.call('account', 'u-lixiuying', 'startImport', {
      kind: 'household',
      unitId: '513328101201',
      fileName: 'x.xlsx',
      parts: 1,
    })
    expect(outside).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
    await importHouseholds([good(1)])
    const clash = [...good(2)]
    clash[4] = good(1)[4]!
    const job = await uploadAndCheck(
      env,
      'u-lixiuying',
      'household',
      '513328100001',
      await xlsx([HOUSEHOLD_HEADER, clash]),
    )
    expect(job.problems).toEqual([{ row: 2, column: '电话', reason: '这个手机号已登记在另一户' }])
  })

  it('the template downloads with Chinese headers and an example row that importing skips', async () => {
    const t = await env.ok('account', ADMIN, 'importTemplate', { kind: 'household' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ExcelJS.Buffer)
    const header = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1)
    expect(header).toEqual(HOUSEHOLD_HEADER)
    const job = await uploadAndCheck(env, ADMIN, 'household', COUNTY, Buffer.from(t.base64, 'base64'))
    expect(job).toMatchObject({ rows: 0, problems: [], chunks: 0 })
  })

  it('a staff roster gives roles when the phone is verified, or at once to an account that verified it', async () => {
    await env.ok('account', wx('o-tenzin-0001'), 'verifyPhone', { phoneCode: 'demo:13600000002' })
    const file = await xlsx([
      STAFF_HEADER,
      ['丹增', '13600000001', '网格员', '513328100001-G02', ''],
      ['次仁曲珍', '13600000002', '信息员', '', '甘孜县 › 甘孜镇 › 旭日岭社区 › 旭日岭社区第二网格'],
      ['错误', '136', '队长', '', '没有这个单位'],
    ])
    const bad = await uploadAndCheck(env, 'u-lixiuying', 'staff', '513328100001', file)
    expect(bad.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [4, '电话'],
      [4, '身份'],
      [4, '单位'],
    ])
    const fixed = await xlsx([
      STAFF_HEADER,
      ['丹增', '13600000001', '网格员', '513328100001-G02', ''],
      ['次仁曲珍', '13600000002', '信息员', '', '甘孜县 › 甘孜镇 › 旭日岭社区 › 旭日岭社区第二网格'],
    ])
    const job = await uploadAndCheck(env, 'u-lixiuying', 'staff', '513328100001', fixed)
    await commitAll(env, 'u-lixiuying', job.id)
    const tenzin = await env.ok<Me>('account', wx('o-tenzin-0001'), 'getMe')
    expect(tenzin.roles.map((r) => r.role)).toEqual(['info_collector'])
    const later = wx('o-danzeng-001')
    const verified = await env.ok('account', later, 'verifyPhone', { phoneCode: 'demo:13600000001' })
    expect(verified.roles.map((r: { role: string }) => r.role)).toEqual(['grid_worker'])
    const gridWorker = await env.call('account', 'u-zhaxi', 'startImport', {
      kind: 'staff',
      unitId: '513328100001-G01',
      fileName: 'x.xlsx',
      parts: 1,
    })
    expect(gridWorker).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    const deptAtGrid = await uploadAndCheck(
      env,
      'u-lixiuying',
      'staff',
      '513328100001',
      await xlsx([STAFF_HEADER, ['某某', '13600000009', '职能部门办理人', '513328100001-G01', '']]),
    )
    expect(deptAtGrid.problems[0].reason).toBe('这个身份不能设在这个单位')
  })
})

describe('roles without one code per person', () => {
  it('an official grants a role to a known person in scope, revokes it with a reason, and the history shows both', async () => {
    const pema = wx('o-pema-000002')
    await env.ok('account', pema, 'verifyPhone', { phoneCode: 'demo:13700000002' })
    await env.ok('account', pema, 'setResidence', { gridId: '513328100001-G02' })
    await env.ok('account', pema, 'setProfile', { name: '白玛' })
    const found = await env.ok('account', 'u-lixiuying', 'findPeople', { unitId: '513328100001', query: '13700000002' })
    expect(found.items).toEqual([expect.objectContaining({ name: '白玛', phoneMasked: '137****0002' })])
    const userId = found.items[0].userId
    await env.ok('account', 'u-lixiuying', 'grantRole', { userId, role: 'grid_worker', unitId: '513328100001-G02' })
    const twice = await env.call('account', 'u-lixiuying', 'grantRole', {
      userId,
      role: 'grid_worker',
      unitId: '513328100001-G02',
    })
    expect(twice).toMatchObject({ ok: false, code: 'ACCOUNT.ALREADY_HAS_ROLE' })
    expect((await env.ok<Me>('account', pema, 'getMe')).permissions).toContain('household_approve')
    await env.ok('account', 'u-lixiuying', 'revokeRole', {
      userId,
      role: 'grid_worker',
      unitId: '513328100001-G02',
      reason: '调到乡里工作',
    })
    expect((await env.ok<Me>('account', pema, 'getMe')).permissions).not.toContain('household_approve')
    const history = await env.ok('account', 'u-lixiuying', 'roleHistory', { userId, unitId: '513328100001' })
    expect(history.items.map((i: { what: string; role: string; by: string }) => [i.what, i.role, i.by])).toEqual([
      ['撤销身份', '网格员', '李秀英'],
      ['授予身份', '网格员', '李秀英'],
    ])
    const revoke = (await auditOf('role.revoke'))[0]!
    expect(revoke.after).toMatchObject({ reason: '调到乡里工作' })
  })

  it('grants stay within scope and the role table: no roles one may not invite, no one unknown, no other village', async () => {
    const notMine = await env.call('account', 'u-zhaxi', 'grantRole', {
      userId: 'u-zhuoma',
      role: 'village_official',
      unitId: '513328100001',
    })
    expect(notMine).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
    const higher = await env.call('account', 'u-zhaxi', 'grantRole', {
      userId: 'u-zhuoma',
      role: 'grid_worker',
      unitId: '513328100001-G01',
    })
    expect(higher).toMatchObject({ ok: false, code: 'ACCOUNT.CANNOT_GRANT_ROLE' })
    const other = await env.call('account', 'u-lixiuying', 'grantRole', {
      userId: 'u-zhuoma',
      role: 'grid_worker',
      unitId: '513328101201-G01',
    })
    expect(other).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
    await env.ok('account', wx('o-nobody-0001'), 'getMe')
    const unknown = await env.call('account', 'u-lixiuying', 'grantRole', {
      userId: stableId('wx', 'o-nobody-0001'),
      role: 'grid_worker',
      unitId: '513328100001-G02',
    })
    expect(unknown).toMatchObject({ ok: false, code: 'ACCOUNT.PERSON_UNKNOWN' })
    expect(await env.rt.db.count(C.audit_log, {})).toBe(0)
  })

  it('prints one one-time, expiring grid-worker code per grid of a township, with a QR image per row', async () => {
    const sheet = await env.ok('account', 'u-zhoumin', 'createInviteSheet', {
      role: 'grid_worker',
      parentId: '513328100',
    })
    expect(sheet.rows).toBe(3)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(sheet.base64, 'base64') as unknown as ExcelJS.Buffer)
    const ws = wb.worksheets[0]!
    expect(ws.getImages()).toHaveLength(3)
    const codes = [2, 3, 4].map((r) => String(ws.getRow(r).getCell(3).value))
    const invites = await env.rt.db.find(C.invites, { where: { createdBy: 'u-zhoumin' }, limit: 10 })
    expect(invites.map((i) => i._id).sort()).toEqual([...codes].sort())
    expect(new Set(invites.map((i) => i.unitId))).toEqual(
      new Set(['513328100001-G01', '513328100001-G02', '513328100001-G03']),
    )
    await env.ok('account', 'u-wangdeming', 'redeemInvite', { code: codes[0] })
    const reuse = await env.call('account', 'u-zhuoma', 'redeemInvite', { code: codes[0] })
    expect(reuse).toMatchObject({ ok: false, code: 'ACCOUNT.INVITE_USED' })
    env.clock.advance(169 * 3_600_000)
    const late = await env.call('account', 'u-zhuoma', 'redeemInvite', { code: codes[1] })
    expect(late).toMatchObject({ ok: false, code: 'ACCOUNT.INVITE_EXPIRED' })
    expect(await auditOf('invite.sheet')).toHaveLength(1)
    expect(await auditOf('role.invite')).toHaveLength(1)
    // drawing QR images is CPU work: a busy machine may take longer than jest's default 5 s (no timing is asserted)
  }, 30_000)
})

describe('the audit log', () => {
  it('county admins view, filter and export it; others cannot', async () => {
    await env.ok('account', ADMIN, 'createUnit', { parentId: COUNTY, level: 'township', name: '来马乡' })
    await env.ok('points', 'u-lixiuying', 'saveSettings', {
      villageId: '513328100001',
      publicityDays: 5,
      pickupDays: 7,
    })
    const all = await env.ok('account', ADMIN, 'listAudit', { unitId: COUNTY })
    expect(all.items.map((i: { what: string }) => i.what)).toEqual(['points.settings', 'unit.create'])
    const byWho = await env.ok('account', ADMIN, 'listAudit', { unitId: COUNTY, actorId: 'u-lixiuying' })
    expect(byWho.items).toHaveLength(1)
    expect(byWho.items[0]).toMatchObject({ whatLabel: '修改积分设置', actor: { name: '李秀英' } })
    const byVillage = await env.ok('account', ADMIN, 'listAudit', { unitId: '513328100001' })
    expect(byVillage.total).toBe(1)
    const byTime = await env.ok('account', ADMIN, 'listAudit', { unitId: COUNTY, from: env.clock.now() + 1 })
    expect(byTime.total).toBe(0)
    const csv = await env.ok('account', ADMIN, 'exportAudit', { unitId: COUNTY, format: 'csv' })
    const text = Buffer.from(csv.base64, 'base64').toString('utf8')
    expect(text).toContain('修改积分设置')
    expect(csv.rows).toBe(2)
    const xlsxFile = await env.ok('account', ADMIN, 'exportAudit', { unitId: COUNTY })
    expect(xlsxFile.filename).toBe('audit-log.xlsx')
    const official = await env.call('account', 'u-lixiuying', 'listAudit', { unitId: '513328100001' })
    expect(official).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
  })

  it('an entry lands with its change or not at all: a refused change leaves no entry, a replay adds none', async () => {
    const requestId = rid('unit')
    await env.ok('account', ADMIN, 'createUnit', { parentId: COUNTY, level: 'township', name: '来马乡' }, requestId)
    await env.ok('account', ADMIN, 'createUnit', { parentId: COUNTY, level: 'township', name: '来马乡' }, requestId)
    expect(await auditOf('unit.create')).toHaveLength(1)
    const dup = await env.call('account', ADMIN, 'createUnit', { parentId: COUNTY, level: 'township', name: '来马乡' })
    expect(dup).toMatchObject({ ok: false, code: 'ACCOUNT.NAME_TAKEN' })
    expect(await auditOf('unit.create')).toHaveLength(1)
  })
})
