import { DateTime } from 'luxon';
import { easterSunday } from './easter.js';
import type { HolidayCalendar, HolidayRule } from './regime-schema.js';

/** Business days were asked for a year a listed holiday calendar does not cover. */
export class CalendarGapError extends Error {
  override name = 'CalendarGapError';
  constructor(
    readonly calendar: string,
    readonly year: number,
  ) {
    super(`holiday calendar ${calendar} does not cover ${year}`);
  }
}

/** The day a rule gives in `year`, before any weekend observance. */
function ruleDate(rule: HolidayRule, year: number): DateTime | null {
  if ((rule.since !== undefined && year < rule.since) || (rule.until !== undefined && year > rule.until)) return null;
  const day = baseDate(rule, year);
  // Ley Emiliani: a holiday not on a Monday is kept on the Monday after it.
  return rule.movedToMonday === true && day.weekday !== 1 ? day.plus({ days: 8 - day.weekday }) : day;
}

function baseDate(rule: HolidayRule, year: number): DateTime {
  if (rule.easter !== undefined) return easterSunday(year, rule.church).plus({ days: rule.easter });
  const month = rule.month as number;
  if (rule.day !== undefined) return DateTime.utc(year, month, rule.day);
  const weekday = rule.weekday as number;
  if (rule.nth === -1) {
    const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
    return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  }
  const first = DateTime.utc(year, month, 1);
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * ((rule.nth as number) - 1) });
}

function observedDate(day: DateTime, observed: HolidayCalendar['observed']): DateTime {
  if (observed === 'weekend-to-nearest-weekday' && day.weekday === 6) return day.minus({ days: 1 });
  if ((observed === 'weekend-to-nearest-weekday' || observed === 'sunday-to-monday') && day.weekday === 7) return day.plus({ days: 1 });
  return day;
}

const cache = new WeakMap<HolidayCalendar, Map<number, ReadonlySet<string>>>();

/**
 * The dates (YYYY-MM-DD) offices are closed for a holiday in `year`. A rule calendar covers every
 * year; the years either side are looked at too, since 1 January on a Saturday is kept on 31 December.
 */
export function holidaysIn(calendar: HolidayCalendar, year: number): ReadonlySet<string> {
  let years = cache.get(calendar);
  if (years === undefined) cache.set(calendar, (years = new Map()));
  const known = years.get(year);
  if (known !== undefined) return known;
  let dates: Set<string>;
  if (calendar.rules === undefined) {
    const covers = calendar.covers;
    if (covers === undefined || year < covers.from || year > covers.to) throw new CalendarGapError(calendar.id, year);
    dates = new Set((calendar.holidays ?? []).filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date));
  } else {
    dates = new Set();
    for (const rule of calendar.rules) {
      for (const y of [year - 1, year, year + 1]) {
        const day = ruleDate(rule, y);
        const kept = day === null ? null : observedDate(day, calendar.observed);
        if (kept !== null && kept.year === year) dates.add(kept.toISODate() as string);
      }
    }
  }
  years.set(year, dates);
  return dates;
}

/** Monday to Friday and not a holiday the calendar keeps. */
export const isBusinessDay = (day: DateTime, calendar: HolidayCalendar): boolean =>
  day.weekday <= 5 && !holidaysIn(calendar, day.year).has(day.toISODate() as string);
