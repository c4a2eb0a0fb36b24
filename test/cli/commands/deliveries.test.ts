import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, expectStatus, incidentReadyToSend, recipientEmail, recipientsCsv, type Tokens } from '../../delivery/support.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.js';
import { cliFor, cliHome, downUrl, runCli, type CliResult } from '../cli-runner.js';

// Retries and polls in milliseconds, as the delivery tests run them.
const FAST = { SCHEDULER_INTERVAL_MS: '50', DELIVERY_RETRY_SECONDS: '0.05', DELIVERY_PAUSE_AFTER_FAILURES: '5' };

let sink: SmtpSink;
let server: TestServer;
let tokens: Tokens;
let home: ReturnType<typeof cliHome>;
let cli: ReturnType<typeof cliFor>;
let release: (() => void) | undefined;

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ ...FAST, SMTP_URL: sink.url, MAIL_FROM: 'privacy@chatter.example', SMTP_POOL_SIZE: '2' });
  tokens = server.tokens as Tokens;
  home = cliHome();
  cli = cliFor(server.url, home.config);
});
afterAll(async () => {
  await server.stop();
  await sink.close();
  home.remove();
});
afterEach(() => {
  sink.failWhen(null);
  release?.();
  release = undefined;
});

const sendOf = async (id: string) => expectStatus(await call(server.url, `/api/v1/deliveries/${id}`, { token: tokens.viewer! }), 200);
const startByApi = async (incidentId: string) => (await expectStatus(await call(server.url, `/api/v1/incidents/${incidentId}/deliveries`, { method: 'POST', token: tokens.responder }), 202)).id as string;
const receivedAt = (domain: string) => sink.received.flatMap((mail) => mail.to).filter((to) => to.endsWith(`@${domain}`));
const everyone = (count: number, domain: string) => Array.from({ length: count }, (_, i) => recipientEmail(i, domain)).sort();

/** `breachline ARGS` as a process the test can signal and read while it runs (runCli answers only at the end). */
function startCli(args: string[], token: string) {
  const env = { ...process.env, BREACHLINE_URL: server.url, BREACHLINE_TOKEN: token, BREACHLINE_CONFIG: home.config };
  const child = spawn(process.execPath, [join(import.meta.dirname, '../../../src/cli/breachline.mjs'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const result: CliResult = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (result.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ ...result, code })));
  const stderrShows = async (pattern: RegExp) => {
    for (let i = 0; i < 400 && !pattern.test(result.stderr); i++) await new Promise((r) => setTimeout(r, 50));
    expect(result.stderr).toMatch(pattern);
  };
  return { child, done, stderrShows };
}

describe('breachline deliveries', () => {
  it('starts a send and watches it to the end; shows and lists it', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(12, 'watch.example'));
    const watched = await cli(['deliveries', 'start', incidentId, '--watch', '--interval', '0.2'], { token: tokens.responder });
    expect(watched.code, watched.stderr).toBe(0);
    const [id, summary, ...rest] = watched.stdout.split('\n');
    expect(rest).toEqual(['']);
    expect(summary).toMatch(new RegExp(`^send ${id} complete: 12 of 12 sent, 0 failed, took \\d+s$`));
    expect(watched.stderr).toMatch(new RegExp(`^started send ${id} to 12 recipients\\n`));
    // No terminal: plain lines, the last one the end.
    expect(watched.stderr).toMatch(/\nsent 12\/12 \(100%\), failed 0, 0\.0\/s, eta -, complete\n$/);
    expect(await sendOf(id!)).toMatchObject({ status: 'complete', sent: 12, failed: 0 });
    expect(receivedAt('watch.example').sort()).toEqual(everyone(12, 'watch.example'));

    const [show, showJson, list, failures] = await Promise.all([
      cli(['deliveries', 'show', id!], { token: tokens.viewer }),
      cli(['deliveries', 'show', id!, '--json'], { token: tokens.viewer }),
      cli(['deliveries', 'list', incidentId], { token: tokens.viewer }),
      cli(['deliveries', 'failures', id!], { token: tokens.legal }),
    ]);
    expect(show.stdout).toMatch(new RegExp(`^send: +${id}\\nincident: +${incidentId}\\n`));
    expect(show.stdout).toMatch(/\nstatus: +complete\ntotal: +12\nsent: +12\nfailed: +0\npending: +0\nrate: +0\.0\/s\neta: +-\n/);
    expect(JSON.parse(showJson.stdout)).toEqual(await sendOf(id!));
    expect(list.stdout.split('\n')[0]).toMatch(/^ID +STATUS +TOTAL +SENT +FAILED +PENDING +STARTED \(UTC\) +FINISHED \(UTC\)$/);
    expect(list.stdout).toMatch(new RegExp(`\\n${id} +complete +12 +12 +0 +0 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\n$`));
    expect(failures.stdout).toBe('EMAIL  ATTEMPTS  ERROR\n');
  });

  it('shows which language each group of recipients reads, and that the notice is written in each', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(6, 'languages.example'));
    const shown = await cli(['deliveries', 'languages', incidentId], { token: tokens.viewer });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^LOCALE +JURISDICTION +RECIPIENTS +READS +BECAUSE OF +WRITTEN$/m);
    expect(shown.stdout).toMatch(/^en +DE +2 +en +their locale +yes$/m);
    expect(shown.stdout).toMatch(/^zh-CN +CN +4 +zh-CN +their locale +yes$/m);
    expect(shown.stderr).toBe('the notice (zh-CN, en) is written in every language its recipients read\n');
  });

  it('lists the messages that failed for good, to roles that may read them', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(6, 'fail.example'));
    const refused = recipientEmail(4, 'fail.example');
    sink.failWhen((to) => (to.includes(refused) ? 550 : null));
    const started = await cli(['deliveries', 'start', incidentId], { token: tokens.admin });
    expect(started.code, started.stderr).toBe(0);
    const id = started.stdout.trim();
    expect(started.stderr).toBe(`started send ${id} to 6 recipients\nfollow it: breachline deliveries watch ${id}\n`);

    const watched = await cli(['deliveries', 'watch', id, '--interval', '0.2'], { token: tokens.viewer });
    expect(watched.code, watched.stderr).toBe(0);
    expect(watched.stdout).toMatch(new RegExp(`^send ${id} complete: 5 of 6 sent, 1 failed, took \\d+s\\n$`));
    expect(watched.stderr).toMatch(new RegExp(`\\nwho did not get it, and why: breachline deliveries failures ${id}\\n$`));

    const [failures, byViewer] = await Promise.all([
      cli(['deliveries', 'failures', id], { token: tokens.legal }),
      cli(['deliveries', 'failures', id], { token: tokens.viewer }),
    ]);
    expect(failures.stdout).toMatch(new RegExp(`^EMAIL +ATTEMPTS +ERROR\\n${refused.replace('.', '\\.')} +1 +550 .+\\n$`));
    expect(byViewer.code).toBe(4);
    expect(byViewer.stderr).toMatch(/^breachline: 403 Forbidden/);
  });

  it('keeps watching a paused send, shows why, and ends when it is resumed and done', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(9, 'pause.example'));
    // A slow mail server: nothing is answered, so the send is still running when legal pauses it.
    release = sink.hold();
    const id = await startByApi(incidentId);
    const paused = await cli(['deliveries', 'pause', id, '--reason', 'relay maintenance'], { token: tokens.legal });
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stdout).toMatch(new RegExp(`^send ${id} paused \\(relay maintenance\\): 0 of 9 sent, 0 failed\\n$`));
    expect(await sendOf(id)).toMatchObject({ status: 'paused', statusReason: 'relay maintenance' });

    const watcher = startCli(['deliveries', 'watch', id, '--interval', '0.2'], tokens.viewer!);
    await watcher.stderrShows(/, paused \(relay maintenance\)\n/);
    const byLegal = await cli(['deliveries', 'resume', id], { token: tokens.legal });
    expect(byLegal.code).toBe(4);
    expect(byLegal.stderr).toMatch(/^breachline: 403 Forbidden/);
    release();
    const resumed = await cli(['deliveries', 'resume', id], { token: tokens.responder });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`^send ${id} running: \\d of 9 sent, 0 failed\\n$`));

    const watched = await watcher.done;
    expect(watched.code, watched.stderr).toBe(0);
    expect(watched.stdout).toMatch(new RegExp(`^send ${id} complete: 9 of 9 sent, 0 failed, took \\d+s\\n$`));
    expect(receivedAt('pause.example').sort()).toEqual(everyone(9, 'pause.example'));
  });

  it('stops watching on Ctrl-C with the send going on; refuses a second send; a cancelled send exits 8', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(8, 'cancel.example'));
    release = sink.hold();
    const id = await startByApi(incidentId);
    const watcher = startCli(['deliveries', 'watch', id, '--interval', '0.2'], tokens.responder);
    await watcher.stderrShows(/^sent 0\/8 \(0%\), failed 0, .*, running\n/);
    watcher.child.kill('SIGINT');
    const interrupted = await watcher.done;
    expect(interrupted.code).toBe(130);
    expect(interrupted.stdout).toBe('');
    expect(interrupted.stderr).toMatch(new RegExp(`\\nstopped watching; send ${id} is still running \\(breachline deliveries watch ${id}\\)\\n$`));
    expect((await sendOf(id)).status).toBe('running');

    // One at a time: once cancelled, the same words may be sent again.
    const again = await cli(['deliveries', 'start', incidentId], { token: tokens.responder });
    const cancelled = await cli(['deliveries', 'cancel', id, '--reason', 'wrong list', '--json'], { token: tokens.legal });
    expect(again.code).toBe(6);
    expect(again.stderr).toMatch(/^breachline: 409 Conflict: /);
    expect(again.stdout).toBe('');
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ id, status: 'cancelled', statusReason: 'wrong list' });
    // Messages already with the mail server still finish; nothing else goes out.
    release();

    const watched = await cli(['deliveries', 'watch', id], { token: tokens.viewer });
    expect(watched.code).toBe(8);
    const [, sent, notSent] = new RegExp(`^send ${id} cancelled \\(wrong list\\): (\\d) of 8 sent, 0 failed, (\\d) not sent\n$`).exec(watched.stdout) ?? [];
    expect(Number(sent) + Number(notSent)).toBe(8);
    expect(watched.stderr).toMatch(new RegExp(`\\nbreachline: send ${id} ended cancelled \\(wrong list\\)\\n$`));
  });

  it('refuses viewers, incidents with nothing to send, unknown sends and bad arguments', async () => {
    const notReady = await expectStatus(await call(server.url, '/api/v1/incidents', { token: tokens.responder, json: { title: 'Not ready', severity: 'low' } }), 201);
    const [byViewer, nothing, unknown, badInterval, noIncident, emptyReason] = await Promise.all([
      cli(['deliveries', 'start', notReady.id], { token: tokens.viewer }),
      cli(['deliveries', 'start', notReady.id], { token: tokens.responder }),
      cli(['deliveries', 'show', 'no-such-send'], { token: tokens.viewer }),
      cli(['deliveries', 'watch', 'any', '--interval', '0'], { token: tokens.viewer }),
      cli(['deliveries', 'start'], { token: tokens.responder }),
      cli(['deliveries', 'pause', 'no-such-send', '--reason', ' '], { token: tokens.responder }),
    ]);
    expect(byViewer.code).toBe(4);
    expect(byViewer.stderr).toMatch(/^breachline: 403 Forbidden/);
    expect(nothing.code).toBe(6);
    expect(nothing.stderr).toMatch(/^breachline: 409 Conflict: .*no approved notice to individuals/);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toMatch(/^breachline: 404 /);
    expect(badInterval.code).toBe(2);
    expect(badInterval.stderr).toBe("breachline: option '--interval <seconds>' argument '0' is invalid. expected seconds, 0.1 or more (see --help)\n");
    expect(noIncident.code).toBe(2);
    expect(noIncident.stderr).toBe("breachline: missing required argument 'incident' (see --help)\n");
    expect(emptyReason.code).toBe(7);
    expect(emptyReason.stderr).toMatch(/^breachline: 400 .*reason: must not be empty/);
    const sends = await expectStatus(await call(server.url, `/api/v1/incidents/${notReady.id}/deliveries`, { token: tokens.viewer! }), 200);
    expect(sends.items).toEqual([]);
  });

  it('says so when the server is down', async () => {
    const url = await downUrl();
    const [start, watch] = await Promise.all([
      runCli(['deliveries', 'start', 'inc'], { url, config: home.config, token: 'any' }),
      runCli(['deliveries', 'watch', 'send'], { url, config: home.config, token: 'any' }),
    ]);
    for (const result of [start, watch]) {
      expect(result.code).toBe(3);
      expect(result.stderr).toBe(`breachline: cannot reach ${url} (connection refused); is the server running? (set --url or BREACHLINE_URL)\n`);
    }
  });
});
