import { DateTime } from 'luxon';
import type { CountedUnit, HolidayCalendar } from './regime-schema.js';

/**
 * Due instants, counted exactly as the regulations README says. Day-based clocks take the start's
 * date in the regulator's time zone and end at the last millisecond of the due date there, so a
 * window that crosses a daylight-saving change still ends at local midnight.
 */

/** Business days were asked for a year the holiday calendar does not list. */
export class CalendarGapError extends Error {
  override name = 'CalendarGapError';
  constructor(
    readonly calendar: string,
    readonly year: number,
  ) {
    super(`holiday calendar ${calendar} does not cover ${year}`);
  }
}

const toIso = (instant: DateTime): string => instant.toUTC().toJSDate().toISOString();

const isBusinessDay = (day: DateTime, calendar: HolidayCalendar): boolean => {
  if (day.year < calendar.covers.from || day.year > calendar.covers.to) throw new CalendarGapError(calendar.id, day.year);
  const date = day.toISODate();
  return day.weekday <= 5 && !calendar.holidays.some((holiday) => holiday.date === date);
};

/** The start instant seen as a local date in `zone`, moved to year end when the clock is anchored there. */
export function localStart(start: Date, zone: string, anchor?: 'endOfCalendarYear'): DateTime {
  const local = DateTime.fromJSDate(start, { zone });
  return anchor === 'endOfCalendarYear' ? local.endOf('year') : local;
}

export interface CountOptions {
  zone: string;
  calendar?: HolidayCalendar | undefined;
  anchor?: 'endOfCalendarYear' | undefined;
}

/** When a clock of `amount` `unit` that started at `start` runs out, as a UTC ISO-8601 string. */
export function dueInstant(start: Date, amount: number, unit: CountedUnit, options: CountOptions): string {
  if (unit === 'hours') return new Date(start.getTime() + amount * 3_600_000).toISOString();
  const from = localStart(start, options.zone, options.anchor).startOf('day');
  if (unit === 'calendar_days' || unit === 'days') return toIso(from.plus({ days: amount }).endOf('day'));
  // luxon clamps a missing day to the month's last day (31 January + 1 month = 28/29 February).
  if (unit === 'months') return toIso(from.plus({ months: amount }).endOf('day'));
  const calendar = options.calendar;
  if (calendar === undefined) throw new Error('business days need a holiday calendar');
  let day = from;
  for (let counted = 0; counted < amount; ) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day, calendar)) counted += 1;
  }
  return toIso(day.endOf('day'));
}
