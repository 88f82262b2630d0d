/**
 * What other domains may use of the incident domain (dependency-cruiser enforces it): creating a grid report
 * inside their own transaction (a hazard found on patrol becomes a report in the same commit). The caller's
 * action checks the draft's text (`texts`) and adopts its photos (`photos`); the messages `createIncidentInTx`
 * writes are pushed by the incident function's `sendPushes` timer.
 */
export { createIncidentInTx, prepareIncident, type IncidentDraft, type PreparedIncident } from './incident.create'
