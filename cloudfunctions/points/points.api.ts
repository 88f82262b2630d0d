/** What other domains may use of the points domain: crediting points earned by work (patrol duty, volunteer hours). */
export { creditSystemAward } from './points.award'
