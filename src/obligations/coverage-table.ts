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

/**
 * When the regime binds: its first and last days, and duties with dates of their own. A law whose
 * start lies after the day it was checked is marked pending as of that day, so the table states a
 * fact that stays true rather than one that expires.
 */
function inForceWords(regime: Regime): string {
  const checked = regime.recipients.map((e) => e.verifiedAt).sort().at(-1) as string;
  const span = (from: string | undefined, until: string | undefined): string | null => {
    if (from === undefined && until === undefined) return null;
    const pending = from !== undefined && from > checked ? ` (pending on ${checked})` : '';
    return from === undefined ? `until ${until}` : until === undefined ? `from ${from}${pending}` : `${from} to ${until}${pending}`;
  };
  const own = span(regime.inForceFrom, regime.inForceUntil);
  const duties = regime.recipients
    .map((e) => {
      const dated = span(e.inForceFrom, e.inForceUntil);
      return dated === null ? null : `${e.id} ${dated}`;
    })
    .filter((d) => d !== null);
  const national = regime.recipients.some((e) => Object.values(e.authorities ?? {}).some((a) => a.inForceFrom !== undefined));
  const parts = [own ?? (duties.length === 0 && !national ? 'in force' : null), ...duties, national ? 'per country: see the authorities table' : null];
  return parts.filter((p) => p !== null).join('; ');
}

function row(regime: Regime): string {
  const individuals = regime.recipients.find((e) => e.recipient === 'individuals');
  const who = regime.sector === undefined ? '' : ` (${regime.sector})`;
  const voluntary = regime.recipients.every((e) => e.voluntary === true) ? ' (recommended by the regulator; no legal duty)' : '';
  return `| ${[
    cell(where(regime)),
    cell(`${regime.name}${who}${voluntary}`),
    cell(inForceWords(regime)),
    individuals === undefined ? 'none' : cell(deadlineWords(individuals.deadline)),
    cell(regulatorDuties(regime)),
    source(regime.recipients),
    verified(regime.recipients),
  ].join(' | ')} |`;
}

/** Every per-country authority the rules name (GDPR supervisory authorities, NIS2 CSIRTs), with its languages and national start. */
export function authoritiesTable(regimes: readonly Regime[]): string {
  const rows = regimes.flatMap((regime) =>
    regime.recipients.flatMap((entry) =>
      Object.entries(entry.authorities ?? {})
        .sort(([a], [b]) => jurisdictionName(a).localeCompare(jurisdictionName(b)))
        .map(([code, authority]) => {
          const link = authority.contact?.url ?? null;
          return `| ${[
            cell(jurisdictionName(code)),
            cell(`${regime.id} ${entry.id}`),
            cell(link === null ? authority.name : `[${authority.name}](${link})`),
            authority.languages.join(', '),
            authority.inForceFrom ?? (regime.inForceFrom === undefined ? '-' : regime.inForceFrom),
            cell(authority.citation ?? entry.citation),
          ].join(' | ')} |`;
        }),
    ),
  );
  return ['| Country | Duty | Authority | Languages | In force from | Citation |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The table in Markdown, general laws first by place, then the sector and organisation rules. */
export function coverageTable(regimes: readonly Regime[]): string {
  const general = regimes.filter((r) => r.coverage === 'affected' && r.sector === undefined);
  const others = regimes.filter((r) => !general.includes(r));
  const byPlace = (a: Regime, b: Regime) => where(a).localeCompare(where(b)) || a.id.localeCompare(b.id);
  return [
    '| Jurisdiction | Regime | In force | Individuals | Regulator (threshold: deadline) | Source | Verified |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...[...general].sort(byPlace).map(row),
    ...[...others].sort(byPlace).map(row),
  ].join('\n');
}

const MARKERS = {
  coverage: ['<!-- coverage table: generated from workflows/ by `npm run coverage-table`; do not edit by hand -->', '<!-- end of coverage table -->'],
  authorities: ['<!-- authorities table: generated from workflows/ by `npm run coverage-table`; do not edit by hand -->', '<!-- end of authorities table -->'],
} as const;

function replaceBetween(readme: string, [begin, end]: readonly [string, string], table: string): string {
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`README.md has no table markers (${begin} ... ${end})`);
  return `${readme.slice(0, start + begin.length)}\n${table}\n${readme.slice(stop)}`;
}

/** The README with its coverage and authorities tables replaced by those the rules base gives. */
export function withCoverageTables(readme: string, regimes: readonly Regime[]): string {
  return replaceBetween(replaceBetween(readme, MARKERS.coverage, coverageTable(regimes)), MARKERS.authorities, authoritiesTable(regimes));
}

/** `npm run coverage-table`: rewrites the README's tables from workflows/. */
async function main(): Promise<void> {
  const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
  const { regimes } = await loadRegimes();
  await writeFile(readmePath, withCoverageTables(await readFile(readmePath, 'utf8'), regimes));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
