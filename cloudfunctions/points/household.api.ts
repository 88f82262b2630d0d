/**
 * What the account domain uses of the points domain when its roster writes a household: its head, address and
 * village kept on the household's points account (which `myPoints` reads them from). A module of its own so that
 * the account function does not bundle the points ledger.
 */
export { keepHouseholdOnAccount } from './points.open'
