import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/verify.js';
import { InvalidInputError, NotFoundError } from '../../src/errors.js';
import { TokenService } from '../../src/tokens/token-service.js';
import { admin } from '../support/actors.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb;
let tokens: TokenService;
beforeEach(async () => {
  t = await tempDb();
  tokens = new TokenService(t.db.kysely);
});
afterEach(() => t.cleanup());

describe('TokenService', () => {
  it('issues a secret once and resolves it to its actor until revoked', async () => {
    const created = await tokens.create({ name: 'pagerduty bridge', role: 'ingest' }, admin);
    expect(created.token).toMatch(/^bl_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 9));
    expect(await tokens.authenticate(created.token)).toEqual({ kind: 'token', id: created.id, name: 'pagerduty bridge', role: 'ingest' });
    expect(await tokens.authenticate(created.token + 'x')).toBeNull();
    await tokens.revoke(created.id, admin);
    expect(await tokens.authenticate(created.token)).toBeNull();
    expect((await tokens.list()).map((token) => 'token' in token)).toEqual([false]);
    expect((await verifyAudit(t.db.kysely)).rowsChecked).toBe(2);
  });

  it('ensures the bootstrap admin token, restoring it when it was revoked', async () => {
    const secret = 'operator-chosen-secret-value';
    await tokens.ensureAdmin(secret);
    await tokens.ensureAdmin(secret);
    const [row] = await tokens.list();
    expect(row).toMatchObject({ role: 'admin', revokedAt: null });
    await tokens.revoke(row!.id, admin);
    await tokens.ensureAdmin(secret);
    expect(await tokens.authenticate(secret)).toMatchObject({ role: 'admin' });
    expect(await tokens.list()).toHaveLength(1);
  });

  it('names bad fields and unknown tokens', async () => {
    const error = await tokens.create({ name: '', role: 'root' }, admin).catch((e: unknown) => e);
    expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual(['name', 'role']);
    await expect(tokens.revoke('missing', admin)).rejects.toBeInstanceOf(NotFoundError);
  });
});
