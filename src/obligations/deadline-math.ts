import { DateTime } from 'luxon';
import { isBusinessDay } from './holiday-calendar.js';
import type { CountedUnit, HolidayCalendar } from './regime-schema.js';

/**
 * Due instants, counted exactly as the regulations README says. Day-based clocks take the start's
 * date in the regulator's time zone and end at the last millisecond of the due date there, so a
 * window that crosses a daylight-saving change still ends at local midnight.
 */

const toIso = (instant: DateTime): string => instant.toUTC().toJSDate().toISOString();

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

/**
 * Day counts repeat across an assessment (54 states counting 30 or 45 days from the same discovery
 * in a handful of zones), and each costs several time-zone conversions: the answers are kept, a
 * bounded number at a time. Calendars are keyed by identity, since a reloaded rules base is new.
 */
const remembered = new Map<string, string>();
const calendarKeys = new WeakMap<HolidayCalendar, number>();
let calendarsSeen = 0;
const MAX_REMEMBERED = 10_000;

function calendarKey(calendar: HolidayCalendar | undefined): string {
  if (calendar === undefined) return '';
  let key = calendarKeys.get(calendar);
  if (key === undefined) calendarKeys.set(calendar, (key = ++calendarsSeen));
  return String(key);
}

/** When a clock of `amount` `unit` that started at `start` runs out, as a UTC ISO-8601 string. */
export function dueInstant(start: Date, amount: number, unit: CountedUnit, options: CountOptions): string {
  if (unit === 'hours') return new Date(start.getTime() + amount * 3_600_000).toISOString();
  const key = `${start.getTime()}|${amount}|${unit}|${options.zone}|${options.anchor ?? ''}|${calendarKey(options.calendar)}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const due = countDays(start, amount, unit, options);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, due);
  return due;
}

function countDays(start: Date, amount: number, unit: Exclude<CountedUnit, 'hours'>, options: CountOptions): string {
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
