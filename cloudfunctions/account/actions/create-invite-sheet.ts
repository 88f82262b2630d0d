import type ExcelJS from 'exceljs'
import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { roleLabel } from '@shared/account/account.messages'
import { ACCOUNT_SERVER } from '@shared/account/account.server.messages'
import { canGrantRole } from '@shared/auth/access'
import { ROLES } from '@shared/auth/roles'
import { textOf } from '@shared/i18n/i18n'
import { formatBj } from '@shared/time/beijing'
import { audit } from '../../_core/audit'
import { asGrants } from '../../_core/caller'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadLiveUnit, newInviteCode, subtreeOf } from '../account.repo'

const HOUR = 3_600_000
/** one transaction writes every code of the sheet: a township's grids, not a prefecture's */
const MAX_CODES = 200

/** What the QR code holds: the invite code, which the 邀请码 page reads when scanned. */
export function inviteQrText(code: string): string {
  return `LINLI-INVITE:${code}`
}

/**
 * One invite per unit below `parentId` where the role is held (each grid of a township for its grid workers), all
 * one-time and expiring, printed as an XLSX sheet: one row per unit with its name, the code and a QR code (PNG,
 * drawn here), for the township to hand out at a meeting instead of one code at a time.
 */
export const createInviteSheet = defineAction(accountContract.actions.createInviteSheet, {
  load: async ({ parentId, role }, ctx) => {
    const parent = await loadLiveUnit(ctx.rt, parentId)
    const below = await subtreeOf(ctx.rt, parent._id, 5_000)
    const units = [parent, ...(below ?? [])].filter((u) => !u.retiredAt && ROLES[role].levels.includes(u.level))
    return { unitId: parent._id, parent, units, tooMany: below === null }
  },
  run: async ({ input: { role, validHours }, loaded: { parent, units, tooMany }, ctx, tx }) => {
    if (!canGrantRole(asGrants(ctx.caller.grants), role, parent.path)) throw AccountErrors.CANNOT_GRANT_ROLE()
    if (!units.length) throw AccountErrors.NO_UNITS_FOR_ROLE()
    if (tooMany || units.length > MAX_CODES) throw AccountErrors.TOO_MANY_INVITES({ max: MAX_CODES })
    const codes: Array<{ unitId: string; code: string }> = []
    for (const u of units) {
      const code = newInviteCode()
      await tx.insert(C.invites, {
        _id: code,
        role,
        unitId: u._id,
        createdBy: ctx.caller.user._id,
        createdAt: ctx.now,
        expiresAt: ctx.now + validHours * HOUR,
        usedBy: null,
        usedAt: null,
      })
      codes.push({ unitId: u._id, code })
    }
    await audit(tx, ctx, {
      what: 'invite.sheet',
      unitId: parent._id,
      after: { role, units: codes.length, expiresAt: ctx.now + validHours * HOUR },
    })
    return { role, codes, expiresAt: ctx.now + validHours * HOUR }
  },
  // drawn afresh for a replay too: the codes are in the request record, the sheet is not
  present: async ({ result, ctx }) => {
    const t = (k: keyof typeof ACCOUNT_SERVER) => textOf(ACCOUNT_SERVER[k], ctx.lang)
    // loaded when a sheet is made, not when the function starts (issue #21)
    const { default: XL } = await import('exceljs')
    const wb = new XL.Workbook()
    const ws = wb.addWorksheet(roleLabel(result.role, ctx.lang))
    ws.columns = [
      { header: t('account.sheet.unit'), width: 36 },
      { header: t('account.sheet.role'), width: 16 },
      { header: t('account.sheet.code'), width: 14 },
      { header: t('account.sheet.expires'), width: 18 },
      { header: t('account.sheet.qr'), width: 22 },
    ]
    ws.getRow(1).font = { bold: true, size: 14 }
    for (const [i, c] of result.codes.entries()) {
      const ref = await ctx.rt.units.ref(c.unitId)
      const row = ws.addRow([
        ref?.fullName ?? c.unitId,
        roleLabel(result.role, ctx.lang),
        c.code,
        formatBj(result.expiresAt),
      ])
      row.height = 120
      row.font = { size: 14 }
      const png = await (
        await import('qrcode')
      ).default.toBuffer(inviteQrText(c.code), { type: 'png', width: 150, margin: 1 })
      const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' })
      ws.addImage(image, { tl: { col: 4, row: i + 1 }, ext: { width: 150, height: 150 } })
    }
    const buf = await wb.xlsx.writeBuffer()
    return {
      filename: `invites-${result.role}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: Buffer.from(buf as ArrayBuffer).toString('base64'),
      rows: result.codes.length,
    }
  },
})
