import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../support/server.js';
import { cliTestContext, downUrl, runCli } from '../cli-runner.js';

const t = cliTestContext();

const incidentCount = async () => (await readJson(await t.server.request('/api/v1/incidents?limit=100'))).items.length as number;

describe('breachline incidents', () => {
  it('opens an incident, prints its id alone on stdout, and refuses bad arguments and other roles before writing', async () => {
    const responder = t.server.tokens.responder;
    const [opened, noTitle, asLegal, badSeverity] = await Promise.all([
      t.cli(['incidents', 'open', '--title', 'Chat database exposed', '--severity', 'critical', '--summary', 'Phone numbers readable'], { token: responder }),
      t.cli(['incidents', 'open', '--severity', 'critical'], { token: responder }),
      t.cli(['incidents', 'open', '--title', 'Not mine to open', '--severity', 'low'], { token: t.server.tokens.legal }),
      t.cli(['incidents', 'open', '--title', 'Bad severity', '--severity', 'huge'], { token: responder }),
    ]);
    expect(opened.code).toBe(0);
    const id = opened.stdout.trim();
    expect(opened.stderr).toContain(`opened ${id} v1: detected`);
    const stored = await readJson(await t.server.request(`/api/v1/incidents/${id}`));
    expect(stored).toMatchObject({ title: 'Chat database exposed', severity: 'critical', summary: 'Phone numbers readable' });

    expect(noTitle.code).toBe(2);
    expect(noTitle.stderr).toMatch(/^breachline: required option '--title <title>' not specified \(see --help\)\n$/);
    expect(asLegal.code).toBe(4);
    expect(asLegal.stderr).toMatch(/^breachline: 403 Forbidden: .+\n$/);
    expect(badSeverity.code).toBe(7);
    expect(badSeverity.stderr).toMatch(/^breachline: 400 .*\(severity: .*"critical".*\)\n$/);
    expect(await incidentCount()).toBe(1);
  });

  it('sends events from key=value pairs, JSON and YAML files, and explains a refusal in one line', async () => {
    const responder = t.server.tokens.responder;
    const id = (await t.cli(['incidents', 'open', '--title', 'Events', '--severity', 'high'], { token: responder })).stdout.trim();
    const awareness = new Date(Date.now() - 60_000).toISOString();
    const confirm = await t.cli(['incidents', 'event', id, 'CONFIRM', `awarenessAt=${awareness}`], { token: responder });
    expect(confirm.code).toBe(0);
    expect(confirm.stdout).toMatch(new RegExp(`^${id} v3: response \\(containment active, individuals assessing`));

    const scopeFile = join(t.home.dir, 'scope.yaml');
    writeFileSync(scopeFile, 'affected:\n  - jurisdiction: DE\n    count: 40000\ndataCategories: [contact]\n');
    const [scoped, badPair, missingFile] = await Promise.all([
      t.cli(['incidents', 'event', id, 'UPDATE_SCOPE', '--file', scopeFile, 'encrypted=true', 'organization.criticalInfrastructure=false'], { token: responder }),
      t.cli(['incidents', 'event', id, 'MARK_CONTAINED', 'containedAt'], { token: responder }),
      t.cli(['incidents', 'event', id, 'UPDATE_SCOPE', '--file', join(t.home.dir, 'nope.yaml')], { token: responder }),
    ]);
    expect(scoped.code).toBe(0);
    expect(badPair.code).toBe(2);
    expect(badPair.stderr).toBe('breachline: "containedAt": expected key=value (e.g. reason="Encrypted with a safe key")\n');
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain('nope.yaml: no such file');
    const incident = await readJson(await t.server.request(`/api/v1/incidents/${id}`));
    expect(incident.scope.affected).toEqual([{ jurisdiction: 'DE', count: 40000 }]);
    expect(incident.scope.encrypted).toBe(true);
    expect(incident.scope.organization).toEqual({ criticalInfrastructure: false });
    expect(incident.version).toBe(5); // each change is followed by the engine's OBLIGATIONS_ASSESSED

    const [refused, stale, asViewer, json] = await Promise.all([
      t.cli(['incidents', 'event', id, 'CLOSE'], { token: responder }),
      t.cli(['incidents', 'event', id, 'MARK_CONTAINED', '--if-match', '2'], { token: responder }),
      t.cli(['incidents', 'event', id, 'MARK_CONTAINED'], { token: t.server.tokens.viewer }),
      t.cli(['incidents', 'event', id, 'RECORD_CONTAINMENT_ACTION', '--data', '{"description":"Closed the port"}', '--json'], { token: responder }),
    ]);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/^breachline: 409 Conflict: CLOSE is not accepted .*allowed.*MARK_CONTAINED/);
    expect(refused.stderr.split('\n')).toHaveLength(2); // one line, then the final newline
    expect(stale.code).toBe(6);
    expect(stale.stderr).toMatch(/^breachline: 412 /);
    expect(asViewer.code).toBe(4);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).containment.actions[0].description).toBe('Closed the port');
  });

  it('lists, shows and prints obligations and the timeline, for people and as JSON', async () => {
    const id = (await t.cli(['incidents', 'open', '--title', 'Readable', '--severity', 'medium'], { token: t.server.tokens.responder })).stdout.trim();
    const awareness = new Date(Date.now() - 60_000).toISOString();
    await t.server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', json: { type: 'CONFIRM', awarenessAt: awareness } });
    await t.server.request(`/api/v1/incidents/${id}/events`, {
      method: 'POST',
      json: { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 500 }], dataCategories: ['contact'] },
    });
    const viewer = t.server.tokens.viewer;
    const [list, onePage, listJson, show, showJson, duties, dutyIds, timeline, unknown] = await Promise.all([
      t.cli(['incidents', 'list', '--phase', 'response'], { token: viewer }),
      t.cli(['incidents', 'list', '--phase', 'response', '--limit', '1'], { token: viewer }),
      t.cli(['incidents', 'list', '--limit', '1', '--json'], { token: viewer }),
      t.cli(['incidents', 'show', id], { token: viewer }),
      t.cli(['incidents', 'show', id, '--json'], { token: viewer }),
      t.cli(['incidents', 'obligations', id], { token: viewer }),
      t.cli(['incidents', 'obligations', id, '--to', 'regulator', '-q'], { token: viewer }),
      t.cli(['incidents', 'timeline', id], { token: viewer }),
      t.cli(['incidents', 'show', 'no-such-incident'], { token: viewer }),
    ]);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID +SEVERITY +PHASE +NEXT DUE \(UTC\) +WHEN +TITLE$/);
    expect(list.stdout).toMatch(new RegExp(`${id} +medium +response +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +in \\d+`));
    // The next page's command keeps the filters.
    expect(onePage.stderr).toMatch(/^more: breachline incidents list --phase response --limit 1 --cursor \S+\n$/);
    const page = JSON.parse(listJson.stdout);
    expect(page.items).toHaveLength(1);
    expect(listJson.stderr).toBe('');
    expect(typeof page.nextCursor).toBe('string');

    expect(show.stdout).toMatch(/^Incident: +\S+\nTitle: +Readable\n/);
    expect(show.stdout).toContain('eu-gdpr:regulator:DE');
    expect(JSON.parse(showJson.stdout).id).toBe(id);

    // GDPR Art. 33: 72 hours from awareness, shown on Brussels' wall clock and in UTC.
    const due = new Date(Date.parse(awareness) + 72 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const row = duties.stdout.split('\n').find((line) => line.startsWith('eu-gdpr:regulator:DE'))!;
    expect(row).toContain(`${due} UTC`);
    expect(row).toMatch(/\(Europe\/Brussels\)/);
    expect(row).toContain('GDPR Art. 33');
    expect(dutyIds.stdout).toBe('eu-gdpr:regulator:DE\n');

    expect(timeline.stdout).toMatch(/\n1 +\S+ \S+ UTC +CREATED +test responder\n/);
    expect(timeline.stdout).toContain('UPDATE_SCOPE');
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toBe('breachline: 404 Not Found: incident no-such-incident not found\n');
  });

  it('says when the server is down or no token is set', async () => {
    const [down, noToken] = await Promise.all([
      runCli(['incidents', 'list'], { url: await downUrl(), token: t.server.tokens.viewer, config: t.home.config }),
      t.cli(['incidents', 'list']),
    ]);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/^breachline: cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection refused\); is the server running\?/);
    expect(noToken.code).toBe(4);
    expect(noToken.stderr).toBe('breachline: no token: run `breachline login`, set BREACHLINE_TOKEN, or pass --token\n');
  });
});
