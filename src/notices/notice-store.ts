import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { NotFoundError } from '../errors.js';
import { canonicalContent, contentHash, type VersionContent } from './notice-content.js';
import type { NoticeCommentRow, NoticeRow, NoticeVersionRow } from './notice-tables.js';

/** Review states of one version; see the README's notice review section for the moves between them. */
export const VERSION_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** The notices' rows, read and written inside the caller's transaction. */
export async function findNotice(db: Kysely<Database>, noticeId: string): Promise<NoticeRow> {
  const row = await db.selectFrom('notices').selectAll().where('id', '=', noticeId).executeTakeFirst();
  if (row === undefined) throw new NotFoundError(`notice ${noticeId} not found`);
  return row;
}

export const noticeFor = (db: Kysely<Database>, incidentId: string, target: string): Promise<NoticeRow | undefined> =>
  db.selectFrom('notices').selectAll().where('incidentId', '=', incidentId).where('target', '=', target).executeTakeFirst();

export const noticesOf = (db: Kysely<Database>, incidentId: string): Promise<NoticeRow[]> =>
  db.selectFrom('notices').selectAll().where('incidentId', '=', incidentId).orderBy('createdAt').orderBy('id').execute();

export const versionsOf = (db: Kysely<Database>, noticeId: string): Promise<NoticeVersionRow[]> =>
  db.selectFrom('noticeVersions').selectAll().where('noticeId', '=', noticeId).orderBy('number').execute();

export async function latestVersion(db: Kysely<Database>, noticeId: string): Promise<NoticeVersionRow> {
  const row = await db.selectFrom('noticeVersions').selectAll().where('noticeId', '=', noticeId).orderBy('number', 'desc').limit(1).executeTakeFirst();
  if (row === undefined) throw new NotFoundError(`notice ${noticeId} has no versions`);
  return row;
}

export async function findVersion(db: Kysely<Database>, noticeId: string, number: number): Promise<NoticeVersionRow> {
  const row = await db.selectFrom('noticeVersions').selectAll().where('noticeId', '=', noticeId).where('number', '=', number).executeTakeFirst();
  if (row === undefined) throw new NotFoundError(`notice ${noticeId} has no version ${number}`);
  return row;
}

export async function insertVersion(
  trx: Kysely<Database>,
  noticeId: string,
  number: number,
  content: VersionContent,
  author: string,
  at: string,
): Promise<NoticeVersionRow> {
  const row: NoticeVersionRow = {
    id: randomUUID(),
    noticeId,
    number,
    status: 'draft',
    content: canonicalContent(content),
    contentHash: contentHash(content),
    createdBy: author,
    createdAt: at,
    submittedBy: null,
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
  };
  await trx.insertInto('noticeVersions').values(row).execute();
  return row;
}

export async function setStatus(
  trx: Kysely<Database>,
  version: NoticeVersionRow,
  status: VersionStatus,
  changes: Partial<Pick<NoticeVersionRow, 'submittedBy' | 'submittedAt' | 'decidedBy' | 'decidedAt'>> = {},
): Promise<NoticeVersionRow> {
  await trx.updateTable('noticeVersions').set({ status, ...changes }).where('id', '=', version.id).execute();
  return { ...version, status, ...changes };
}

export async function insertComment(trx: Kysely<Database>, versionId: string, author: string, body: string, at: string): Promise<NoticeCommentRow> {
  const row: NoticeCommentRow = { id: randomUUID(), versionId, author, body, createdAt: at };
  await trx.insertInto('noticeComments').values(row).execute();
  return row;
}

export const commentsOf = (db: Kysely<Database>, versionIds: readonly string[]): Promise<NoticeCommentRow[]> =>
  versionIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('noticeComments').selectAll().where('versionId', 'in', versionIds).orderBy('createdAt').orderBy('id').execute();
