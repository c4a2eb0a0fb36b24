import type { Kysely, Migration } from 'kysely';

/** Alert intake: sources with their credentials and rules, deduplicated alerts, alert groups. */
export const alertsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('alert_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('auth', 'text', (c) => c.notNull())
      .addColumn('hmac_secret', 'text')
      .addColumn('routing_key_hash', 'text', (c) => c.unique())
      .addColumn('credential_hint', 'text')
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull().references('alert_sources.id'))
      .addColumn('dedup_key', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('resolved_at_count', 'integer')
      .addColumn('resolved_at', 'text')
      .addColumn('snoozed_until', 'text')
      .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
      .addColumn('first_payload', 'text', (c) => c.notNull())
      .addColumn('last_payload', 'text', (c) => c.notNull())
      // The dedup guarantee: the upsert targets this key, so no race can make a second row.
      .addUniqueConstraint('alerts_source_dedup', ['source_id', 'dedup_key'])
      .execute();
    // Listing pages newest first; the incident's alerts.
    await db.schema.createIndex('alerts_first_seen').on('alerts').columns(['first_seen_at', 'id']).execute();
    await db.schema.createIndex('alerts_incident').on('alerts').column('incident_id').execute();

    await db.schema
      .createTable('alert_groups')
      .addColumn('source_id', 'text', (c) => c.notNull().references('alert_sources.id'))
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('last_joined_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_groups_pk', ['source_id', 'group_key'])
      .execute();
  },
};
