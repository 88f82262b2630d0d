/** What other domains may use of the volunteer domain: recording volunteer hours earned elsewhere (patrols). */
export { recordVolunteerHours, type RecordHoursInput } from './volunteer.hours'
