import { describe, expect, it } from 'vitest';
import { dueInstant } from '../../src/obligations/deadline-math.js';
import { CalendarGapError } from '../../src/obligations/holiday-calendar.js';
import { calendarSchema, type HolidayCalendar } from '../../src/obligations/regime-schema.js';
import { loadCalendars } from '../../src/obligations/load-regimes.js';

const calendars = await loadCalendars();
const usFederal = calendars.get('us-federal') as HolidayCalendar;
const brNational = calendars.get('br-national') as HolidayCalendar;
const at = (iso: string) => new Date(iso);

describe('dueInstant', () => {
  it.each([
    ['72 hours is the exact instant', '2026-03-06T10:00:00Z', 72, 'hours', 'Europe/Brussels', '2026-03-09T10:00:00.000Z'],
    ['hours ignore the local daylight-saving change', '2026-03-07T12:00:00Z', 24, 'hours', 'America/New_York', '2026-03-08T12:00:00.000Z'],
    // The README's example: a start on 6 March with 30 days is due by the end of 5 April, local time.
    ['6 March + 30 days ends 5 April (Shanghai)', '2026-03-06T10:00:00Z', 30, 'calendar_days', 'Asia/Shanghai', '2026-04-05T15:59:59.999Z'],
    ['the start date is the regulator-local date', '2026-03-06T20:00:00Z', 30, 'calendar_days', 'Asia/Shanghai', '2026-04-06T15:59:59.999Z'],
    ['"days" count like calendar days', '2026-03-06T10:00:00Z', 30, 'days', 'America/Chicago', '2026-04-06T04:59:59.999Z'],
    // Start at UTC-5 (EST), due date after the 8 March change ends at 23:59:59.999 UTC-4 (EDT).
    ['across the US March DST change', '2026-03-01T15:00:00Z', 30, 'calendar_days', 'America/New_York', '2026-04-01T03:59:59.999Z'],
    ['across the Australian April DST end', '2026-03-06T10:00:00Z', 30, 'calendar_days', 'Australia/Sydney', '2026-04-05T13:59:59.999Z'],
    ['31 January + 1 month clamps to 28 February', '2026-01-31T10:00:00Z', 1, 'months', 'Europe/Brussels', '2026-02-28T22:59:59.999Z'],
    ['31 January + 1 month in a leap year is 29 February', '2028-01-31T10:00:00Z', 1, 'months', 'Europe/Brussels', '2028-02-29T22:59:59.999Z'],
    ['31 March + 1 month is 30 April (summer time)', '2026-03-31T10:00:00Z', 1, 'months', 'Europe/Brussels', '2026-04-30T21:59:59.999Z'],
    ['15 June + 1 month is 15 July', '2026-06-15T10:00:00Z', 1, 'months', 'Europe/Brussels', '2026-07-15T21:59:59.999Z'],
  ] as const)('%s', (_name, start, amount, unit, zone, expected) => {
    expect(dueInstant(at(start), amount, unit, { zone })).toBe(expected);
  });

  it.each([
    ['Friday + 4 skips the weekend', '2026-03-06T15:00:00Z', '2026-03-13T03:59:59.999Z'],
    ['skips the observed Independence Day (Fri 3 July 2026)', '2026-07-02T14:00:00Z', '2026-07-10T03:59:59.999Z'],
    ['skips Thanksgiving', '2026-11-25T14:00:00Z', '2026-12-03T04:59:59.999Z'],
  ])('US business days: %s', (_name, start, expected) => {
    expect(dueInstant(at(start), 4, 'business_days', { zone: 'America/New_York', calendar: usFederal })).toBe(expected);
  });

  it.each([
    ['skips Good Friday and the weekend', '2026-04-02T13:00:00Z', 3, '2026-04-09T02:59:59.999Z'],
    ['counts Carnival (only an optional day) as a business day', '2026-02-13T13:00:00Z', 3, '2026-02-19T02:59:59.999Z'],
    ['skips Tiradentes', '2026-04-17T13:00:00Z', 3, '2026-04-24T02:59:59.999Z'],
    ['counts Corpus Christi (optional) as a business day', '2026-06-03T13:00:00Z', 1, '2026-06-05T02:59:59.999Z'],
    ['doubled for small agents: 6 business days from Friday', '2026-03-06T10:00:00Z', 6, '2026-03-17T02:59:59.999Z'],
  ])('Brazil business days: %s', (_name, start, amount, expected) => {
    expect(dueInstant(at(start), amount, 'business_days', { zone: 'America/Sao_Paulo', calendar: brNational })).toBe(expected);
  });

  it('treats Fri 31 December 2027 (New Year 2028 observed) as a holiday, so the count runs into 2028', () => {
    expect(dueInstant(at('2027-12-28T14:00:00Z'), 2, 'business_days', { zone: 'America/New_York', calendar: usFederal })).toBe(
      '2027-12-31T04:59:59.999Z',
    );
    // Thu 30 December is the first day; Fri 31 December (kept for New Year 2028) and the weekend are skipped: Mon 3 January 2028.
    expect(dueInstant(at('2027-12-29T14:00:00Z'), 2, 'business_days', { zone: 'America/New_York', calendar: usFederal })).toBe('2028-01-04T04:59:59.999Z');
  });

  it('refuses to count business days in a year a listed calendar does not cover', () => {
    const listed = calendarSchema.parse({ id: 'xx-listed', name: 'Listed', jurisdiction: 'BR', covers: { from: 2027, to: 2027 }, holidays: [{ date: '2027-12-25', name: 'Natal' }] });
    expect(() => dueInstant(at('2027-12-30T13:00:00Z'), 3, 'business_days', { zone: 'America/Sao_Paulo', calendar: listed })).toThrow(CalendarGapError);
  });

  it.each([
    ['non-leap year ends 1 March', '2026-05-10T12:00:00Z', '2027-03-02T04:59:59.999Z'],
    ['leap year ends 29 February', '2027-02-01T12:00:00Z', '2028-03-01T04:59:59.999Z'],
  ])('anchored at the end of the calendar year: %s', (_name, start, expected) => {
    expect(dueInstant(at(start), 60, 'calendar_days', { zone: 'America/New_York', anchor: 'endOfCalendarYear' })).toBe(expected);
  });
});
