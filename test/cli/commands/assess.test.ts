import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatLeakFacts as CHAT_LEAK_JSON } from '../../obligations/chat-leak-facts.js';
import { cliTestContext, downUrl, runCli } from '../cli-runner.js';

const t = cliTestContext();

// The README's chat leak again, as YAML.
const CHAT_LEAK = `awarenessAt: 2026-11-20T08:00:00+08:00
organization: {}
affected:
  - { jurisdiction: CN, count: 1200000 }
  - { jurisdiction: DE, count: 40000 }
dataCategories: [contact, communications_content]
`;

function factsFile(name: string, text: string): string {
  const path = join(t.home.dir, name);
  writeFileSync(path, text);
  return path;
}

const rowOf = (stdout: string, id: string) => stdout.split('\n').find((line) => line.startsWith(`${id} `)) ?? '';

describe('breachline assess', () => {
  it('prints each duty with its due time on the regulator’s clock and in UTC, urgent ones marked', async () => {
    const facts = factsFile('chat.yaml', CHAT_LEAK);
    const legal = t.server.tokens.legal;
    const [table, json, contents] = await Promise.all([
      t.cli(['assess', facts], { token: legal }),
      t.cli(['assess', facts, '--json'], { token: legal }),
      t.cli(['assess', '-', '--contents'], { token: legal, input: JSON.stringify(CHAT_LEAK_JSON) }),
    ]);
    expect(table.code, table.stderr).toBe(0);
    // The GDPR notice to people turns on legal's risk finding (Art. 34(1): a high risk), not recorded yet.
    expect(table.stdout.split('\n')[0]).toMatch(/^OBLIGATION +TO +AUTHORITY +DUE \(LOCAL\) +DUE \(UTC\) +WHEN +CITATION +MISSING FACTS$/);
    expect(rowOf(table.stdout, 'eu-gdpr:individuals:DE')).toMatch(/individuals \(if\) .+GDPR Art\. 34.* legalFindings\.DE\.risk$/);
    // GDPR Art. 33: 72 hours from awareness, on Brussels' clock and in UTC.
    const gdpr = rowOf(table.stdout, 'eu-gdpr:regulator:DE');
    expect(gdpr).toMatch(/regulator +.+2026-11-23 01:00 \+01:00 \(Europe\/Brussels\) +2026-11-23 00:00 UTC +(in|overdue) .+GDPR Art\. 33/);
    // CAC: 4 hours, on Beijing's clock.
    expect(rowOf(table.stdout, 'cn-cac-incident-reporting:regulator:CN')).toMatch(/2026-11-20 12:00 \+08:00 \(Asia\/Shanghai\) +2026-11-20 04:00 UTC/);
    expect(rowOf(table.stdout, 'cn-pipl:individuals:CN')).toMatch(/individuals +.* immediately +- +- +.*PIPL/);
    const { obligations } = JSON.parse(json.stdout);
    const urgent = obligations.filter((o: { urgent: boolean }) => o.urgent).length;
    expect(urgent).toBeGreaterThan(0);
    expect(table.stderr).toBe(
      `${obligations.length} obligations, ${urgent} urgent (act now, no fixed due time), 1 undetermined (marked "if": they turn on facts not recorded yet); waiting for facts: legalFindings.DE.risk\n`,
    );

    expect(contents.code, contents.stderr).toBe(0);
    expect(contents.stdout).toMatch(/\neu-gdpr:regulator:DE: required contents\nFIELD +CONTENT +CITATION\nnatureOfBreach +nature of the breach +GDPR Art\. 33\(3\)\(a\)\n/);
  });

  it('names the missing clock fact instead of a due time', async () => {
    const unaware = await t.cli(['assess', factsFile('unaware.json', JSON.stringify({ ...CHAT_LEAK_JSON, awarenessAt: null }))], { token: t.server.tokens.viewer });
    expect(unaware.code, unaware.stderr).toBe(0);
    expect(unaware.stdout.split('\n')[0]).toMatch(/ CITATION +MISSING FACTS$/);
    expect(rowOf(unaware.stdout, 'eu-gdpr:regulator:DE')).toMatch(/regulator +.+ - +- +- +GDPR Art\. 33.* awarenessAt$/);
    expect(unaware.stderr).toMatch(/; waiting for facts: (awarenessAt, legalFindings\.DE\.risk|legalFindings\.DE\.risk, awarenessAt)\n$/);
  });

  it('refuses an unreadable file (2), facts the server rejects (7), an ingest token (4) and a server that is down (3)', async () => {
    const chat = factsFile('chat.yaml', CHAT_LEAK);
    const legal = t.server.tokens.legal;
    const [notYaml, notMapping, badField, asIngest, down] = await Promise.all([
      t.cli(['assess', factsFile('broken.yaml', 'affected: [\n')], { token: legal }),
      t.cli(['assess', factsFile('list.yaml', '- CN\n- DE\n')], { token: legal }),
      t.cli(['assess', factsFile('bad.yaml', CHAT_LEAK.replace('jurisdiction: CN', 'jurisdiction: China'))], { token: legal }),
      t.cli(['assess', chat], { token: t.server.tokens.ingest }),
      runCli(['assess', chat], { url: await downUrl(), token: legal, config: t.home.config }),
    ]);
    expect(notYaml.code).toBe(2);
    expect(notYaml.stderr).toMatch(/^breachline: .*broken\.yaml: not valid YAML or JSON: .+\n$/);
    expect(notMapping.code).toBe(2);
    expect(notMapping.stderr).toMatch(/list\.yaml: expected a mapping of fields \(an object\)\n$/);
    expect(badField.code).toBe(7);
    expect(badField.stderr).toMatch(/^breachline: 400 .*\(affected\.0\.jurisdiction: must be an ISO 3166 code.*\)\n$/);
    expect(asIngest.code).toBe(4);
    expect(asIngest.stderr).toMatch(/^breachline: 403 Forbidden: .+\n$/);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/^breachline: cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
  });
});
