import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { Regime } from '../obligations/regime-schema.js';
import { parseContent, type NoticeKind } from './notice-content.js';
import { checklistOf, type Checklist } from './notice-checklist.js';
import { lifecycleEvent, type NoticeStep, type StepVersion } from './notice-lifecycle.js';
import type { NoticeRow, NoticeVersionRow } from './notice-tables.js';
import type { NoticeRenderer } from './render/renderer.js';

/** What a draft starts from when the request does not say: the organisation's name and the sender its readers see. */
export interface OrganizationDefaults {
  name: string | null;
  senderName: string | null;
  senderAddress: string | null;
}

/** What the notice services share, built once at start-up. */
export interface NoticeDeps {
  db: Kysely<Database>;
  incidents: IncidentService;
  renderer: NoticeRenderer;
  regimes: readonly Regime[];
  clock: Clock;
  /** The organisation settings, falling back to MAIL_FROM for the sender (never Breachline's built-in default). */
  organization: () => Promise<OrganizationDefaults>;
}

/** The lifecycle hears about notices from the notices domain itself, never from the person acting. */
export const NOTICES_ACTOR: Actor = { kind: 'system', id: 'notices' };

/** A report's obligation id; the notice to individuals has none. */
export const obligationOf = (notice: Pick<NoticeRow, 'kind' | 'target'>): string | null => (notice.kind === 'report' ? notice.target : null);

/** What the version must say, what it leaves blank and what still holds suggested text, in every locale it is written in. */
export const checklist = (deps: NoticeDeps, notice: NoticeRow, version: NoticeVersionRow): Checklist =>
  checklistOf(deps.regimes, notice.kind as NoticeKind, parseContent(version.content), obligationOf(notice));

/** Sends the step's event to the incident in the caller's transaction: refused means nothing is written. */
export async function moveTrack(
  deps: NoticeDeps,
  trx: Kysely<Database>,
  notice: NoticeRow,
  step: NoticeStep,
  version: StepVersion,
  expectedVersion?: number,
): Promise<void> {
  await deps.incidents.dispatchIn(trx, notice.incidentId, lifecycleEvent(notice, step, version), { actor: NOTICES_ACTOR, expectedVersion });
}

/** One audit row on the incident's chain, in the transaction that made the change. */
export async function auditNotice(
  trx: Kysely<Database>,
  notice: NoticeRow,
  actor: Actor,
  action: string,
  payload: Record<string, unknown>,
  at: string,
): Promise<void> {
  await appendAudit(trx, { incidentId: notice.incidentId, actor, action: `notice.${action}`, payload: { noticeId: notice.id, target: notice.target, ...payload }, at });
}
