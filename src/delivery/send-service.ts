import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { actorRef, systemActor, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { ConflictError } from '../errors.js';
import type { EventInput } from '../lifecycle/events.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { IncidentView } from '../lifecycle/incident-view.js';
import type { NoticeQueries } from '../notices/notice-queries.js';
import type { NoticeRenderer } from '../notices/render/renderer.js';
import { prepareIndividualNotice, type PreparedNotice } from '../notices/prepared-notice.js';
import { recipientGroups } from '../recipients/recipient-queries.js';
import type { SendRow, SendStatus } from './delivery-tables.js';
import { countSend, findSend, hasPending, moveSend, sendsOf, sentSince, type SendCounts } from './send-store.js';
import { sendView, type SendView } from './send-view.js';

/** Called inside the transaction that paused a send because its messages kept failing. */
export type SendPausedHook = (trx: Kysely<Database>, incident: IncidentView, send: SendRow, reason: string, at: string) => Promise<void>;

export interface DeliverySendsDeps {
  db: Kysely<Database>;
  incidents: IncidentService;
  notices: NoticeQueries;
  renderer: NoticeRenderer;
  clock: Clock;
  onFailuresPaused?: SendPausedHook;
}

const DELIVERY = systemActor('delivery');
// The recent rate is measured over the last minute (or since the start, if sooner).
const RATE_WINDOW_MS = 60_000;

/**
 * Sends of the approved notice to individuals: starting one, pausing, resuming, cancelling and
 * finishing it. Each change of a send commits together with its lifecycle event, so the timeline
 * and the send can never disagree.
 */
export class DeliverySends {
  constructor(private readonly deps: DeliverySendsDeps) {}

  /** Starts sending the approved notice to every recipient imported so far. */
  async start(incidentId: string, actor: Actor): Promise<SendView> {
    const { db, incidents, clock } = this.deps;
    const at = clock().toISOString();
    const notice = await this.approvedNotice(incidentId, at);
    const id = randomUUID();
    const send = await db.transaction().execute(async (trx) => {
      const importing = await trx.selectFrom('recipientImports').select('id').where('incidentId', '=', incidentId).where('status', '=', 'running').executeTakeFirst();
      if (importing !== undefined) throw new ConflictError('a recipient import into this incident is still running: start the send once it has finished');
      const groups = await recipientGroups(trx, incidentId);
      const recipients = groups.reduce((sum, row) => sum + row.recipients, 0);
      if (recipients === 0) throw new ConflictError(`incident ${incidentId} has no recipients: import them first (POST /api/v1/incidents/${incidentId}/recipients)`);
      // Everyone must be able to read it: their own language, or the one where they live, when a template ships for it.
      const unwritten = new Map<string, number>();
      for (const row of groups) {
        const { locale } = notice.prepared.languageOf(row);
        if (!notice.prepared.locales.includes(locale)) unwritten.set(locale, (unwritten.get(locale) ?? 0) + row.recipients);
      }
      if (unwritten.size > 0) {
        const wanted = [...unwritten].map(([locale, n]) => `${n} in ${locale}`).join(', ');
        throw new ConflictError(
          `the approved notice is written in ${notice.prepared.locales.join(', ')}, but recipients read other languages (${wanted}): add those languages to the notice and approve it again`,
        );
      }
      const row: SendRow = {
        id,
        incidentId,
        noticeId: notice.noticeId,
        versionId: notice.versionId,
        contentHash: notice.contentHash,
        status: 'running',
        statusReason: null,
        recipients,
        recipientsUpTo: Math.max(...groups.map((r) => r.lastId)),
        preparedThrough: 0,
        finalCounts: null,
        createdBy: actorRef(actor),
        createdAt: at,
        updatedAt: at,
        finishedAt: null,
      };
      await trx.insertInto('deliverySends').values(row).execute();
      await incidents.dispatchIn(trx, incidentId, { type: 'INDIVIDUALS_SENDING_STARTED', sendId: id, recipients }, { actor });
      return row;
    });
    return this.view(send);
  }

  async get(sendId: string): Promise<SendView> {
    return this.view(await findSend(this.deps.db, sendId));
  }

  async list(incidentId: string): Promise<SendView[]> {
    await this.deps.incidents.get(incidentId);
    const rows = await sendsOf(this.deps.db, incidentId);
    return Promise.all(rows.map((row) => this.view(row)));
  }

  pause(sendId: string, actor: Actor, reason: string | undefined): Promise<SendView> {
    const why = reason ?? `paused by ${byWhom(actor)}`;
    return this.change(sendId, ['running'], { status: 'paused', statusReason: why }, { type: 'INDIVIDUALS_SENDING_PAUSED', sendId, reason: why }, actor);
  }

  resume(sendId: string, actor: Actor): Promise<SendView> {
    return this.change(sendId, ['paused'], { status: 'running', statusReason: null }, { type: 'INDIVIDUALS_SENDING_RESUMED', sendId }, actor);
  }

  /**
   * Stops a send for good: nothing more goes out (messages already with the server still finish).
   * The approval stands, so the same words can be sent again; recipients who already got them are
   * skipped then, because their Message-ID is taken.
   */
  cancel(sendId: string, actor: Actor, reason: string | undefined): Promise<SendView> {
    const why = reason ?? `cancelled by ${byWhom(actor)}`;
    return this.change(sendId, ['running', 'paused'], { status: 'cancelled', statusReason: why, final: true }, { type: 'INDIVIDUALS_SENDING_CANCELLED', sendId, reason: why }, actor);
  }

  /** The worker's pause after too many failures in a row; the responders are told in the same commit. */
  pauseForFailures(sendId: string, reason: string): Promise<SendView> {
    return this.change(sendId, ['running'], { status: 'paused', statusReason: reason }, { type: 'INDIVIDUALS_SENDING_PAUSED', sendId, reason }, DELIVERY, this.deps.onFailuresPaused);
  }

  /**
   * Finishes a running send once every recipient has a row and none is pending: the individuals
   * track moves to notified with the counts. Returns false when there is still work (or another
   * pass finished it first).
   */
  async completeIfDone(send: SendRow): Promise<boolean> {
    if (send.status !== 'running' || send.preparedThrough < send.recipientsUpTo) return false;
    const { db, incidents, clock } = this.deps;
    if (await hasPending(db, send.id)) return false;
    const at = clock().toISOString();
    return db.transaction().execute(async (trx) => {
      if (await hasPending(trx, send.id)) return false;
      const counts = await countSend(trx, send);
      if (!(await moveSend(trx, send.id, ['running'], { status: 'complete', statusReason: null, finalCounts: counts, finishedAt: at }, at))) return false;
      await incidents.dispatchIn(trx, send.incidentId, { type: 'INDIVIDUALS_NOTIFIED', sendId: send.id, sent: counts.sent, failed: counts.failed }, { actor: DELIVERY });
      return true;
    });
  }

  /**
   * The notice a send may render: still the approved version it started with, words still hashing
   * to what legal approved (approvedVersionForSending checks both). Anything else is refused.
   */
  async noticeFor(send: SendRow): Promise<PreparedNotice> {
    // Every message of a send is dated the day the send started.
    const notice = await this.approvedNotice(send.incidentId, send.createdAt);
    if (notice.versionId !== send.versionId || notice.contentHash !== send.contentHash) {
      throw new ConflictError(`send ${send.id} was started for notice version ${send.versionId}, which is no longer the approved one`);
    }
    return notice.prepared;
  }

  private async approvedNotice(incidentId: string, date: string) {
    const sendable = await this.deps.notices.approvedVersionForSending(incidentId, 'individuals');
    if (sendable === null) {
      // Tell "no such incident" apart from "nothing approved".
      await this.deps.incidents.get(incidentId);
      throw new ConflictError(`incident ${incidentId} has no approved notice to individuals: its latest version must be approved before sending`);
    }
    return { ...sendable, prepared: prepareIndividualNotice(this.deps.renderer, sendable.content, date) };
  }

  private async change(
    sendId: string,
    from: readonly SendStatus[],
    change: { status: SendStatus; statusReason: string | null; final?: boolean },
    event: EventInput,
    actor: Actor,
    after?: SendPausedHook,
  ): Promise<SendView> {
    const { db, incidents, clock } = this.deps;
    const at = clock().toISOString();
    const send = await db.transaction().execute(async (trx) => {
      const current = await findSend(trx, sendId);
      const finalCounts: SendCounts | undefined = change.final === true ? await countSend(trx, current) : undefined;
      const moved = await moveSend(
        trx,
        sendId,
        from,
        { status: change.status, statusReason: change.statusReason, ...(finalCounts === undefined ? {} : { finalCounts, finishedAt: at }) },
        at,
      );
      if (!moved) throw new ConflictError(`send ${sendId} is ${current.status}; only a ${from.join(' or ')} send can become ${change.status}`);
      const incident = await incidents.dispatchIn(trx, current.incidentId, event, { actor });
      const updated = await findSend(trx, sendId);
      await after?.(trx, incident, updated, change.statusReason ?? '', at);
      return updated;
    });
    return this.view(send);
  }

  private async view(send: SendRow): Promise<SendView> {
    const { db, clock } = this.deps;
    const counts = await countSend(db, send);
    // A finished send's rows go with the recipients' data (retention); the counts kept at its end remain.
    if (send.finalCounts !== null && counts.total === 0) return sendView(send, JSON.parse(send.finalCounts) as SendCounts, null);
    const now = clock().getTime();
    const window = Math.min(RATE_WINDOW_MS, Math.max(1000, now - Date.parse(send.createdAt)));
    const rate = send.status === 'running' ? (await sentSince(db, send.id, new Date(now - window).toISOString())) / (window / 1000) : 0;
    return sendView(send, counts, rate);
  }
}

/** Who, for a reason line: the role, not the person (the audit trail records the token). */
const byWhom = (actor: Actor): string => (actor.kind === 'token' ? `a ${actor.role}` : `Breachline (${actor.id})`);
