import type { Kysely, Migration } from 'kysely';

/** Notices and reports: one per incident track, with immutable versions and review comments. */
export const noticesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('regime', 'text')
      .addColumn('stage', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // One notice per track: two drafts of the same report would race for one approval.
      .addUniqueConstraint('notices_incident_target', ['incident_id', 'target'])
      .execute();

    await db.schema
      .createTable('notice_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addUniqueConstraint('notice_versions_number', ['notice_id', 'number'])
      .execute();

    await db.schema
      .createTable('notice_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version_id', 'text', (c) => c.notNull().references('notice_versions.id'))
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notice_comments_version').on('notice_comments').columns(['version_id', 'created_at']).execute();
  },
};
