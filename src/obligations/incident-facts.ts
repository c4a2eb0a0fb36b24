import type { IncidentContext } from '../lifecycle/incident-context.js';
import type { AssessmentFacts } from './assessment-facts.js';

/** An incident's scope and clock facts, in the words the engine assesses. */
export const factsFromIncident = (context: IncidentContext): AssessmentFacts => ({ ...context.clock, ...context.scope });
