import type { Kysely } from 'kysely';
import { actorRef, type Actor } from '../auth/actor.js';
import type { Database } from '../db/tables.js';
import { ForbiddenError, InvalidInputError } from '../errors.js';
import { parseOrThrow } from '../lifecycle/incident-inputs.js';
import { contentHash, parseContent } from './notice-content.js';
import { auditNotice, checklist, moveTrack, type NoticeDeps } from './notice-deps.js';
import { NoticeStateError } from './notice-errors.js';
import type { ChecklistItem } from './notice-checklist.js';
import { commentSchema } from './notice-requests.js';
import { findNotice, findVersion, insertComment, latestVersion, setStatus, type VersionStatus } from './notice-store.js';
import type { NoticeRow, NoticeVersionRow } from './notice-tables.js';
import { requiringLaws, type RequiredField } from './render/content-model.js';

/** Legal decides on a version; the role is checked here too, so no route can forget it. */
function requireLegal(actor: Actor, what: string): void {
  if (actor.kind !== 'token' || actor.role !== 'legal') throw new ForbiddenError(`only legal may ${what}`);
}

/** Why a blank item blocks review: which locale lacks it and which laws ask for it. */
function requirementMessage(locale: string | null, requirement: RequiredField | null): string {
  if (requirement === null) return 'must not be empty';
  const asked = `required by ${requiringLaws(requirement)}: ${requirement.label}`;
  return locale === null ? asked : `in ${locale}: ${asked}`;
}

const SUGGESTED = 'still holds suggested text between [[ and ]]: confirm or rewrite it in the document’s own words';

/**
 * What keeps a version from review and approval, as one 400 naming each item by its path: blank
 * required items, then any text a draft suggested that no person has confirmed.
 */
function refusal(number: number, what: string, missing: readonly ChecklistItem[], placeholders: readonly ChecklistItem[]): InvalidInputError | null {
  if (missing.length === 0 && placeholders.length === 0) return null;
  const issues = [
    ...missing.map(({ locale, path, requirement }) => ({ path, message: requirementMessage(locale, requirement) })),
    ...placeholders.map(({ locale, path }) => ({ path, message: locale === null ? SUGGESTED : `in ${locale}: ${SUGGESTED}` })),
  ];
  const parts = [
    missing.length === 0 ? null : `missing required fields: ${missing.map((m) => m.name).join(', ')}`,
    placeholders.length === 0 ? null : `suggested text to replace: ${placeholders.map((m) => m.name).join(', ')}`,
  ].filter((part) => part !== null);
  return new InvalidInputError(`version ${number} ${what}: ${parts.join('; ')}`, issues);
}

/**
 * Review: submit, request changes, approve. Each is one transaction with the lifecycle event and
 * the audit row; only the newest version can move, so an approval always covers the latest words.
 */
export class NoticeReview {
  constructor(private readonly deps: NoticeDeps) {}

  async submit(noticeId: string, number: number, actor: Actor): Promise<NoticeVersionRow> {
    return this.step(noticeId, number, ['draft', 'changes_requested'], async (trx, notice, version, at) => {
      const { missing, placeholders } = checklist(this.deps, notice, version);
      const refused = refusal(number, 'cannot go to review', missing, placeholders);
      if (refused !== null) throw refused;
      const submitted = await setStatus(trx, version, 'in_review', { submittedBy: actorRef(actor), submittedAt: at });
      await moveTrack(this.deps, trx, notice, 'submitted', version);
      await auditNotice(trx, notice, actor, 'submitted', { version: number, contentHash: version.contentHash }, at);
      return submitted;
    });
  }

  async requestChanges(noticeId: string, number: number, input: unknown, actor: Actor): Promise<NoticeVersionRow> {
    requireLegal(actor, 'request changes');
    const { body } = parseOrThrow(commentSchema, input, 'comment');
    return this.step(noticeId, number, ['in_review'], async (trx, notice, version, at) => {
      const comment = await insertComment(trx, version.id, actorRef(actor), body, at);
      const returned = await setStatus(trx, version, 'changes_requested', { decidedBy: actorRef(actor), decidedAt: at });
      await moveTrack(this.deps, trx, notice, 'changesRequested', version);
      await auditNotice(trx, notice, actor, 'changes_requested', { version: number, commentId: comment.id }, at);
      return returned;
    });
  }

  /** Four eyes: legal, and not the version's author. The approval pins the version's content hash. */
  async approve(noticeId: string, number: number, actor: Actor): Promise<NoticeVersionRow> {
    requireLegal(actor, 'approve a notice');
    return this.step(noticeId, number, ['in_review'], async (trx, notice, version, at) => {
      if (version.createdBy === actorRef(actor)) {
        throw new ForbiddenError(`four eyes: you wrote version ${number}; another legal reviewer must approve it`);
      }
      // The hash is recomputed from the stored words, so an approval can only ever cover what is there.
      if (contentHash(parseContent(version.content)) !== version.contentHash) {
        throw new NoticeStateError(`version ${number} does not match its content hash; it cannot be approved`);
      }
      // Checked again here, not only at submission: the regime files may have changed in between.
      const { missing, placeholders } = checklist(this.deps, notice, version);
      const refused = refusal(number, 'cannot be approved', missing, placeholders);
      if (refused !== null) throw refused;
      const approved = await setStatus(trx, version, 'approved', { decidedBy: actorRef(actor), decidedAt: at });
      await moveTrack(this.deps, trx, notice, 'approved', version);
      await auditNotice(trx, notice, actor, 'approved', { version: number, versionId: version.id, contentHash: version.contentHash }, at);
      return approved;
    });
  }

  private async step<T>(
    noticeId: string,
    number: number,
    from: readonly VersionStatus[],
    work: (trx: Kysely<Database>, notice: NoticeRow, version: NoticeVersionRow, at: string) => Promise<T>,
  ): Promise<T> {
    const at = this.deps.clock().toISOString();
    return this.deps.db.transaction().execute(async (trx) => {
      const notice = await findNotice(trx, noticeId);
      const version = await findVersion(trx, noticeId, number);
      const latest = await latestVersion(trx, noticeId);
      if (latest.number !== number) throw new NoticeStateError(`version ${number} is not the newest (version ${latest.number} is): review that one`);
      if (!from.includes(version.status as VersionStatus)) {
        throw new NoticeStateError(`version ${number} is ${version.status}; this needs it ${from.join(' or ')}`);
      }
      return work(trx, notice, version, at);
    });
  }
}
