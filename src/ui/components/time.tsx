import { DateTime } from 'luxon';

/** "2026-11-23 14:05 UTC": what every instant shows; the machine-readable value is on <time>. */
export const utcText = (iso: string): string => DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyy-LL-dd HH:mm 'UTC'");

/** The same instant on the regulator's clock, with the zone's abbreviation ("2026-11-23 22:05 CST"). */
export const zonedText = (iso: string, zone: string): string => DateTime.fromISO(iso, { zone }).toFormat('yyyy-LL-dd HH:mm ZZZZ');

export function Instant(props: { iso: string | null | undefined; zone?: string | undefined }) {
  if (props.iso == null) return <span class="muted">—</span>;
  if (props.zone === undefined || props.zone === 'UTC') return <time datetime={props.iso}>{utcText(props.iso)}</time>;
  return (
    <time datetime={props.iso}>
      {zonedText(props.iso, props.zone)} <span class="muted">({utcText(props.iso)})</span>
    </time>
  );
}

/** "3 d 4 h", "2 h 5 min", "40 min": coarse enough to read at a glance. */
export function durationText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${mins} min`;
  return `${mins} min`;
}

/**
 * Time left to a deadline, or how far past it is (red). The server writes the text; the console
 * script keeps it current from data-due while the page stays open.
 */
export function Countdown(props: { dueAt: string; now: Date }) {
  const left = Date.parse(props.dueAt) - props.now.getTime();
  const overdue = left < 0;
  return (
    <time class={overdue ? 'countdown overdue' : 'countdown'} datetime={props.dueAt} data-due={props.dueAt} title={utcText(props.dueAt)}>
      {overdue ? `overdue by ${durationText(left)}` : `in ${durationText(left)}`}
    </time>
  );
}
