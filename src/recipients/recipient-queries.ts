import type { Kysely } from 'kysely';
import { afterRowId, rowIdPage } from '../db/keyset-page.js';
import type { Database } from '../db/tables.js';
import { NotFoundError } from '../errors.js';
import type { RecipientImportRow } from './recipient-tables.js';

export interface RecipientView {
  email: string;
  name: string | null;
  locale: string | null;
  jurisdiction: string | null;
  custom: Record<string, string>;
  importId: string;
}

export type ImportView = Omit<RecipientImportRow, 'incidentId'>;

/** Reads of the recipients domain; recipients of imports that are not complete are never shown. */
export class RecipientQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async list(incidentId: string, limit: number, cursor: string | undefined): Promise<{ items: RecipientView[]; nextCursor: string | null }> {
    await this.requireIncident(incidentId);
    const after = afterRowId(cursor);
    const rows = await this.db
      .selectFrom('recipients')
      .innerJoin('recipientImports', 'recipientImports.id', 'recipients.importId')
      .select(['recipients.id', 'email', 'name', 'locale', 'jurisdiction', 'custom', 'importId'])
      .where('recipients.incidentId', '=', incidentId)
      .where('recipientImports.status', '=', 'complete')
      .where('recipients.id', '>', after)
      .orderBy('recipients.id')
      .limit(limit + 1)
      .execute();
    const { page, nextCursor } = rowIdPage(rows, limit);
    return { items: page.map(({ id: _id, custom, ...row }) => ({ ...row, custom: JSON.parse(custom) as Record<string, string> })), nextCursor };
  }

  async imports(incidentId: string): Promise<ImportView[]> {
    await this.requireIncident(incidentId);
    const rows = await this.db.selectFrom('recipientImports').selectAll().where('incidentId', '=', incidentId).orderBy('createdAt').orderBy('id').execute();
    return rows.map(view);
  }

  async import(incidentId: string, importId: string): Promise<ImportView> {
    const row = await this.db.selectFrom('recipientImports').selectAll().where('id', '=', importId).where('incidentId', '=', incidentId).executeTakeFirst();
    if (row === undefined) throw new NotFoundError(`incident ${incidentId} has no recipient import ${importId}`);
    return view(row);
  }

  /** One page of an import's rejected and duplicate rows, in row order, after rejection id `after`. */
  rejections(importId: string, after: number, limit: number) {
    return this.db
      .selectFrom('recipientRejections')
      .select(['id', 'row', 'reason', 'email'])
      .where('importId', '=', importId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  private async requireIncident(incidentId: string): Promise<void> {
    const found = await this.db.selectFrom('incidents').select('id').where('id', '=', incidentId).executeTakeFirst();
    if (found === undefined) throw new NotFoundError(`no incident ${incidentId}`);
  }
}

const view = ({ incidentId: _incidentId, ...row }: RecipientImportRow): ImportView => row;

/** Recipients counted by the two columns that decide their language, with the highest row id of each group. */
export interface RecipientGroup {
  locale: string | null;
  jurisdiction: string | null;
  recipients: number;
  lastId: number;
}

/** An incident's visible recipients grouped by locale and jurisdiction: what decides which language each reads. */
export async function recipientGroups(db: Kysely<Database>, incidentId: string): Promise<RecipientGroup[]> {
  const rows = await db
    .selectFrom('recipients')
    .innerJoin('recipientImports', 'recipientImports.id', 'recipients.importId')
    .select(['recipients.locale', 'recipients.jurisdiction', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('recipients.id').as('last')])
    .where('recipients.incidentId', '=', incidentId)
    .where('recipientImports.status', '=', 'complete')
    .groupBy(['recipients.locale', 'recipients.jurisdiction'])
    .orderBy('recipients.locale')
    .orderBy('recipients.jurisdiction')
    .execute();
  return rows.map((row) => ({ locale: row.locale, jurisdiction: row.jurisdiction, recipients: Number(row.n), lastId: Number(row.last) }));
}
