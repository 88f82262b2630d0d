import { can, canGrantRole, hasAnywhere, scopeRoots } from './access'
import { ROLES, ROLE_NAMES } from './roles'
import { PERMISSION_NAMES } from './permissions'

const VILLAGE = ['513300', '513328', '513328100', '513328100001']
const GRID = [...VILLAGE, '513328100001-G01']
const OTHER_GRID = ['513300', '513328', '513328101', '513328101201', '513328101201-G01']

describe('role table', () => {
  it('every role grants only known permissions and can be held somewhere', () => {
    for (const role of ROLE_NAMES) {
      expect(ROLES[role].levels.length).toBeGreaterThan(0)
      for (const p of ROLES[role].permissions) expect(PERMISSION_NAMES).toContain(p)
      for (const g of ROLES[role].grants) expect(ROLE_NAMES).toContain(g)
    }
  })

  it('every permission is held by some role besides the system admin', () => {
    for (const p of PERMISSION_NAMES) {
      const holders = ROLE_NAMES.filter((r) => r !== 'system_admin' && ROLES[r].permissions.includes(p))
      expect({ p, holders: holders.length > 0 }).toEqual({ p, holders: true })
    }
  })

  it('only roles with invite_create can grant roles', () => {
    for (const role of ROLE_NAMES)
      if (ROLES[role].grants.length) expect(ROLES[role].permissions).toContain('invite_create')
  })
})

describe('scoped access', () => {
  const official = [{ role: 'village_official' as const, unitId: '513328100001' }]

  it('a grant covers its unit and everything below it, nothing beside or above', () => {
    expect(can(official, 'points_approve', VILLAGE)).toBe(true)
    expect(can(official, 'incident_accept', GRID)).toBe(true)
    expect(can(official, 'incident_accept', OTHER_GRID)).toBe(false)
    expect(can(official, 'incident_accept', ['513300', '513328', '513328100'])).toBe(false)
    expect(can(official, 'incident_dispatch', GRID)).toBe(false)
  })

  it('exhaustively: for every role and permission, access in scope equals the role table', () => {
    for (const role of ROLE_NAMES) {
      const grants = [{ role, unitId: '513328100001' }]
      for (const p of PERMISSION_NAMES) {
        expect(can(grants, p, GRID)).toBe(ROLES[role].permissions.includes(p))
        expect(can(grants, p, OTHER_GRID)).toBe(false)
        expect(hasAnywhere(grants, p)).toBe(ROLES[role].permissions.includes(p))
      }
    }
  })

  it('scope roots and grantable roles', () => {
    const both = [...official, { role: 'grid_worker' as const, unitId: '513328101201-G01' }]
    expect(scopeRoots(both, 'incident_accept').sort()).toEqual(['513328100001', '513328101201-G01'])
    expect(scopeRoots(both, 'points_approve')).toEqual(['513328100001'])
    expect(canGrantRole(official, 'grid_worker', GRID)).toBe(true)
    expect(canGrantRole(official, 'dispatcher', VILLAGE)).toBe(false)
    expect(canGrantRole(official, 'grid_worker', OTHER_GRID)).toBe(false)
  })
})
