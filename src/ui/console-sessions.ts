import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../auth/actor.js';
import { may } from '../auth/permissions.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { ForbiddenError } from '../errors.js';
import { hashSecret, type TokenService } from '../tokens/token-service.js';
import './session-tables.js';

export type TokenActor = Extract<Actor, { kind: 'token' }>;

export interface ConsoleSession {
  id: string;
  actor: TokenActor;
  /** What every form of this session carries back; derived from the cookie's secret, so nothing else stores it. */
  csrfToken: string;
  expiresAt: string;
}

const COOKIE_SECRET_PREFIX = 'bls_';

/** The session's form token: an HMAC of a fixed label under the cookie's secret, which pages never see. */
export const csrfTokenFor = (cookieSecret: string): string => createHmac('sha256', cookieSecret).update('breachline console form').digest('base64url');

/**
 * Console sign-in: an API token is exchanged for a session whose secret lives only in an HttpOnly
 * cookie, so the token itself never sits in the browser. A session lasts `lifetimeMs` and ends at
 * once when its token is revoked (every lookup joins the token row).
 */
export class ConsoleSessions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  /** Null when the token is unknown or revoked; ForbiddenError for a role the console has no pages for. */
  async signIn(tokenSecret: string): Promise<{ cookieSecret: string; session: ConsoleSession } | null> {
    const actor = await this.tokens.authenticate(tokenSecret.trim());
    if (actor === null || actor.kind !== 'token') return null;
    if (!may(actor.role, 'read')) throw new ForbiddenError(`a token with role ${actor.role} cannot sign in to the console`);
    const now = this.clock();
    const cookieSecret = COOKIE_SECRET_PREFIX + randomBytes(32).toString('base64url');
    const row = {
      id: randomUUID(),
      secretHash: hashSecret(cookieSecret),
      tokenId: actor.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.lifetimeMs).toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('consoleSessions').where('expiresAt', '<=', row.createdAt).execute();
      await trx.insertInto('consoleSessions').values(row).execute();
    });
    return { cookieSecret, session: { id: row.id, actor, csrfToken: csrfTokenFor(cookieSecret), expiresAt: row.expiresAt } };
  }

  /** The live session for a cookie's secret: not expired, its token not revoked. */
  async resolve(cookieSecret: string): Promise<ConsoleSession | null> {
    if (!cookieSecret.startsWith(COOKIE_SECRET_PREFIX)) return null;
    const row = await this.db
      .selectFrom('consoleSessions as s')
      .innerJoin('apiTokens as t', 't.id', 's.tokenId')
      .select(['s.id', 's.expiresAt', 't.id as tokenId', 't.name', 't.role'])
      .where('s.secretHash', '=', hashSecret(cookieSecret))
      .where('s.expiresAt', '>', this.clock().toISOString())
      .where('t.revokedAt', 'is', null)
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      id: row.id,
      actor: { kind: 'token', id: row.tokenId, name: row.name, role: row.role as Role },
      csrfToken: csrfTokenFor(cookieSecret),
      expiresAt: row.expiresAt,
    };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.db.deleteFrom('consoleSessions').where('id', '=', sessionId).execute();
  }
}
