import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import { ImportReader } from './import-reader.js';
import { RecipientImports } from './recipient-imports.js';
import { RecipientQueries } from './recipient-queries.js';

/** The recipients domain as the HTTP layer uses it. */
export interface Recipients {
  imports: RecipientImports;
  queries: RecipientQueries;
  /** The import route's own body limit (RECIPIENTS_MAX_BYTES). */
  maxBytes: number;
}

/** `locales` are the notice templates' (templates/notices/individuals/*): a recipient must be writable to. */
export function createRecipients(db: Kysely<Database>, incidents: IncidentService, locales: readonly string[], maxBytes: number, clock: Clock): Recipients {
  return { imports: new RecipientImports(db, incidents, new ImportReader(locales), clock), queries: new RecipientQueries(db), maxBytes };
}
