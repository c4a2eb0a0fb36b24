import { Option, type Command } from 'commander';
import type { AlertView } from '../../alerts/alert-query.js';
import { apiFor, sayNextPage, withExamples, withPaging } from '../command-kit.js';
import { readDocument } from '../input-file.js';
import { printFields, printJson, printLine, printTable, say, utcTime } from '../output.js';
import { ALERT_KINDS, deliver, type AlertKind } from './alert-intake.js';

interface Receipt {
  id: string | null;
  dedupKey: string;
  outcome: 'created' | 'deduplicated' | 'resolved' | 'snoozed' | 'unmatched';
  status: string;
  incidentId: string | null;
}

/** `2 alerts: 1 created, 1 deduplicated; incident inc_…` */
function receiptSummary(receipts: Receipt[]): string {
  const counts = new Map<string, number>();
  for (const r of receipts) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const outcomes = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
  const incidents = [...new Set(receipts.flatMap((r) => (r.incidentId === null ? [] : [r.incidentId])))];
  const linked = incidents.length === 0 ? 'on no incident' : `incident${incidents.length > 1 ? 's' : ''} ${incidents.join(', ')}`;
  return `accepted ${receipts.length} alert${receipts.length === 1 ? '' : 's'}: ${outcomes}; ${linked}`;
}

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('send test alerts as a monitor would, and list what came in');

  withExamples(
    alerts
      .command('send')
      .argument('<file>', 'the alert as the monitor sends it, JSON or YAML (- for stdin)')
      .description('post an alert to the intake route of its kind, to test a source and its rules')
      .addOption(new Option('--kind <kind>', 'the sender’s format').choices(ALERT_KINDS).default('generic'))
      .option('--source <name>', 'the alert source (alertmanager and grafana: required; generic: replaces "source" in the file)')
      .option('--secret <secret>', 'sign with an hmac source’s secret and send no token (prefer env BREACHLINE_SOURCE_SECRET)')
      .option('--json', 'print the server’s answer as JSON')
      .addHelpText('after', '\nWithout a secret, the ingest token (BREACHLINE_TOKEN or `breachline login`) is sent. PagerDuty events carry their routing_key and no token.'),
    [
      'breachline alerts send alert.json',
      'breachline alerts send webhook.json --kind alertmanager --source prom',
      'BREACHLINE_SOURCE_SECRET=whsec_… breachline alerts send alert.yaml --source posture',
      'breachline alerts send trigger.json --kind pagerduty',
    ],
  ).action(async (file: string, options, command: Command) => {
    const envSecret = process.env.BREACHLINE_SOURCE_SECRET;
    const secret: string | undefined = options.secret ?? (envSecret === undefined || envSecret === '' ? undefined : envSecret);
    const kind = options.kind as AlertKind;
    // A secret in the environment is for signed sources; PagerDuty refuses only one given on purpose.
    const answer = await deliver(apiFor(command), { kind, document: await readDocument(file), source: options.source, secret: kind === 'pagerduty' ? options.secret : secret });
    if (options.json) return printJson(answer);
    if (kind === 'pagerduty') {
      const { message, dedup_key: key } = answer as { message: string; dedup_key: string };
      printLine(key);
      return say(`accepted: ${message} (dedup key ${key})`);
    }
    const receipts = (answer as { alerts: Receipt[] }).alerts;
    printTable(['ALERT', 'OUTCOME', 'STATUS', 'INCIDENT', 'DEDUP KEY'], receipts.map((r) => [r.id, r.outcome, r.status, r.incidentId, r.dedupKey]));
    say(receiptSummary(receipts));
  });

  withExamples(
    withPaging(alerts.command('list'), 100, 25)
      .description('alerts, newest first')
      .option('--status <status>', 'only firing or resolved')
      .option('--source <name>', 'only from this source')
      .option('--severity <severity>', 'only this severity: info, low, medium, high, critical')
      .option('--incident <id>', 'only alerts on this incident')
      .option('--unlinked', 'only alerts on no incident')
      .option('--search <text>', 'words in the title')
      .option('--json', 'print the API’s JSON'),
    ['breachline alerts list --status firing --unlinked', 'breachline alerts list --source prom --json | jq -r ".items[].id"'],
  ).action(async (options, command: Command) => {
    const page = await apiFor(command).get<{ items: AlertView[]; nextCursor: string | null }>('/alerts', {
      status: options.status,
      source: options.source,
      severity: options.severity,
      incidentId: options.incident,
      linked: options.unlinked ? 'false' : undefined,
      q: options.search,
      limit: options.limit,
      cursor: options.cursor,
    });
    if (options.json) return printJson(page);
    printTable(
      ['ID', 'SEVERITY', 'STATUS', 'COUNT', 'LAST SEEN (UTC)', 'SOURCE', 'INCIDENT', 'TITLE'],
      page.items.map((a) => [a.id, a.severity, a.status, a.count, utcTime(a.lastSeenAt), a.source, a.incidentId, a.title]),
    );
    sayNextPage(page.nextCursor);
  });

  withExamples(
    alerts.command('show').argument('<id>', 'alert id').description('one alert: where it came from, how often, and its incident').option('--json', 'print the API’s JSON, payloads included'),
    ['breachline alerts show 0b8f0d5e-…', 'breachline alerts show "$ALERT" --json | jq .payloads.last'],
  ).action(async (id: string, options, command: Command) => {
    const alert = await apiFor(command).get<AlertView>(`/alerts/${encodeURIComponent(id)}`);
    if (options.json) return printJson(alert);
    printFields([
      ['Alert', alert.id],
      ['Title', alert.title],
      ['Source', alert.source],
      ['Severity', alert.severity],
      ['Status', alert.status],
      ['Dedup key', alert.dedupKey],
      ['Deliveries', alert.count],
      ['Occurred', utcTime(alert.occurredAt)],
      ['First seen', utcTime(alert.firstSeenAt)],
      ['Last seen', utcTime(alert.lastSeenAt)],
      ['Resolved', utcTime(alert.resolvedAt)],
      ['Snoozed until', utcTime(alert.snoozedUntil)],
      ['Incident', alert.incidentId],
      ['Labels', Object.entries(alert.labels).map(([k, v]) => `${k}=${v}`).join(', ')],
    ]);
  });
}
