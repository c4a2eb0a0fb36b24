import type { Role } from '../auth/actor.js';
import type { PublicEventType } from './events.js';

/**
 * Which roles may send each public event. Legal decisions (that nobody needs telling, that an
 * obligation does not apply) belong to legal alone; admins run the system and may drive an incident,
 * but do not make legal calls. System events are sent only by Breachline's own services.
 */
const RESPONSE: Role[] = ['admin', 'responder'];
const RESPONSE_AND_LEGAL: Role[] = ['admin', 'responder', 'legal'];
const LEGAL: Role[] = ['legal'];

export const EVENT_ROLES: Record<PublicEventType, readonly Role[]> = {
  CONFIRM: RESPONSE,
  DISMISS: RESPONSE,
  RECORD_CONTAINMENT_ACTION: RESPONSE,
  MARK_CONTAINED: RESPONSE,
  UPDATE_SCOPE: RESPONSE_AND_LEGAL,
  SET_RESPONDERS: RESPONSE,
  INDIVIDUALS_NOTICE_REQUIRED: RESPONSE_AND_LEGAL,
  INDIVIDUALS_NOT_REQUIRED: LEGAL,
  OBLIGATION_NOT_REQUIRED: LEGAL,
  RECORD_LEGAL_FINDING: LEGAL,
  REPORT_SUBMITTED: RESPONSE_AND_LEGAL,
  COMPLETE_REVIEW: RESPONSE_AND_LEGAL,
  CLOSE: RESPONSE_AND_LEGAL,
  REOPEN: RESPONSE_AND_LEGAL,
};

export const mayRoleSend = (role: Role, type: PublicEventType): boolean => EVENT_ROLES[type].includes(role);
