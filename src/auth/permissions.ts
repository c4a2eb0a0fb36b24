import type { Role } from './actor.js';

/**
 * Who may do what, by capability. The API routes and the console read the same lists, so a page
 * never offers what the server would refuse, and the server refuses what a page does not offer.
 * Incident events have their own table (lifecycle/event-permissions.ts): there the event decides.
 */
export const PERMISSIONS = {
  /** Everyone who works cases reads them; ingest tokens only feed alerts. */
  read: ['admin', 'responder', 'legal', 'viewer'],
  /** Lists of people (recipients, delivery failures) are personal data: not for viewers. */
  readPersonalData: ['admin', 'responder', 'legal'],
  openIncident: ['admin', 'responder'],
  /** May send incident events at all; each event then has its own roles. */
  sendIncidentEvents: ['admin', 'responder', 'legal'],
  writeNotices: ['admin', 'responder', 'legal'],
  /** Approving or sending back words that reach people and regulators is legal's call alone. */
  reviewNotices: ['legal'],
  importRecipients: ['admin', 'responder'],
  startSends: ['admin', 'responder'],
  /** Anyone on the case may stop a send that looks wrong; only responders start or resume one. */
  stopSends: ['admin', 'responder', 'legal'],
  actOnAlerts: ['admin', 'responder'],
  administer: ['admin'],
  /** Any valid token may ask whom it belongs to (the CLI's login checks a token this way). */
  identify: ['admin', 'responder', 'legal', 'ingest', 'viewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const may = (role: Role, permission: Permission): boolean => (PERMISSIONS[permission] as readonly Role[]).includes(role);
