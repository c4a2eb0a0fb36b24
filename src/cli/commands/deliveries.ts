import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { ApiClient } from '../api-client.js';
import { apiFor, sayNextPage, withExamples, withPaging } from '../command-kit.js';
import { CliError } from '../cli-errors.js';
import { EXIT } from '../exit-codes.js';
import { duration, printFields, printJson, printLine, printTable, say, utcTime } from '../output.js';
import { progressReport, type Progress } from '../progress-bar.js';

interface SendJson {
  id: string;
  incidentId: string;
  noticeId: string;
  versionId: string;
  status: 'running' | 'paused' | 'cancelled' | 'complete';
  statusReason: string | null;
  total: number;
  sent: number;
  failed: number;
  pending: number;
  ratePerSecond: number;
  etaSeconds: number | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}

const WATCH_HELP = `
Watching ends when the send does: exit 0 once it is complete (failed messages included; see
\`deliveries failures\`), exit 8 if it is cancelled. A paused send (paused by someone, or by the
server after repeated failures) shows why, and is watched on until it is resumed or cancelled.
Ctrl-C stops watching only: the send goes on. On a terminal a live bar is drawn on stderr; otherwise
one plain line is written when the progress changes, at most every few seconds.`;

const seconds = (value: string): number => {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) < 0.1) throw new InvalidArgumentError('expected seconds, 0.1 or more');
  return Number(value);
};

const sendPath = (id: string, action = '') => `/deliveries/${encodeURIComponent(id)}${action}`;
const finished = (send: SendJson) => send.status === 'complete' || send.status === 'cancelled';
const why = (send: SendJson) => (send.statusReason === null ? '' : ` (${send.statusReason})`);
const statusLine = (send: SendJson) => `send ${send.id} ${send.status}${why(send)}: ${send.sent} of ${send.total} sent, ${send.failed} failed`;

interface LanguagePlanJson {
  noticeLocales: string[];
  groups: Array<{ locale: string | null; jurisdiction: string | null; recipients: number; reads: string | null; reason: 'locale' | 'jurisdiction' | 'primary'; written: boolean }>;
}

const REASONS = { locale: 'their locale', jurisdiction: 'where they live', primary: 'the notice’s primary language' } as const;

export function registerDeliveries(program: Command): void {
  const deliveries = program.command('deliveries').description('send the approved notice to individuals, and follow the send');

  withExamples(
    deliveries
      .command('languages')
      .argument('<incident>', 'incident id')
      .description('which language each group of recipients reads the notice in, and whether the notice is written in it')
      .option('--json', 'print the API’s JSON'),
    ['breachline deliveries languages "$ID"'],
  ).action(async (incident: string, options, command: Command) => {
    const plan = await apiFor(command).get<LanguagePlanJson>(`/incidents/${encodeURIComponent(incident)}/deliveries/languages`);
    if (options.json) return printJson(plan);
    if (plan.groups.length === 0) return say(`no recipients yet: breachline recipients import ${incident} people.csv`);
    printTable(
      ['LOCALE', 'JURISDICTION', 'RECIPIENTS', 'READS', 'BECAUSE OF', 'WRITTEN'],
      plan.groups.map((g) => [g.locale, g.jurisdiction, g.recipients, g.reads, REASONS[g.reason], g.written ? 'yes' : 'no']),
    );
    const missing = [...new Set(plan.groups.filter((g) => !g.written && g.reads !== null).map((g) => g.reads))];
    say(
      plan.noticeLocales.length === 0
        ? 'no notice drafted yet'
        : missing.length === 0
          ? `the notice (${plan.noticeLocales.join(', ')}) is written in every language its recipients read`
          : `the notice is written in ${plan.noticeLocales.join(', ')}; add ${missing.join(', ')} before sending`,
    );
  });

  withExamples(
    deliveries
      .command('start')
      .argument('<incident>', 'incident id')
      .description('send the approved notice to every recipient imported so far; prints the send id')
      .option('--watch', 'then follow it as `deliveries watch` does (and exit as it does)')
      .option('--interval <seconds>', 'with --watch: how often to ask', seconds, 2),
    ['SEND=$(breachline deliveries start "$ID")', 'breachline deliveries start "$ID" --watch'],
  ).action(async (incident: string, options, command: Command) => {
    const api = apiFor(command);
    const send = await api.post<SendJson>(`/incidents/${encodeURIComponent(incident)}/deliveries`);
    printLine(send.id);
    say(`started send ${send.id} to ${send.total} recipients`);
    if (options.watch) return watch(api, send.id, options.interval * 1000);
    say(`follow it: breachline deliveries watch ${send.id}`);
  });

  withExamples(
    deliveries
      .command('watch')
      .argument('<send>', 'send id')
      .description('follow a send to its end: sent of total, failed, rate and time left')
      .option('--interval <seconds>', 'how often to ask', seconds, 2)
      .addHelpText('after', WATCH_HELP),
    ['breachline deliveries watch "$SEND"', 'breachline deliveries watch "$SEND" --interval 10 2>>send.log'],
  ).action((id: string, options, command: Command) => watch(apiFor(command), id, options.interval * 1000));

  withExamples(
    deliveries.command('show').argument('<send>', 'send id').description('one send’s progress').option('--json', 'print the API’s JSON'),
    ['breachline deliveries show "$SEND"', 'breachline deliveries show "$SEND" --json | jq .pending'],
  ).action(async (id: string, options, command: Command) => {
    const send = await apiFor(command).get<SendJson>(sendPath(id));
    if (options.json) return printJson(send);
    printFields([
      ['send', send.id],
      ['incident', send.incidentId],
      ['notice', `${send.noticeId} (version ${send.versionId})`],
      ['status', `${send.status}${why(send)}`],
      ['total', send.total],
      ['sent', send.sent],
      ['failed', send.failed],
      ['pending', send.pending],
      ['rate', `${send.ratePerSecond.toFixed(1)}/s`],
      ['eta', send.etaSeconds === null ? null : duration(send.etaSeconds)],
      ['started', `${utcTime(send.createdAt)} by ${send.createdBy}`],
      ['finished', utcTime(send.finishedAt)],
    ]);
  });

  withExamples(
    deliveries.command('list').argument('<incident>', 'incident id').description('the incident’s sends, oldest first').option('--json', 'print the API’s JSON'),
    ['breachline deliveries list "$ID"'],
  ).action(async (incident: string, options, command: Command) => {
    const answer = await apiFor(command).get<{ items: SendJson[] }>(`/incidents/${encodeURIComponent(incident)}/deliveries`);
    if (options.json) return printJson(answer);
    printTable(
      ['ID', 'STATUS', 'TOTAL', 'SENT', 'FAILED', 'PENDING', 'STARTED (UTC)', 'FINISHED (UTC)'],
      answer.items.map((s) => [s.id, s.status, s.total, s.sent, s.failed, s.pending, utcTime(s.createdAt), utcTime(s.finishedAt)]),
    );
  });

  const change = (name: string, description: string, examples: string[], withReason: boolean) => {
    const sub = deliveries.command(name).argument('<send>', 'send id').description(description).option('--json', 'print the send’s JSON after the change');
    if (withReason) sub.option('--reason <text>', 'why, for the timeline (no personal data)');
    withExamples(sub, examples).action(async (id: string, options, command: Command) => {
      const body = withReason ? (options.reason === undefined ? {} : { reason: options.reason }) : undefined;
      const send = await apiFor(command).post<SendJson>(sendPath(id, `/${name}`), body);
      if (options.json) return printJson(send);
      printLine(statusLine(send));
    });
  };
  change('pause', 'pause a running send; messages already with the mail server finish', ['breachline deliveries pause "$SEND" --reason "relay maintenance"'], true);
  change('resume', 'resume a paused send', ['breachline deliveries resume "$SEND"'], false);
  change(
    'cancel',
    'stop a send for good; the approval stands, and a new send skips those already sent',
    ['breachline deliveries cancel "$SEND" --reason "wrong recipient list"'],
    true,
  );

  withExamples(
    withPaging(deliveries.command('failures'), 500, 100)
      .argument('<send>', 'send id')
      .description('recipients whose message failed for good, and why (personal data: not for viewers)')
      .option('--json', 'print the API’s JSON'),
    ['breachline deliveries failures "$SEND"', 'breachline deliveries failures "$SEND" --json | jq -r ".items[].email"'],
  ).action(async (id: string, options, command: Command) => {
    const page = await apiFor(command).get<{ items: Array<{ email: string; attempts: number; error: string | null }>; nextCursor: string | null }>(
      sendPath(id, '/failures'),
      { limit: options.limit, cursor: options.cursor },
    );
    if (options.json) return printJson(page);
    printTable(['EMAIL', 'ATTEMPTS', 'ERROR'], page.items.map((f) => [f.email, f.attempts, f.error]));
    sayNextPage(page.nextCursor);
  });
}

/** Polls a send until it ends, showing progress on stderr; the outcome goes to stdout and the exit code. */
async function watch(api: ApiClient, id: string, intervalMs: number): Promise<void> {
  const interrupted = new AbortController();
  const onInterrupt = () => interrupted.abort();
  // Once: a second Ctrl-C ends the process the ordinary way.
  process.once('SIGINT', onInterrupt);
  const view = await progressReport('{bar} {percentage}% | sent {sent}/{total} | failed {failed} | {rate}/s | eta {remaining} | {state}');
  let send: SendJson;
  try {
    for (;;) {
      send = await api.get<SendJson>(sendPath(id));
      view.show(progressOf(send));
      if (finished(send) || interrupted.signal.aborted) break;
      // An interrupted sleep rejects; the loop then reads the send once more and stops.
      await sleep(intervalMs, undefined, { signal: interrupted.signal }).catch(() => undefined);
    }
  } finally {
    view.stop();
    process.off('SIGINT', onInterrupt);
  }
  if (!finished(send)) {
    say(`stopped watching; send ${id} is still ${send.status} (breachline deliveries watch ${id})`);
    process.exitCode = 130;
    return;
  }
  const took = send.finishedAt === null ? '' : `, took ${duration((Date.parse(send.finishedAt) - Date.parse(send.createdAt)) / 1000)}`;
  printLine(send.status === 'complete' ? `${statusLine(send)}${took}` : `${statusLine(send)}, ${send.pending} not sent`);
  if (send.failed > 0) say(`who did not get it, and why: breachline deliveries failures ${id}`);
  if (send.status === 'cancelled') throw new CliError(`send ${id} ended cancelled${why(send)}`, EXIT.checkFailed);
}

/** The bar's values and the log line for one poll; the bar takes done (sent or failed) of total. */
function progressOf(send: SendJson): Progress {
  const state = `${send.status}${why(send)}`;
  const payload = { sent: send.sent, failed: send.failed, rate: send.ratePerSecond.toFixed(1), remaining: eta(send), state: state.slice(0, 70) };
  const percent = send.total === 0 ? 100 : Math.floor(((send.sent + send.failed) / send.total) * 100);
  const line = `sent ${send.sent}/${send.total} (${percent}%), failed ${send.failed}, ${payload.rate}/s, eta ${payload.remaining}, ${state}`;
  return { value: send.sent + send.failed, total: send.total, state: send.status, payload, line };
}

const eta = (send: SendJson) => (send.etaSeconds === null ? '-' : duration(send.etaSeconds));
