import type { Command } from 'commander';
import { apiFor, fieldsFromPairs, instant, jsonObject, sayNextPage, wholeNumber, withExamples, withPaging } from '../command-kit.js';
import { usageError } from '../cli-errors.js';
import { readObject } from '../input-file.js';
import { printJson, printLine, printTable, say, untilNow, utcTime } from '../output.js';
import { incidentStatusLine, printIncident, printObligations, sayUncovered, type IncidentJson, type ObligationJson, type UncoveredJson } from './incident-printers.js';

interface IncidentPage {
  items: Array<{ id: string; title: string; severity: string; phase: string; nextDueAt: string | null; updatedAt: string }>;
  nextCursor: string | null;
}

export function registerIncidents(program: Command): void {
  const incidents = program.command('incidents').description('open, list, show and drive incidents');

  withExamples(
    withPaging(incidents.command('list'), 100, 25)
      .description('incidents, newest first, with each one’s next deadline')
      .option('--phase <phase>', 'only this phase: detected, dismissed, response, review, closed')
      .option('--severity <severity>', 'only this severity: low, medium, high, critical')
      .option('--search <text>', 'words in the title')
      .option('--json', 'print the API’s JSON'),
    ['breachline incidents list --phase response', 'breachline incidents list --json | jq -r ".items[].id"'],
  ).action(async (options, command: Command) => {
    const page = await apiFor(command).get<IncidentPage>('/incidents', {
      phase: options.phase,
      severity: options.severity,
      q: options.search,
      limit: options.limit,
      cursor: options.cursor,
    });
    if (options.json) return printJson(page);
    const now = Date.now();
    printTable(
      ['ID', 'SEVERITY', 'PHASE', 'NEXT DUE (UTC)', 'WHEN', 'TITLE'],
      page.items.map((i) => [i.id, i.severity, i.phase, utcTime(i.nextDueAt), i.nextDueAt === null ? null : untilNow(i.nextDueAt, now), i.title]),
    );
    sayNextPage(page.nextCursor);
  });

  withExamples(
    incidents.command('show').argument('<id>', 'incident id').description('one incident: phase, tracks, deadlines and what it accepts now').option('--json', 'print the API’s JSON'),
    ['breachline incidents show inc_01J…', 'breachline incidents show "$ID" --json | jq .version'],
  ).action(async (id: string, options, command: Command) => {
    const api = apiFor(command);
    const incident = await api.get<IncidentJson>(`/incidents/${encodeURIComponent(id)}`);
    if (options.json) return printJson(incident);
    const { obligations, uncovered } = await api.get<{ obligations: ObligationJson[]; uncovered: UncoveredJson[] }>(`/incidents/${encodeURIComponent(id)}/obligations`);
    printIncident(incident, obligations, uncovered);
  });

  withExamples(
    incidents
      .command('open')
      .description('open an incident; prints its id')
      .requiredOption('--title <title>', 'a short name for what happened')
      .requiredOption('--severity <severity>', 'low, medium, high or critical')
      .option('--summary <text>', 'what is known so far', '')
      .option('--detected-at <time>', 'when it was detected (ISO-8601 with zone; default now)', instant)
      .option('--json', 'print the new incident’s JSON instead of its id'),
    ['ID=$(breachline incidents open --title "Chat database exposed" --severity critical)'],
  ).action(async (options, command: Command) => {
    const incident = await apiFor(command).post<IncidentJson>('/incidents', {
      title: options.title,
      severity: options.severity,
      summary: options.summary,
      ...(options.detectedAt === undefined ? {} : { detectedAt: options.detectedAt }),
    });
    if (options.json) return printJson(incident);
    printLine(incident.id);
    say(`opened ${incidentStatusLine(incident)}`);
  });

  withExamples(
    incidents
      .command('event')
      .argument('<id>', 'incident id')
      .argument('<type>', 'the event, e.g. CONFIRM, UPDATE_SCOPE, MARK_CONTAINED (see `incidents show` for what is allowed now)')
      .argument('[fields...]', 'the event’s fields as key=value; values that parse as JSON are taken as JSON')
      .description('send a lifecycle event to an incident')
      .option('--data <json>', 'the event’s fields as one JSON object')
      .option('--file <file>', 'the event’s fields from a YAML or JSON file (- for stdin)')
      .option('--if-match <version>', 'apply only if the incident is still at this version (else exit 6)', wholeNumber(1))
      .option('--json', 'print the incident’s JSON after the event'),
    [
      'breachline incidents event "$ID" CONFIRM awarenessAt=2026-11-20T08:00:00+08:00',
      `breachline incidents event "$ID" UPDATE_SCOPE 'affected=[{"jurisdiction":"DE","count":40000}]' 'dataCategories=["contact"]' encrypted=true`,
      'breachline incidents event "$ID" OBLIGATION_NOT_REQUIRED obligationId=eu-gdpr:regulator:DE reason="Encrypted with a key that stayed safe"',
      'breachline incidents event "$ID" COMPLETE_REVIEW --file review.yaml',
      'breachline incidents event "$ID" CLOSE --if-match 14',
    ],
  ).action(async (id: string, type: string, pairs: string[], options, command: Command) => {
    if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw usageError(`event type "${type}": expected an upper-case name such as CONFIRM`);
    const fields = {
      ...(options.file === undefined ? {} : await readObject(options.file)),
      ...(options.data === undefined ? {} : jsonObject('--data', options.data)),
      ...fieldsFromPairs(pairs),
    };
    const headers: Record<string, string> = options.ifMatch === undefined ? {} : { 'If-Match': `"${options.ifMatch}"` };
    const incident = await apiFor(command).post<IncidentJson>(`/incidents/${encodeURIComponent(id)}/events`, { ...fields, type }, { headers });
    if (options.json) return printJson(incident);
    printLine(incidentStatusLine(incident));
  });

  withExamples(
    incidents
      .command('obligations')
      .argument('<id>', 'incident id')
      .description('who must be told, by when (local time and UTC), why, and where each duty stands')
      .option('--to <recipient>', 'only duties towards: regulator, individuals, media or other')
      .option('-q, --quiet', 'print the obligation ids only, one per line')
      .option('--json', 'print the API’s JSON'),
    ['breachline incidents obligations "$ID"', 'for O in $(breachline incidents obligations "$ID" --to regulator -q); do …; done'],
  ).action(async (id: string, options, command: Command) => {
    const answer = await apiFor(command).get<{ obligations: ObligationJson[]; uncovered: UncoveredJson[] }>(`/incidents/${encodeURIComponent(id)}/obligations`);
    const obligations = answer.obligations.filter((o) => options.to === undefined || o.recipient === options.to);
    if (options.json) return printJson({ obligations, uncovered: answer.uncovered });
    if (options.quiet) return obligations.forEach((o) => printLine(o.id));
    if (obligations.length > 0) printObligations(obligations);
    else if (answer.uncovered.length === 0) say('no obligations (set the scope with UPDATE_SCOPE; duties follow from it)');
    sayUncovered(answer.uncovered);
  });

  withExamples(
    incidents.command('timeline').argument('<id>', 'incident id').description('every event the incident accepted, oldest first').option('--json', 'print the API’s JSON'),
    ['breachline incidents timeline "$ID"'],
  ).action(async (id: string, options, command: Command) => {
    const timeline = await apiFor(command).get<{ items: Array<{ seq: number; type: string; at: string; actor: { kind: string; id: string; name?: string } }> }>(
      `/incidents/${encodeURIComponent(id)}/timeline`,
    );
    if (options.json) return printJson(timeline);
    printTable(['SEQ', 'AT (UTC)', 'EVENT', 'BY'], timeline.items.map((e) => [e.seq, utcTime(e.at), e.type, e.actor.name ?? `${e.actor.kind}:${e.actor.id}`]));
  });
}
