import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { actorRef, type Actor } from '../auth/actor.js';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { AlertSourceRow } from './alert-tables.js';
import type { AlertKind } from './normalized-alert.js';
import { parseBody } from './normalized-alert.js';
import { credentialHint, hashRoutingKey, newHmacSecret, newRoutingKey } from './source-credentials.js';
import { createSourceSchema, updateSourceSchema, type AlertRules } from './source-schemas.js';

export type SourceAuth = 'token' | 'hmac' | 'routing_key';

/** A source as intake uses it: rules parsed once, the HMAC secret at hand. */
export interface AlertSource {
  id: string;
  name: string;
  kind: AlertKind;
  auth: SourceAuth;
  hmacSecret: string | null;
  rules: AlertRules;
  enabled: boolean;
}

/** A source as the API shows it: never a secret or routing key. */
export interface AlertSourceView {
  id: string;
  name: string;
  kind: AlertKind;
  auth: SourceAuth;
  credentialHint: string | null;
  rules: AlertRules;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Shown once, on creation and on rotation: the HMAC secret or the PagerDuty routing key. */
export interface IssuedCredential {
  secret?: string;
  routingKey?: string;
}

const view = (row: AlertSourceRow): AlertSourceView => ({
  id: row.id,
  name: row.name,
  kind: row.kind as AlertKind,
  auth: row.auth as SourceAuth,
  credentialHint: row.credentialHint,
  rules: JSON.parse(row.rules) as AlertRules,
  enabled: row.enabled === 1,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const intakeSource = (row: AlertSourceRow): AlertSource => ({ ...view(row), hmacSecret: row.hmacSecret });

/**
 * Intake reads a source on every request, and sources change rarely, so lookups are cached for a
 * moment. A change made through this process clears the cache at once; another process sharing
 * the database sees it within CACHE_MS.
 */
const CACHE_MS = 2000;

/** Alert sources: create (credential shown once), list, change rules, rotate credentials. Each change is audited. */
export class SourceService {
  private readonly cache = new Map<string, { source: AlertSource | null; until: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = systemClock,
  ) {}

  async create(input: unknown, by: Actor): Promise<AlertSourceView & IssuedCredential> {
    const fields = parseBody(createSourceSchema, input, 'alert source');
    const auth: SourceAuth = fields.kind === 'pagerduty' ? 'routing_key' : (fields.auth ?? 'token');
    const { credential, columns } = issue(auth);
    const at = this.clock().toISOString();
    const row: AlertSourceRow = {
      id: randomUUID(),
      name: fields.name,
      kind: fields.kind,
      auth,
      ...columns,
      rules: JSON.stringify(fields.rules),
      enabled: fields.enabled ? 1 : 0,
      createdBy: actorRef(by),
      createdAt: at,
      updatedAt: at,
    };
    await this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('alertSources').select('id').where('name', '=', row.name).executeTakeFirst();
      if (taken !== undefined) throw new InvalidInputError('invalid alert source', [{ path: 'name', message: 'another source has this name' }]);
      await trx.insertInto('alertSources').values(row).execute();
      const { name, kind, rules, enabled } = fields;
      await appendAudit(trx, { incidentId: null, actor: by, action: 'alert-source.created', payload: { sourceId: row.id, name, kind, auth, rules, enabled }, at });
    });
    this.cache.clear();
    return { ...view(row), ...credential };
  }

  async list(): Promise<AlertSourceView[]> {
    const rows = await this.db.selectFrom('alertSources').selectAll().orderBy('name').execute();
    return rows.map(view);
  }

  async get(id: string): Promise<AlertSourceView> {
    return view(await this.row(this.db, id));
  }

  async update(id: string, input: unknown, by: Actor): Promise<AlertSourceView> {
    const patch = parseBody(updateSourceSchema, input, 'alert source change');
    const at = this.clock().toISOString();
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await this.row(trx, id);
      const changes = {
        ...(patch.rules === undefined ? {} : { rules: JSON.stringify(patch.rules) }),
        ...(patch.enabled === undefined ? {} : { enabled: patch.enabled ? 1 : 0 }),
        updatedAt: at,
      };
      await trx.updateTable('alertSources').set(changes).where('id', '=', id).execute();
      await appendAudit(trx, { incidentId: null, actor: by, action: 'alert-source.updated', payload: { sourceId: id, ...patch }, at });
      return { ...current, ...changes };
    });
    this.cache.clear();
    return view(row);
  }

  /** A new secret or routing key; the old one stops working at once in this process. */
  async rotate(id: string, by: Actor): Promise<AlertSourceView & IssuedCredential> {
    const at = this.clock().toISOString();
    const result = await this.db.transaction().execute(async (trx) => {
      const current = await this.row(trx, id);
      if (current.auth === 'token') {
        throw new InvalidInputError('nothing to rotate', [{ path: 'auth', message: 'token sources use ingest tokens: revoke and issue those instead' }]);
      }
      const { credential, columns } = issue(current.auth as SourceAuth);
      await trx.updateTable('alertSources').set({ ...columns, updatedAt: at }).where('id', '=', id).execute();
      await appendAudit(trx, { incidentId: null, actor: by, action: 'alert-source.credentials-rotated', payload: { sourceId: id }, at });
      return { ...view({ ...current, ...columns, updatedAt: at }), ...credential };
    });
    this.cache.clear();
    return result;
  }

  /** The source with this name, for intake; null when there is none. */
  byName(name: string): Promise<AlertSource | null> {
    return this.cached(`name:${name}`, (db) => db.selectFrom('alertSources').selectAll().where('name', '=', name).executeTakeFirst());
  }

  byRoutingKey(key: string): Promise<AlertSource | null> {
    const hash = hashRoutingKey(key);
    return this.cached(`rk:${hash}`, (db) => db.selectFrom('alertSources').selectAll().where('routingKeyHash', '=', hash).executeTakeFirst());
  }

  private async cached(key: string, load: (db: Kysely<Database>) => Promise<AlertSourceRow | undefined>): Promise<AlertSource | null> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit !== undefined && hit.until > now) return hit.source;
    const row = await load(this.db);
    const source = row === undefined ? null : intakeSource(row);
    // Unknown names are cached too: a misconfigured sender retrying must not cost a query each time.
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(key, { source, until: now + CACHE_MS });
    return source;
  }

  private async row(db: Kysely<Database>, id: string): Promise<AlertSourceRow> {
    const row = await db.selectFrom('alertSources').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new NotFoundError(`alert source ${id} not found`);
    return row;
  }
}

function issue(auth: SourceAuth): { credential: IssuedCredential; columns: Pick<AlertSourceRow, 'hmacSecret' | 'routingKeyHash' | 'credentialHint'> } {
  if (auth === 'hmac') {
    const secret = newHmacSecret();
    return { credential: { secret }, columns: { hmacSecret: secret, routingKeyHash: null, credentialHint: credentialHint(secret) } };
  }
  if (auth === 'routing_key') {
    const routingKey = newRoutingKey();
    return { credential: { routingKey }, columns: { hmacSecret: null, routingKeyHash: hashRoutingKey(routingKey), credentialHint: credentialHint(routingKey) } };
  }
  return { credential: {}, columns: { hmacSecret: null, routingKeyHash: null, credentialHint: null } };
}
