import Table from 'cli-table3';
import { DateTime } from 'luxon';

/** For scripts: the API's answer as it came, one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Words for the person at the terminal (what happened, what to do next), kept off stdout so pipes get data only. */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

// Columns without borders, like kubectl or docker: readable, and grep and cut still work.
const PLAIN = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '  ',
};

export function printTable(head: string[], rows: Array<Array<string | number | null | undefined>>): void {
  const table = new Table({ head, chars: PLAIN, style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 } });
  for (const row of rows) table.push(row.map((cell) => (cell === null || cell === undefined ? '-' : String(cell))));
  printLine(table.toString().replace(/ +$/gm, ''));
}

/** `key: value` lines for one resource. */
export function printFields(fields: Array<[string, string | number | null | undefined]>): void {
  const width = Math.max(...fields.map(([key]) => key.length));
  for (const [key, value] of fields) printLine(`${`${key}:`.padEnd(width + 2)}${value === null || value === undefined || value === '' ? '-' : value}`);
}

/** `2026-11-20 00:00 UTC` */
export function utcTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '-';
  return DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyy-LL-dd HH:mm 'UTC'");
}

/** `2026-11-20 08:00 +08:00 (Asia/Shanghai)`: the regulator's wall clock, where the law counts days. */
export function zonedTime(iso: string | null | undefined, zone: string): string {
  if (iso === null || iso === undefined) return '-';
  const local = DateTime.fromISO(iso, { zone });
  return local.isValid ? `${local.toFormat('yyyy-LL-dd HH:mm ZZ')} (${zone})` : utcTime(iso);
}

/** `in 3h 20m` or `overdue 2d 4h`, against now. */
export function untilNow(iso: string | null | undefined, now = Date.now()): string {
  if (iso === null || iso === undefined) return '-';
  const ms = Date.parse(iso) - now;
  const text = duration(Math.abs(ms) / 1000);
  return ms >= 0 ? `in ${text}` : `overdue ${text}`;
}

/** A rough human duration: the two largest units. */
export function duration(seconds: number): string {
  const units: Array<[string, number]> = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [name, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0 || (parts.length === 0 && size === 1)) parts.push(`${amount}${name}`);
    rest -= amount * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
