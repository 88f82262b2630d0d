import type { Household, RoleAssignment, Unit, User } from '@shared/account/account.schema'
import type { RoleName } from '@shared/auth/roles'
import { C } from '../cloudfunctions/_core/collections'
import type { SqlitePort } from '../cloudfunctions/_core/sqlite-port'
import { personName, Rng } from './prng'

/**
 * The synthetic prefecture's tree and people, at Ganzi's proportions: at 1× 18 counties, ~300 townships,
 * 1,069 villages, 3,275 grids, ~300,000 households, 5,300 grid workers and 32,500 patrol volunteers.
 */
export interface Tree {
  prefecture: Unit
  counties: Unit[]
  townships: Unit[]
  villages: Unit[]
  grids: Unit[]
  departments: Unit[]
  /** households by grid id */
  households: Household[]
  residentsByGrid: Map<string, string[]>
  gridWorkers: Map<string, string>
  officials: Map<string, [string, string]>
  storeKeepers: Map<string, string>
  dispatchers: Map<string, string>
  deptHandlers: Map<string, string>
  patrolVolunteers: Map<string, string[]>
  orgAdmins: Map<string, string>
  userHousehold: Map<string, string>
}

const AT_1X = { counties: 18, townships: 300, villages: 1069, grids: 3275, households: 300_000, patrol: 32_500 }

export function generateTree(db: SqlitePort, scale: number, seed: number, now: number): Tree {
  const rng = new Rng(seed)
  const n = (x: number) => Math.max(1, Math.round(x * scale))
  const counts = {
    counties: n(AT_1X.counties),
    townships: n(AT_1X.townships),
    villages: n(AT_1X.villages),
    grids: n(AT_1X.grids),
    households: n(AT_1X.households),
    patrol: n(AT_1X.patrol),
  }
  const units: Unit[] = []
  const mk = (id: string, name: string, level: Unit['level'], parent: Unit | null, kind: Unit['kind'] = null): Unit => {
    const u: Unit = { _id: id, name, level, parentId: parent?._id ?? null, path: [...(parent?.path ?? []), id], kind }
    units.push(u)
    return u
  }
  const prefecture = mk('B00', '基准州', 'prefecture', null)
  const spread = <P extends Unit>(parents: P[], total: number, make: (p: P, i: number) => Unit): Unit[] => {
    const out: Unit[] = []
    for (let i = 0; i < total; i++) {
      const p = parents[i % parents.length] as P
      out.push(make(p, Math.floor(i / parents.length) + 1))
    }
    return out
  }
  const pad = (i: number, w = 2) => String(i).padStart(w, '0')
  const counties = spread([prefecture], counts.counties, (p, i) => mk(`${p._id}-C${pad(i)}`, `基准县${i}`, 'county', p))
  const townships = spread(counties, counts.townships, (p, i) =>
    mk(`${p._id}-T${pad(i)}`, `${p.name}第${i}乡`, 'township', p),
  )
  const villages = spread(townships, counts.villages, (p, i) =>
    mk(`${p._id}-V${pad(i)}`, `${p.name}${i}村`, 'village', p, rng.chance(0.3) ? 'urban' : 'rural'),
  )
  const grids = spread(villages, counts.grids, (p, i) => mk(`${p._id}-G${pad(i)}`, `${p.name}${i}组`, 'grid', p))
  const departments = counties.flatMap((c) =>
    ['住建局', '派出所', '应急局', '司法局'].map((d, i) => mk(`${c._id}-D${i + 1}`, `${c.name}${d}`, 'department', c)),
  )
  db.bulkInsert(C.units, units)

  const users: User[] = []
  const roles: RoleAssignment[] = []
  const households: Household[] = []
  const tree: Tree = {
    prefecture,
    counties,
    townships,
    villages,
    grids,
    departments,
    households,
    residentsByGrid: new Map(),
    gridWorkers: new Map(),
    officials: new Map(),
    storeKeepers: new Map(),
    dispatchers: new Map(),
    deptHandlers: new Map(),
    patrolVolunteers: new Map(),
    orgAdmins: new Map(),
    userHousehold: new Map(),
  }
  let uid = 0
  const person = (
    role: RoleName,
    unitId: string,
    householdId: string | null = null,
    residence: string | null = null,
  ): string => {
    const id = `bu${(uid++).toString(36)}`
    users.push({
      _id: id,
      openid: null,
      name: personName(rng),
      phone: `139${String(10_000_000 + uid).slice(-8)}`,
      householdId,
      residenceUnitId: residence,
      createdAt: now,
      grants: [{ _id: `bra-${id}-${role}`, role, unitId }],
      // as a person's first call makes them: no teams yet, kept from then on by saveTeam
      patrolTeamIds: [],
    })
    roles.push({
      _id: `bra-${id}-${role}`,
      userId: id,
      role,
      unitId,
      grantedBy: null,
      via: 'seed',
      createdAt: now,
      revokedAt: null,
      // the holder's WeChat id and language, as saveRoleAssignment keeps them (none chosen yet)
      holder: { openid: null, lang: null },
    })
    return id
  }
  for (let i = 0; i < counts.households; i++) {
    const grid = grids[i % grids.length] as Unit
    const hh: Household = {
      _id: `bh${i.toString(36)}`,
      villageId: grid.parentId as string,
      gridId: grid._id,
      headName: personName(rng),
      address: `${(i % 90) + 1} 号`,
    }
    households.push(hh)
    const head = person('resident', grid._id, hh._id, grid._id)
    tree.userHousehold.set(head, hh._id)
    const list = tree.residentsByGrid.get(grid._id) ?? []
    list.push(head)
    tree.residentsByGrid.set(grid._id, list)
  }
  for (const g of grids) tree.gridWorkers.set(g._id, person('grid_worker', g._id))
  for (const v of villages) {
    tree.officials.set(v._id, [person('village_official', v._id), person('village_official', v._id)])
    tree.storeKeepers.set(v._id, person('store_keeper', v._id))
    tree.orgAdmins.set(v._id, person('org_admin', v._id))
  }
  for (let i = 0; i < counts.patrol; i++) {
    const v = villages[i % villages.length] as Unit
    const list = tree.patrolVolunteers.get(v._id) ?? []
    list.push(person(list.length === 0 ? 'patrol_captain' : 'patrol_volunteer', v._id))
    tree.patrolVolunteers.set(v._id, list)
  }
  for (const t of townships) tree.dispatchers.set(t._id, person('dispatcher', t._id))
  for (const d of departments) tree.deptHandlers.set(d._id, person('dept_handler', d._id))
  db.bulkInsert(C.households, households)
  db.bulkInsert(C.users, users)
  db.bulkInsert(C.role_assignments, roles)
  return tree
}
