import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
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

const CURSOR = /^[1-9]\d{0,15}$/;

/** Reads of the recipients domain; recipients of imports that are not complete are never shown. */
export class RecipientQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async list(incidentId: string, limit: number, cursor: string | undefined): Promise<{ items: RecipientView[]; nextCursor: string | null }> {
    await this.requireIncident(incidentId);
    // The cursor is the last row id shown: opaque to clients, checked on the way in.
    const after = cursor === undefined ? 0 : Number(CURSOR.test(cursor) ? cursor : NaN);
    if (Number.isNaN(after)) throw new InvalidInputError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this server issued' }]);
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
    const page = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? String(page[page.length - 1]!.id) : null;
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
