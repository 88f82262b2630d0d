/**
 * What other domains may use of the incident domain (dependency-cruiser enforces it): creating a grid report
 * inside their own transaction (a hazard found on patrol becomes a report in the same commit).
 */
export { createIncidentInTx, prepareIncident, type IncidentDraft, type PreparedIncident } from './create'
