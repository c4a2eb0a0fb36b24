import type { Kysely, Migration } from 'kysely';
import type { PersistedIncident, Phase } from '../../lifecycle/incident-transitions.js';
import { nextDueAt } from '../../lifecycle/next-deadline.js';

/**
 * Each incident's next due time as a column, written with every event: lists show and could sort by
 * it without reading every snapshot. Existing incidents get it from their stored snapshots.
 */
export const incidentNextDueMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('incidents').addColumn('next_due_at', 'text').execute();
    const rows = await db.selectFrom('incidents').select(['id', 'phase', 'snapshot']).execute();
    for (const row of rows as Array<{ id: string; phase: string; snapshot: string }>) {
      const due = nextDueAt(row.phase as Phase, (JSON.parse(row.snapshot) as PersistedIncident).context);
      if (due !== null) await db.updateTable('incidents').set({ next_due_at: due }).where('id', '=', row.id).execute();
    }
  },
};
