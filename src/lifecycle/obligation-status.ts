import type { IncidentContext, Obligation } from './incident-context.js';
import { isSettled } from './obligation-machine.js';

/**
 * Duties to regulators, the media and others are the regulators track's children, each with its own
 * report lifecycle. A duty to individuals has no report of its own: the individuals track's notice
 * settles it (sent, or legal recorded that no notice is needed).
 */
export const isTrackChild = (obligation: Obligation): boolean => obligation.recipient !== 'individuals';

export function isObligationSettled(context: IncidentContext, obligation: Obligation): boolean {
  if (isTrackChild(obligation)) return isSettled(obligation.status);
  return context.individuals.notRequired !== null || context.clock.individualsNotifiedAt !== null;
}

export const unsettledObligations = (context: IncidentContext): Obligation[] =>
  context.obligations.filter((o) => !isObligationSettled(context, o));
