import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { actorRef, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import { ImportRefusedError } from './import-errors.js';
import type { ImportReader } from './import-reader.js';
import { RecipientWriter } from './recipient-writer.js';

export type ImportFormat = 'csv' | 'ndjson';

export interface ImportSummary {
  importId: string;
  status: 'running' | 'complete' | 'failed';
  accepted: number;
  duplicates: number;
  rejected: number;
  total: number;
}

const PURGE_ROWS = 10_000;
const CLOSED_PHASES = new Set(['closed', 'dismissed']);

/**
 * Streams a recipients file into an incident: the reader thread parses and checks the rows while
 * this thread writes them. The import is one logical unit: batches commit as they go (bounded
 * memory, short write locks), but every row carries the import's id and readers see only rows of
 * `complete` imports. A failure removes the import's rows; a crash leaves them `running`, and the
 * next import into the incident removes them. Imports into one incident run one at a time, which
 * assumes one Breachline process per database (as SQLite does).
 */
export class RecipientImports {
  private readonly importing = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly incidents: IncidentService,
    private readonly reader: ImportReader,
    private readonly clock: Clock,
  ) {}

  /** Refuses before the body is read: unknown incident (404), closed or dismissed, or an import running. */
  async begin(incidentId: string, format: ImportFormat, actor: Actor): Promise<string> {
    const incident = await this.incidents.get(incidentId);
    if (CLOSED_PHASES.has(incident.phase)) throw new ImportRefusedError(`the incident is ${incident.phase}; it takes no more recipients`);
    if (this.importing.has(incidentId)) throw new ImportRefusedError('another recipient import into this incident is running; retry when it ends');
    this.importing.add(incidentId);
    try {
      await this.purgeAbandoned(incidentId);
      const id = randomUUID();
      const at = this.clock().toISOString();
      await this.db
        .insertInto('recipientImports')
        .values({ id, incidentId, format, status: 'running', accepted: 0, duplicates: 0, rejected: 0, total: 0, failure: null, createdBy: actorRef(actor), createdAt: at, completedAt: null })
        .execute();
      return id;
    } catch (error) {
      this.importing.delete(incidentId);
      throw error;
    }
  }

  /** Reads the body to the end, then marks the import complete and audits it; on any error, undoes it. */
  async run(incidentId: string, importId: string, format: ImportFormat, body: Readable, maxBytes: number, actor: Actor): Promise<ImportSummary> {
    const summary: ImportSummary = { importId, status: 'running', accepted: 0, duplicates: 0, rejected: 0, total: 0 };
    const writer = new RecipientWriter(incidentId, importId);
    try {
      for await (const batch of this.reader.batches(body, format, maxBytes)) {
        await this.db.transaction().execute(async (trx) => {
          const written = await writer.write(trx, batch);
          summary.total += batch.total;
          summary.rejected += batch.rejections.length;
          summary.accepted += written.accepted;
          summary.duplicates += written.duplicates;
          await trx.updateTable('recipientImports').set(counts(summary)).where('id', '=', importId).execute();
        });
      }
      await this.db.transaction().execute(async (trx) => {
        const at = this.clock().toISOString();
        await trx.updateTable('recipientImports').set({ ...counts(summary), status: 'complete', completedAt: at }).where('id', '=', importId).execute();
        // Counts only: the audit trail is kept longer than recipient data and must not hold any.
        const { status: _status, ...figures } = summary;
        await appendAudit(trx, { incidentId, actor, action: 'recipients.imported', payload: { format, ...figures }, at });
      });
      summary.status = 'complete';
      return summary;
    } catch (error) {
      await this.abandon(importId, error instanceof Error ? error.message : 'the import failed', summary);
      throw error;
    } finally {
      this.importing.delete(incidentId);
    }
  }

  /** Imports left `running` by a stopped process: their rows never became visible; remove them. */
  private async purgeAbandoned(incidentId: string): Promise<void> {
    const stale = await this.db.selectFrom('recipientImports').select('id').where('incidentId', '=', incidentId).where('status', '=', 'running').execute();
    for (const { id } of stale) await this.abandon(id, 'the server stopped during the import', null);
  }

  private async abandon(importId: string, failure: string, summary: ImportSummary | null): Promise<void> {
    for (const table of ['recipients', 'recipientRejections'] as const) {
      // In slices, so a large failed import never holds the write lock for long.
      for (;;) {
        const slice = this.db.selectFrom(table).select('id').where('importId', '=', importId).limit(PURGE_ROWS);
        const result = await this.db.deleteFrom(table).where('id', 'in', slice).executeTakeFirst();
        if (Number(result.numDeletedRows) < PURGE_ROWS) break;
      }
    }
    await this.db
      .updateTable('recipientImports')
      .set({ ...(summary === null ? {} : counts(summary)), status: 'failed', failure: failure.slice(0, 500), completedAt: this.clock().toISOString() })
      .where('id', '=', importId)
      .execute();
  }
}

const counts = (s: ImportSummary) => ({ accepted: s.accepted, duplicates: s.duplicates, rejected: s.rejected, total: s.total });
