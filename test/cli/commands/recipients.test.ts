import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recipientsCsv } from '../../delivery/support.js';
import { readJson } from '../../support/server.js';
import { cliTestContext, downUrl, runCli } from '../cli-runner.js';

const t = cliTestContext();

async function newIncident(): Promise<string> {
  const response = await t.server.request('/api/v1/incidents', { method: 'POST', json: { title: 'Mailing list exposed', severity: 'high' } });
  return (await readJson(response)).id as string;
}

function file(name: string, text: string): string {
  const path = join(t.home.dir, name);
  writeFileSync(path, text);
  return path;
}

const importsOf = async (incident: string) => (await readJson(await t.server.request(`/api/v1/incidents/${incident}/recipient-imports`))).items as any[];
const emailsOf = async (incident: string) =>
  ((await readJson(await t.server.request(`/api/v1/incidents/${incident}/recipients?limit=500`))).items as Array<{ email: string }>).map((r) => r.email);

describe('breachline recipients', () => {
  it('imports a CSV file, streamed, and lists the recipients and the import', async () => {
    const incident = await newIncident();
    const imported = await t.cli(['recipients', 'import', incident, file('customers.csv', recipientsCsv(5))], { token: t.server.tokens.responder });
    expect(imported.code, imported.stderr).toBe(0);
    // No terminal: no bar and no chatter, only the summary.
    expect(imported.stderr).toBe('');
    const [stored] = await importsOf(incident);
    expect(stored).toMatchObject({ format: 'csv', status: 'complete', accepted: 5, duplicates: 0, rejected: 0, total: 5 });
    expect(imported.stdout).toBe(`import:     ${stored.id}\nstatus:     complete\nrows:       5\naccepted:   5\nduplicates: 0\nrejected:   0\n`);
    expect(await emailsOf(incident)).toEqual(['user0@example.com', 'user1@example.com', 'user2@example.com', 'user3@example.com', 'user4@example.com']);

    const legal = t.server.tokens.legal;
    const [list, all, imports] = await Promise.all([
      t.cli(['recipients', 'list', incident, '--limit', '2'], { token: legal }),
      t.cli(['recipients', 'list', incident, '--json'], { token: legal }),
      t.cli(['recipients', 'imports', incident], { token: t.server.tokens.viewer }),
    ]);
    expect(list.stdout.split('\n')[0]).toMatch(/^EMAIL +NAME +LOCALE +JURISDICTION +FIELDS$/);
    expect(list.stdout).toMatch(/\nuser1@example\.com +用户1 +zh-CN +CN +memberId=M-1\n$/);
    expect(list.stderr).toMatch(new RegExp(`^more: breachline recipients list ${incident} --limit 2 --cursor \\S+\n$`));
    const json = JSON.parse(all.stdout);
    expect(json.items).toHaveLength(5);
    expect(json.items[2]).toEqual({ email: 'user2@example.com', name: 'Person 2', locale: 'en', jurisdiction: 'DE', custom: { memberId: 'M-2' }, importId: stored.id });
    expect(json.nextCursor).toBeNull();
    expect(imports.stdout).toMatch(new RegExp(`\\n${stored.id} +csv +complete +5 +5 +0 +0 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +\\S+ +-\\n`));
  });

  it('counts rejected and duplicate rows and downloads them as CSV', async () => {
    const incident = await newIncident();
    const csv = 'email,name\nok@example.com,Ok\nnot-an-email,Bad\nOK@example.com,Again\n';
    const imported = await t.cli(['recipients', 'import', incident, file('mixed.csv', csv)], { token: t.server.tokens.responder });
    expect(imported.code, imported.stderr).toBe(0);
    const [summary] = await importsOf(incident);
    expect(summary).toMatchObject({ status: 'complete', accepted: 1, duplicates: 1, rejected: 1, total: 3 });
    expect(imported.stdout).toMatch(/\naccepted: +1\nduplicates: +1\nrejected: +1\n$/);
    expect(imported.stderr).toBe(`rows not imported, with the reason: breachline recipients rejections ${incident} ${summary.id} -o rejections.csv\n`);
    expect(await emailsOf(incident)).toEqual(['ok@example.com']);

    const saved = join(t.home.dir, 'rejections.csv');
    const [toFile, toStdout] = await Promise.all([
      t.cli(['recipients', 'rejections', incident, summary.id, '-o', saved], { token: t.server.tokens.legal }),
      t.cli(['recipients', 'rejections', incident, summary.id], { token: t.server.tokens.responder }),
    ]);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stderr).toBe(`saved to ${saved}\n`);
    const rows = readFileSync(saved, 'utf8').trim().split('\r\n');
    expect(rows[0]).toBe('row,reason,email');
    expect(rows.slice(1)).toEqual([expect.stringMatching(/^3,".+","not-an-email"$/), expect.stringMatching(/^4,".*duplicate.*","OK@example.com"$/i)]);
    expect(toStdout.stdout).toBe(readFileSync(saved, 'utf8'));
  });

  it('imports NDJSON by its name, and CSV from stdin with --format', async () => {
    const incident = await newIncident();
    const ndjson = '{"email":"a@example.com","locale":"en","tier":3}\n{"email":"b@example.com"}\n';
    const fromFile = await t.cli(['recipients', 'import', incident, file('people.jsonl', ndjson), '--json'], { token: t.server.tokens.responder });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toEqual({ importId: expect.any(String), status: 'complete', accepted: 2, duplicates: 0, rejected: 0, total: 2 });
    const fromStdin = await t.cli(['recipients', 'import', incident, '-', '--format', 'csv'], { token: t.server.tokens.admin, input: 'email\nc@example.com\n' });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect((await importsOf(incident)).map((i) => [i.format, i.accepted])).toEqual([['ndjson', 2], ['csv', 1]]);
    expect(await emailsOf(incident)).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  });

  it('refuses a missing file, an unknown format and a malformed file; nothing is imported', async () => {
    const incident = await newIncident();
    const token = t.server.tokens.responder;
    const [missing, unnamed, badFormat, malformed, noIncident] = await Promise.all([
      t.cli(['recipients', 'import', incident, join(t.home.dir, 'nope.csv')], { token }),
      t.cli(['recipients', 'import', incident, file('people.txt', 'email\na@example.com\n')], { token }),
      t.cli(['recipients', 'import', incident, '-', '--format', 'xlsx'], { token }),
      t.cli(['recipients', 'import', incident, file('no-email.csv', 'name\nAnn\n')], { token }),
      t.cli(['recipients', 'import', 'no-such-incident', file('one.csv', 'email\na@example.com\n')], { token }),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`breachline: ${join(t.home.dir, 'nope.csv')}: no such file\n`);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toBe(`breachline: ${join(t.home.dir, 'people.txt')}: cannot tell the format from the name; pass --format csv or --format ndjson\n`);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/^breachline: option '--format <format>' argument 'xlsx' is invalid\. Allowed choices are csv, ndjson\. \(see --help\)\n$/);
    expect(malformed.code).toBe(7);
    expect(malformed.stderr).toMatch(/^breachline: 400 .*email.*nothing was imported/);
    expect(malformed.stderr).not.toMatch(/(row \d+: ){2}/); // the row is named once per part, not twice
    expect(noIncident.code).toBe(5);
    expect(noIncident.stderr).toMatch(/^breachline: 404 /);
    expect(await emailsOf(incident)).toEqual([]);
    expect((await importsOf(incident)).map((i) => i.status)).toEqual(['failed']);
  });

  it('refuses roles that may not: legal may not import, viewers may not read personal data', async () => {
    const incident = await newIncident();
    const csv = file('legal.csv', 'email\na@example.com\n');
    const [byLegal, listByViewer, rejectionsByViewer] = await Promise.all([
      t.cli(['recipients', 'import', incident, csv], { token: t.server.tokens.legal }),
      t.cli(['recipients', 'list', incident], { token: t.server.tokens.viewer }),
      t.cli(['recipients', 'rejections', incident, 'any-import'], { token: t.server.tokens.viewer }),
    ]);
    for (const refused of [byLegal, listByViewer, rejectionsByViewer]) {
      expect(refused.code).toBe(4);
      expect(refused.stderr).toMatch(/^breachline: 403 Forbidden/);
      expect(refused.stdout).toBe('');
    }
    expect(await importsOf(incident)).toEqual([]);
  });

  it('says so when the server is down', async () => {
    const url = await downUrl();
    const [imported, listed] = await Promise.all([
      runCli(['recipients', 'import', 'inc', file('down.csv', 'email\na@example.com\n')], { url, config: t.home.config, token: 'any' }),
      runCli(['recipients', 'imports', 'inc'], { url, config: t.home.config, token: 'any' }),
    ]);
    for (const result of [imported, listed]) {
      expect(result.code).toBe(3);
      expect(result.stderr).toBe(`breachline: cannot reach ${url} (connection refused); is the server running? (set --url or BREACHLINE_URL)\n`);
    }
  });
});
