import { printFields, printJson, printLine, printTable, utcTime } from '../output.js';

/** The API's notice version, as far as the terminal shows it. */
export interface VersionJson {
  id: string;
  number: number;
  status: string;
  contentHash: string;
  locale: string | null;
  locales: string[];
  stage: string | null;
  metadata: { organizationName: string; senderName?: string; senderAddress?: string; title?: string; summary?: string };
  fields: Record<string, string>;
  translations: Record<string, Record<string, string>>;
  createdBy: string;
  createdAt: string;
  submittedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comments: Array<{ id: string; author: string; body: string; createdAt: string }>;
}

export interface NoticeJson {
  id: string;
  incidentId: string;
  kind: 'individuals' | 'report';
  target: string;
  regime: string | null;
  stage: string | null;
  latest: VersionJson;
  approvedNumber: number | null;
  requiredFields: Array<{
    field: string;
    label: string;
    citation: string | null;
    optional: boolean;
    requiredBy: string[];
    covers: Array<{ regime: string; item: string; label: string; citation: string | null }>;
  }>;
  satisfiedByForm: Array<{ regime: string; item: string; label: string; citation: string | null }>;
  missingFields: string[];
  missingByLocale: Record<string, string[]>;
  placeholders: string[];
}

export interface DiffJson {
  from: number;
  to: number;
  changes: Array<{ field: string; locale?: string; from: string | null; to: string | null }>;
  textPatch: string | null;
  textUnavailable: string | null;
}

export function printNoticeList(notices: NoticeJson[]): void {
  printTable(
    ['ID', 'TARGET', 'STATUS', 'VERSION', 'APPROVED', 'LOCALES', 'MISSING'],
    notices.map((n) => [n.id, n.target, n.latest.status, n.latest.number, n.approvedNumber, n.latest.locales.join(', ') || null, n.missingFields.length]),
  );
}

/** Blank required items: per locale for a notice to individuals, as one list for a report; then suggested text still to replace. */
export function missingLines(notice: NoticeJson): string[] {
  const byLocale = Object.entries(notice.missingByLocale);
  const lines = byLocale.length === 0 ? [notice.missingFields.join(', ') || 'none'] : byLocale.map(([locale, fields]) => `${locale}: ${fields.join(', ') || 'none'}`);
  return notice.placeholders.length === 0 ? lines : [...lines, `suggested text to replace: ${notice.placeholders.join(', ')}`];
}

/** What one law's item is, as legal reads it: `eu-gdpr GDPR Art. 34(2): nature of the breach`. */
const lawItem = (item: NoticeJson['satisfiedByForm'][number]): string => `${item.regime}${item.citation === null ? '' : ` ${item.citation}`}: ${item.label}`;

/** The notice, its versions, what it must contain, and one version's words (the newest unless asked). */
export function printNotice(notice: NoticeJson, versions: VersionJson[], shown: VersionJson): void {
  printFields([
    ['Notice', notice.id],
    ['Incident', notice.incidentId],
    ['Target', notice.kind === 'report' ? `${notice.target} (report${notice.stage === null ? '' : `, stage ${notice.stage}`})` : notice.target],
    ['Status', `version ${notice.latest.number} ${notice.latest.status}`],
    ['Approved', notice.approvedNumber === null ? null : `version ${notice.approvedNumber}`],
    ['Locales', notice.latest.locales.join(', ')],
    ['Organization', notice.latest.metadata.organizationName],
    ['From', sender(notice.latest)],
  ]);
  const missing = missingLines(notice);
  printLine(`\nMissing:\n${missing.map((line) => `  ${line}`).join('\n')}`);
  printLine('\nRequired:');
  // Each section (or report item) with the laws' items it satisfies, one per line so each citation reads whole.
  printTable(
    ['FIELD', 'LABEL', 'SATISFIES'],
    notice.requiredFields.map((f) => [f.optional ? `${f.field} (optional)` : f.field, f.label, f.covers.map(lawItem).join('\n')]),
  );
  if (notice.satisfiedByForm.length > 0) printLine(`\nSatisfied by the letter's form:\n${notice.satisfiedByForm.map((item) => `  ${lawItem(item)}`).join('\n')}`);
  printLine('\nVersions:');
  printTable(
    ['N', 'STATUS', 'BY', 'CREATED (UTC)', 'DECIDED BY', 'COMMENTS'],
    versions.map((v) => [v.number, v.status, v.createdBy, utcTime(v.createdAt), v.decidedBy, v.comments.length]),
  );
  printVersion(shown, notice.requiredFields.map((f) => f.field));
}

/** Each locale's items, the blank required ones shown as `-` so the gaps are plain to see. */
function printVersion(version: VersionJson, required: string[]): void {
  const { title, summary } = version.metadata;
  if (title !== undefined) printLine(`\nTitle: ${title}`);
  if (summary !== undefined) printLine(`Summary: ${summary}`);
  const sections: Array<[string | null, Record<string, string>]> = [[version.locale, version.fields], ...Object.entries(version.translations)];
  for (const [locale, fields] of sections) {
    printLine(`\nVersion ${version.number} (${version.status})${locale === null ? '' : `, ${locale}`}:`);
    for (const field of new Set([...required, ...Object.keys(fields)])) printLine(`  ${field}: ${indent(fields[field] || '-', '    ')}`);
  }
  for (const comment of version.comments) printLine(`\nComment by ${comment.author} at ${utcTime(comment.createdAt)}:\n  ${indent(comment.body, '  ')}`);
}

/** After a review step: where the version stands now. */
export function printVersionStatus(noticeId: string, version: VersionJson, json: boolean | undefined): void {
  if (json) return printJson(version);
  printLine(`notice ${noticeId} version ${version.number}: ${version.status}`);
}

/** `- old` / `+ new` lines per item and locale, as a reviewer reads a change. */
export function printDiff(diff: DiffJson): void {
  printLine(`version ${diff.from} -> ${diff.to}: ${diff.changes.length === 0 ? 'no changes' : `${diff.changes.length} change(s)`}`);
  for (const change of diff.changes) {
    printLine(`\n${change.field}${change.locale === undefined ? '' : ` (${change.locale})`}`);
    if (change.from !== null) printLine(prefixed('- ', change.from));
    if (change.to !== null) printLine(prefixed('+ ', change.to));
  }
}

/** The sender a reader sees, or null for a report (and for a notice that names none yet). */
function sender(version: VersionJson): string | null {
  const { senderName, senderAddress } = version.metadata;
  return senderAddress === undefined ? null : `${senderName ?? ''} <${senderAddress}>`.trim();
}

const indent = (text: string, by: string): string => text.replace(/\n/g, `\n${by}`);
const prefixed = (prefix: string, text: string): string => text.split('\n').map((line) => `${prefix}${line}`).join('\n');
