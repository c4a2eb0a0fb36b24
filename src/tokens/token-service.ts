import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../audit/audit-log.js';
import { actorRef, ROLES, type Actor, type Role } from '../auth/actor.js';
import { systemClock, type Clock } from '../clock.js';
import type { ApiTokenRow, Database } from '../db/tables.js';
import { fieldIssues, InvalidInputError, NotFoundError } from '../errors.js';

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    role: z.enum(ROLES),
  })
  .strict();

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

const SECRET_PREFIX = 'bl_';

/**
 * A token secret is 32 random bytes, so a plain sha256 is a sound verifier (no salt or slow hash
 * needed: there is nothing to guess). Lookups go by the hash, so no secret is ever compared.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

const info = (row: ApiTokenRow): TokenInfo => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  prefix: row.prefix,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

/**
 * How long a resolved token is trusted without asking the database again. A revocation through
 * this process clears the cache at once; another process sharing the database sees it within this.
 */
const AUTH_CACHE_MS = 2000;
const AUTH_CACHE_MAX = 10_000;

/** API tokens: issue (the secret is shown once), list, revoke, and resolve a bearer secret to an actor. */
export class TokenService {
  /** Active tokens by secret hash; only hits are kept, so a new token works at once everywhere. */
  private readonly authCache = new Map<string, { actor: Actor; until: number }>();
  /** Bumped on every local revocation, so a lookup that raced one does not cache its stale answer. */
  private generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = systemClock,
  ) {}

  async create(input: unknown, by: Actor): Promise<TokenInfo & { token: string }> {
    const parsed = createTokenSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError('invalid token', fieldIssues(parsed.error.issues));
    const token = SECRET_PREFIX + randomBytes(32).toString('base64url');
    return { ...(await this.store(parsed.data.name, parsed.data.role, token, by)), token };
  }

  /**
   * Makes sure a token with this secret exists, is active and is an admin (BREACHLINE_ADMIN_TOKEN).
   * A revoked one is restored: the operator who sets the variable means it to work.
   */
  async ensureAdmin(secret: string): Promise<void> {
    const existing = await this.db.selectFrom('apiTokens').selectAll().where('secretHash', '=', hashSecret(secret)).executeTakeFirst();
    const actor: Actor = { kind: 'system', id: 'startup' };
    if (existing === undefined) {
      await this.store('bootstrap admin (BREACHLINE_ADMIN_TOKEN)', 'admin', secret, actor);
      return;
    }
    if (existing.revokedAt === null && existing.role === 'admin') return;
    const at = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('apiTokens').set({ revokedAt: null, role: 'admin' }).where('id', '=', existing.id).execute();
      await appendAudit(trx, { incidentId: null, actor, action: 'token.restored', payload: { tokenId: existing.id }, at });
    });
    this.forgetAuthenticated();
  }

  async list(): Promise<TokenInfo[]> {
    const rows = await this.db.selectFrom('apiTokens').selectAll().orderBy('createdAt').orderBy('id').execute();
    return rows.map(info);
  }

  async revoke(id: string, by: Actor): Promise<TokenInfo> {
    const at = this.clock().toISOString();
    const revoked = await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw new NotFoundError(`token ${id} not found`);
      if (row.revokedAt !== null) return info(row);
      await trx.updateTable('apiTokens').set({ revokedAt: at }).where('id', '=', id).execute();
      await appendAudit(trx, { incidentId: null, actor: by, action: 'token.revoked', payload: { tokenId: id }, at });
      return info({ ...row, revokedAt: at });
    });
    this.forgetAuthenticated();
    return revoked;
  }

  /** The actor behind an active token secret, or null. Hits are cached for AUTH_CACHE_MS. */
  async authenticate(secret: string): Promise<Actor | null> {
    const hash = hashSecret(secret);
    const now = Date.now();
    const hit = this.authCache.get(hash);
    if (hit !== undefined && hit.until > now) return hit.actor;
    const generation = this.generation;
    const row = await this.db
      .selectFrom('apiTokens')
      .select(['id', 'name', 'role'])
      .where('secretHash', '=', hash)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (row === undefined) return null;
    const actor: Actor = { kind: 'token', id: row.id, name: row.name, role: row.role as Role };
    if (generation === this.generation) {
      if (this.authCache.size >= AUTH_CACHE_MAX) this.authCache.clear();
      this.authCache.set(hash, { actor, until: now + AUTH_CACHE_MS });
    }
    return actor;
  }

  private forgetAuthenticated(): void {
    this.generation++;
    this.authCache.clear();
  }

  private async store(name: string, role: Role, secret: string, by: Actor): Promise<TokenInfo> {
    const row: ApiTokenRow = {
      id: randomUUID(),
      name,
      role,
      secretHash: hashSecret(secret),
      prefix: secret.slice(0, SECRET_PREFIX.length + 6),
      createdBy: actorRef(by),
      createdAt: this.clock().toISOString(),
      revokedAt: null,
    };
    await this.db.transaction().execute(async (trx) => {
      // Only BREACHLINE_ADMIN_TOKEN can meet an existing secret: several instances starting at once
      // with the same one all try to create it, and the first one's row stands.
      const inserted = await trx.insertInto('apiTokens').values(row).onConflict((oc) => oc.column('secretHash').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
      await appendAudit(trx, { incidentId: null, actor: by, action: 'token.created', payload: { tokenId: row.id, name, role }, at: row.createdAt });
    });
    return info(row);
  }
}
