import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { actorRef, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { InvalidInputError } from '../errors.js';
import type { OrganizationSettingsRow } from './organization-tables.js';

/** The organisation's settings as the API shows them; every value may be unset. */
export interface OrganizationSettings {
  name: string | null;
  senderName: string | null;
  senderAddress: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export type OrganizationSettingsInput = Partial<Pick<OrganizationSettings, 'name' | 'senderName' | 'senderAddress'>>;

/** A sender parsed from MAIL_FROM (`Acme Ltd <privacy@acme.example>` or a bare address). */
export interface Sender {
  name: string;
  address: string;
}

const ROW_ID = 'default';
const UNSET: OrganizationSettings = { name: null, senderName: null, senderAddress: null, updatedBy: null, updatedAt: null };

const view = (row: OrganizationSettingsRow | undefined): OrganizationSettings =>
  row === undefined ? UNSET : { name: row.name, senderName: row.senderName, senderAddress: row.senderAddress, updatedBy: row.updatedBy, updatedAt: row.updatedAt };

/**
 * The organisation's name and the sender its notices come from, set once by an admin so each draft
 * need not repeat them. A notice's own values win; where neither is set, the sender is MAIL_FROM's,
 * unless MAIL_FROM is Breachline's built-in default, which must never reach a person. Changes are
 * on the audit trail's system chain.
 */
export class OrganizationSettingsStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    /** MAIL_FROM as a sender, or null when it is Breachline's built-in default. */
    private readonly mailFrom: Sender | null,
  ) {}

  async get(): Promise<OrganizationSettings> {
    return view(await this.db.selectFrom('organizationSettings').selectAll().where('id', '=', ROW_ID).executeTakeFirst());
  }

  /** What a draft starts from: the settings, with MAIL_FROM standing in for a sender the settings leave unset. */
  async defaults(): Promise<{ name: string | null; senderName: string | null; senderAddress: string | null }> {
    const settings = await this.get();
    const sender = settings.senderAddress === null ? this.mailFrom : { name: settings.senderName ?? '', address: settings.senderAddress };
    return { name: settings.name, senderName: sender?.name || null, senderAddress: sender?.address ?? null };
  }

  /** Sets the values given; `null` clears one. */
  async put(input: OrganizationSettingsInput, actor: Actor): Promise<OrganizationSettings> {
    if (Object.keys(input).length === 0) throw new InvalidInputError('give at least one of name, senderName, senderAddress', [{ path: '(body)', message: 'nothing to change' }]);
    const at = this.clock().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const current = view(await trx.selectFrom('organizationSettings').selectAll().where('id', '=', ROW_ID).executeTakeFirst());
      const row: OrganizationSettingsRow = {
        id: ROW_ID,
        name: input.name === undefined ? current.name : input.name,
        senderName: input.senderName === undefined ? current.senderName : input.senderName,
        senderAddress: input.senderAddress === undefined ? current.senderAddress : input.senderAddress,
        updatedBy: actorRef(actor),
        updatedAt: at,
      };
      const { id: _key, ...changes } = row;
      await trx.insertInto('organizationSettings').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
      await appendAudit(trx, { incidentId: null, actor, action: 'settings.organization_set', payload: { ...input }, at });
      return view(row);
    });
  }
}

/** MAIL_FROM as a sender: `Name <address>` or a bare address (its name is then the address's local part's owner, unknown: empty). */
export function parseMailbox(mailbox: string): Sender {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(mailbox);
  if (match !== null) return { name: (match[1] ?? '').trim(), address: match[2] as string };
  return { name: '', address: mailbox.trim() };
}
