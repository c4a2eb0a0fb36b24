import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { actorRef, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { NotFoundError } from '../errors.js';
import type { Regime } from '../obligations/regime-schema.js';
import type { AuthorityContactRow } from './authority-tables.js';

export interface AuthorityContact {
  regimeId: string;
  emails: string[];
  name: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface AuthorityContactInput {
  emails: string[];
  name?: string | undefined;
}

const view = (row: AuthorityContactRow): AuthorityContact => ({
  regimeId: row.regimeId,
  emails: JSON.parse(row.emails) as string[],
  name: row.name,
  updatedBy: row.updatedBy,
  updatedAt: row.updatedAt,
});

/**
 * The organisation's own addresses for each regime's authority. Regime files ship without them
 * (the sources publish portals, rarely addresses), so an admin records the ones the organisation
 * was given. Every change is on the audit trail's system chain.
 */
export class AuthorityContacts {
  private readonly reportingRegimes: ReadonlySet<string>;

  constructor(
    private readonly db: Kysely<Database>,
    regimes: readonly Regime[],
    private readonly clock: Clock,
  ) {
    this.reportingRegimes = new Set(regimes.filter((r) => r.recipients.some((e) => e.recipient === 'regulator')).map((r) => r.id));
  }

  async list(): Promise<AuthorityContact[]> {
    const rows = await this.db.selectFrom('authorityContacts').selectAll().orderBy('regimeId').execute();
    return rows.map(view);
  }

  /** The setting for a regime, or null when none is recorded. */
  async find(regimeId: string): Promise<AuthorityContact | null> {
    const row = await this.db.selectFrom('authorityContacts').selectAll().where('regimeId', '=', regimeId).executeTakeFirst();
    return row === undefined ? null : view(row);
  }

  async get(regimeId: string): Promise<AuthorityContact> {
    this.assertReporting(regimeId);
    const contact = await this.find(regimeId);
    if (contact === null) throw new NotFoundError(`no authority address is set for ${regimeId}`);
    return contact;
  }

  async put(regimeId: string, input: AuthorityContactInput, actor: Actor): Promise<AuthorityContact> {
    this.assertReporting(regimeId);
    const row: AuthorityContactRow = {
      regimeId,
      emails: JSON.stringify(input.emails),
      name: input.name ?? null,
      updatedBy: actorRef(actor),
      updatedAt: this.clock().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      const { regimeId: _key, ...changes } = row;
      await trx.insertInto('authorityContacts').values(row).onConflict((oc) => oc.column('regimeId').doUpdateSet(changes)).execute();
      await appendAudit(trx, { incidentId: null, actor, action: 'settings.authority_contact_set', payload: { regimeId, emails: input.emails, name: row.name }, at: row.updatedAt });
    });
    return view(row);
  }

  async delete(regimeId: string, actor: Actor): Promise<void> {
    this.assertReporting(regimeId);
    const at = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('authorityContacts').where('regimeId', '=', regimeId).executeTakeFirst();
      if (deleted.numDeletedRows === 0n) throw new NotFoundError(`no authority address is set for ${regimeId}`);
      await appendAudit(trx, { incidentId: null, actor, action: 'settings.authority_contact_deleted', payload: { regimeId }, at });
    });
  }

  private assertReporting(regimeId: string): void {
    if (!this.reportingRegimes.has(regimeId)) {
      throw new NotFoundError(`no regime "${regimeId}" with a duty to report to a regulator (known: ${[...this.reportingRegimes].sort().join(', ')})`);
    }
  }
}
