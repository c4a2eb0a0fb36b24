import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { IncidentService } from '../src/lifecycle/incident-service.js';
import { engine, responder } from './support/actors.js';
import { tempDb, type TempDb } from './support/temp-db.js';

let t: TempDb;
afterEach(() => t?.cleanup());

/** Runs `src/main.ts` as `npm start` does, collecting output; resolves with the exit code. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 800 && !stdout.includes(text); i++) await new Promise((r) => setTimeout(r, 25));
    if (!stdout.includes(text)) throw new Error(`"${text}" never appeared; stdout: ${stdout} stderr: ${stderr}`);
  };
  return { child, exited, waitFor, output: () => ({ stdout, stderr }) };
}

describe('npm start', () => {
  it('migrates, serves HTTP, fires overdue deadlines, and stops on SIGTERM with everything committed', async () => {
    t = await tempDb();
    const service = new IncidentService(t.db.kysely);
    const { id } = await service.create({ title: 'Leak', severity: 'high' }, responder);
    await service.send(id, { type: 'CONFIRM', awarenessAt: new Date(Date.now() - 7200_000).toISOString() }, { actor: responder });
    const dueAt = new Date(Date.now() - 3600_000).toISOString();
    const obligation = { id: 'kr-pipa', regime: 'KR-PIPA', jurisdiction: 'KR', recipient: 'regulator' as const, authority: 'PIPC', dueAt, citation: 'PIPA Art. 34' };
    await service.dispatch(id, { type: 'OBLIGATIONS_ASSESSED', obligations: [obligation] }, { actor: engine });
    await t.db.close();

    const main = startMain({ DATABASE_URL: t.url, SCHEDULER_INTERVAL_MS: '50', LOG_LEVEL: 'info', PORT: '0' });
    await main.waitFor('"msg":"deadlines fired"');
    const url = /"url":"(http:[^"]+)"/.exec(main.output().stdout)?.[1];
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', database: 'ok' });
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(main.output().stdout).toContain('"msg":"stopped"');

    const after = new IncidentService((await t.reopen()).kysely);
    expect((await after.timeline(id)).filter((e) => e.type === 'DEADLINE_REACHED')).toHaveLength(1);
    expect((await after.get(id)).obligations[0]?.overdueSince).not.toBeNull();
  });

  it('refuses to start on a broken regime file, naming the file, the path and the problem', async () => {
    t = await tempDb();
    const main = startMain({ DATABASE_URL: t.url, WORKFLOWS_DIR: 'test/obligations/fixtures/bad-unit' });
    expect(await main.exited).toBe(1);
    expect(main.output().stderr).toMatch(/^breachline: test\/obligations\/fixtures\/bad-unit\/eu-gdpr\.yaml: recipients\.0\.deadline\.unit: /);
  });

  it('refuses to start on bad configuration, naming the variable', async () => {
    const main = startMain({ DATABASE_URL: 'mysql://db/breachline' });
    expect(await main.exited).toBe(1);
    expect(main.output().stderr).toContain('DATABASE_URL: must be sqlite:<path> or postgres://...');
  });
});
