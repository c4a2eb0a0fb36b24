import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CalendarGapError, holidaysIn, isBusinessDay } from '../../src/obligations/holiday-calendar.js';
import { loadRegimes } from '../../src/obligations/load-regimes.js';
import { easterSunday } from '../../src/obligations/easter.js';
import { calendarSchema, type HolidayCalendar } from '../../src/obligations/regime-schema.js';

// The observed federal holidays OPM published for 2025-2027 (opm.gov, federal holidays), which the
// rules of 5 U.S.C. 6103 must reproduce: 4 July 2026 is a Saturday (kept Friday 3 July), 19 June
// and 4 July 2027 a Saturday and a Sunday, 25 December 2027 a Saturday, and New Year's Day 2028 a
// Saturday, kept on Friday 31 December 2027.
const OPM = [
  '2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25',
  '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
  '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31',
];

const federal = async (): Promise<HolidayCalendar> => (await loadRegimes()).calendars.get('us-federal') as HolidayCalendar;

describe('holiday calendars by rule', () => {
  it('reproduces the observed federal holidays OPM published for 2025 to 2027', async () => {
    const calendar = await federal();
    const generated = [2025, 2026, 2027].flatMap((year) => [...holidaysIn(calendar, year)]).sort();
    expect(generated).toEqual(OPM);
  });

  it('never runs out of years: 2040 has its eleven holidays, Juneteenth only from 2021', async () => {
    const calendar = await federal();
    expect(holidaysIn(calendar, 2040).size).toBe(11);
    // 2040: Thanksgiving is the fourth Thursday of November, 22 November; Memorial Day the last Monday of May, 28 May.
    expect([...holidaysIn(calendar, 2040)]).toEqual(expect.arrayContaining(['2040-11-22', '2040-05-28']));
    expect([...holidaysIn(calendar, 2020)]).not.toContain('2020-06-19');
  });

  it('counts a holiday kept on a weekday as a day off, and the weekend day itself as a weekend', async () => {
    const calendar = await federal();
    expect(isBusinessDay(DateTime.fromISO('2026-07-03'), calendar)).toBe(false);
    expect(isBusinessDay(DateTime.fromISO('2026-07-06'), calendar)).toBe(true);
  });

  it('refuses a year a listed calendar does not cover rather than treating it as having no holidays', () => {
    const listed: HolidayCalendar = { id: 'listed', name: 'Listed', jurisdiction: 'BR', covers: { from: 2025, to: 2025 }, holidays: [{ date: '2025-01-01', name: 'Ano Novo' }] };
    expect(() => holidaysIn(listed, 2026)).toThrow(CalendarGapError);
  });
});

describe('holidays that follow Easter or move to Monday', () => {
  const calendar = (rules: unknown[]) => calendarSchema.parse({ id: 'xx', name: 'Test', jurisdiction: 'CO', rules });

  it('finds Western and Orthodox Easter Sundays the churches publish', () => {
    // Western Easter: 31 March 2024, 20 April 2025, 5 April 2026, 28 March 2027; 2038 is the latest of the century, 25 April.
    expect([2024, 2025, 2026, 2027, 2038].map((y) => easterSunday(y).toISODate())).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
    // Orthodox Easter (Gregorian dates): 5 May 2024, 20 April 2025 (shared), 12 April 2026, 2 May 2027.
    expect([2024, 2025, 2026, 2027].map((y) => easterSunday(y, 'orthodox').toISODate())).toEqual(['2024-05-05', '2025-04-20', '2026-04-12', '2027-05-02']);
  });

  it('keeps a holiday a number of days from Easter, and Orthodox ones from the Orthodox date', () => {
    const good = calendar([{ name: 'Good Friday', easter: -2 }, { name: 'Orthodox Easter Monday', easter: 1, church: 'orthodox' }]);
    expect([...holidaysIn(good, 2026)].sort()).toEqual(['2026-04-03', '2026-04-13']);
  });

  it('moves a holiday to the Monday after it unless it is a Monday (Colombia, Ley 51 de 1983)', () => {
    // Epiphany, 6 January: a Tuesday in 2026, kept Monday 12 January; a Wednesday in 2027, kept Monday 11 January.
    // 15 August 2022 was a Monday and stays.
    const moved = calendar([{ name: 'Reyes Magos', month: 1, day: 6, movedToMonday: true }, { name: 'Asunción', month: 8, day: 15, movedToMonday: true }]);
    expect([...holidaysIn(moved, 2026)]).toContain('2026-01-12');
    expect([...holidaysIn(moved, 2027)]).toContain('2027-01-11');
    expect([...holidaysIn(moved, 2022)]).toContain('2022-08-15');
  });

  it('keeps a holiday only in its years', () => {
    const bounded = calendar([{ name: 'A day', month: 3, day: 10, since: 2020, until: 2025 }]);
    expect(holidaysIn(bounded, 2025).size).toBe(1);
    expect(holidaysIn(bounded, 2026).size).toBe(0);
  });

  it('refuses a rule that mixes a date and Easter', () => {
    expect(() => calendar([{ name: 'Both', month: 4, day: 1, easter: 3 }])).toThrow(/give month and day, or month, weekday and nth, or easter/);
  });
});
