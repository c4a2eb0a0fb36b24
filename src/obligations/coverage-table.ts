import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { jurisdictionName } from '../lifecycle/jurisdiction-codes.js';
import { formatCount } from './applicability.js';
import type { Condition } from './condition-schema.js';
import { isRegion } from './jurisdictions.js';
import { loadRegimes } from './load-regimes.js';
import { isCounted, VERIFICATION_LEVELS, type DeadlineSpec, type Regime, type RegimeRecipient } from './regime-schema.js';

/**
 * The README's coverage table, written from workflows/ so that it cannot drift from the rules
 * base: one row per regime, with who it binds, the deadline to individuals, the regulator duties
 * and their thresholds, the source and how firmly it was verified.
 */

const OPEN_WORDS: Record<string, string> = {
  immediate: 'immediately',
  without_undue_delay: 'without undue delay',
  promptly: 'promptly',
  as_soon_as_practicable: 'as soon as practicable',
  unspecified: 'no time limit',
};
const UNIT_WORDS: Record<string, string> = { hours: 'hours', calendar_days: 'calendar days', days: 'days', business_days: 'business days', months: 'months' };
const FROM_WORDS: Record<string, string> = {
  awarenessAt: 'after discovery',
  occurredAt: 'after the breach',
  assessedNotifiableAt: 'after the assessment',
  materialityDeterminedAt: 'after the materiality determination',
  individualsNotifiedAt: 'after notifying individuals',
  handlingEndedAt: 'after handling ended',
  extortionPaidAt: 'after the payment',
  endOfCalendarYear: 'after the end of the calendar year',
};

const counted = (amount: number, unit: string, from: string): string =>
  `${amount} ${amount === 1 ? (UNIT_WORDS[unit] ?? unit).replace(/s$/, '') : UNIT_WORDS[unit]} ${FROM_WORDS[from] ?? `after ${from}`}`;

export function deadlineWords(deadline: DeadlineSpec): string {
  const from = deadline.anchor === 'endOfCalendarYear' ? 'endOfCalendarYear' : deadline.from;
  const main = !isCounted(deadline.unit) || deadline.amount === null ? (OPEN_WORDS[deadline.unit] ?? deadline.unit) : counted(deadline.amount, deadline.unit, from);
  const backstop = deadline.notLaterThan;
  return backstop === undefined ? main : `${main}, at most ${counted(backstop.amount, backstop.unit, backstop.from)}`;
}

interface Threshold {
  count: number;
  words: string;
}

/** The head-count floors a condition tests ("> 500", "≥ 250"); a ceiling (`below`) only narrows one. */
function thresholds(condition: Condition | undefined): Threshold[] {
  if (condition === undefined) return [];
  const test = condition.affected;
  const here: Threshold[] =
    test?.atLeast !== undefined
      ? [{ count: test.atLeast, words: `≥ ${formatCount(test.atLeast)}` }]
      : test?.moreThan !== undefined
        ? [{ count: test.moreThan + 1, words: `> ${formatCount(test.moreThan)}` }]
        : [];
  const inner = [...(condition.allOf ?? []), ...(condition.anyOf ?? [])];
  return [...here, ...inner.flatMap(thresholds)];
}

/** The lowest head count that can bring the duty, which is what a reader scanning the table needs. */
function lowest(condition: Condition | undefined): string {
  const found = thresholds(condition).sort((a, b) => a.count - b.count)[0];
  return found === undefined || found.count <= 1 ? 'any number' : found.words;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function where(regime: Regime): string {
  const places = regime.jurisdictions.filter((code, index) => index === 0 || !regime.jurisdictions[0]?.endsWith(`-${code}`));
  return places.map((code) => (isRegion(code) ? code : `${jurisdictionName(code)}`)).join(', ');
}

function regulatorDuties(regime: Regime): string {
  const duties = regime.recipients.filter((e) => e.recipient === 'regulator');
  if (duties.length === 0) return 'none';
  return duties
    .map((duty) => {
      return `${lowest(duty.appliesWhen)}: ${deadlineWords(duty.deadline)}`;
    })
    .join('; ');
}

function verified(entries: RegimeRecipient[]): string {
  const weakest = Math.max(...entries.map((e) => VERIFICATION_LEVELS.indexOf(e.verification)));
  const oldest = entries.map((e) => e.verifiedAt).sort()[0];
  return `${VERIFICATION_LEVELS[weakest]}, ${oldest}`;
}

function source(entries: RegimeRecipient[]): string {
  const url = entries[0]?.source[0];
  return url === undefined ? '-' : `[${new URL(url).hostname.replace(/^www\./, '')}](${url})`;
}

function row(regime: Regime): string {
  const individuals = regime.recipients.find((e) => e.recipient === 'individuals');
  const who = regime.sector === undefined ? '' : ` (${regime.sector})`;
  return `| ${[
    cell(where(regime)),
    cell(`${regime.name}${who}`),
    individuals === undefined ? 'none' : cell(deadlineWords(individuals.deadline)),
    cell(regulatorDuties(regime)),
    source(regime.recipients),
    verified(regime.recipients),
  ].join(' | ')} |`;
}

/** The table in Markdown, general laws first by place, then the sector and organisation rules. */
export function coverageTable(regimes: readonly Regime[]): string {
  const general = regimes.filter((r) => r.coverage === 'affected' && r.sector === undefined);
  const others = regimes.filter((r) => !general.includes(r));
  const byPlace = (a: Regime, b: Regime) => where(a).localeCompare(where(b)) || a.id.localeCompare(b.id);
  return [
    '| Jurisdiction | Regime | Individuals | Regulator (threshold: deadline) | Source | Verified |',
    '| --- | --- | --- | --- | --- | --- |',
    ...[...general].sort(byPlace).map(row),
    ...[...others].sort(byPlace).map(row),
  ].join('\n');
}

const BEGIN = '<!-- coverage table: generated from workflows/ by `npm run coverage-table`; do not edit by hand -->';
const END = '<!-- end of coverage table -->';

/** The README with its coverage table replaced by the one the rules base gives. */
export function withCoverageTable(readme: string, table: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no coverage table markers (${BEGIN} ... ${END})`);
  return `${readme.slice(0, start + BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}

/** `npm run coverage-table`: rewrites the README's table from workflows/. */
async function main(): Promise<void> {
  const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
  const { regimes } = await loadRegimes();
  await writeFile(readmePath, withCoverageTable(await readFile(readmePath, 'utf8'), coverageTable(regimes)));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
