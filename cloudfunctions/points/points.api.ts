/**
 * What other domains may use of the points domain: crediting points earned by work (patrol duty, volunteer hours,
 * a useful grid report).
 */
export { creditReportReward, creditSystemAward } from './points.award'
