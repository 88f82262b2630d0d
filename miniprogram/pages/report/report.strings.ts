import { defineMessages } from '@shared/i18n/i18n'

/** The report form (随手拍, main package): its own words; categories and severities come from the server. */
export const REPORT = defineMessages({
  near_same_cell: { zh: '约 200 米内', bo: 'སྨི་ 200 ཙམ་གྱི་ནང་།' },
  near_next_cell: { zh: '约 400 米内', bo: 'སྨི་ 400 ཙམ་གྱི་ནང་།' },
})
