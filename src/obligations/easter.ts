import { DateTime } from 'luxon';

/**
 * Easter Sunday, which several countries' holidays follow (Good Friday, Whit Monday, Corpus Christi).
 * Western: the Gregorian computus as Meeus gives it (the "anonymous Gregorian algorithm"), valid for
 * every Gregorian year. Orthodox: Meeus's Julian computus, moved onto the Gregorian calendar, which
 * runs 13 days ahead of the Julian from 1900 to 2099 (one day more each century after, bar leap centuries).
 */
export function easterSunday(year: number, church: 'western' | 'orthodox' = 'western'): DateTime {
  if (church === 'orthodox') {
    const a = year % 4;
    const b = year % 7;
    const c = year % 19;
    const d = (19 * c + 15) % 30;
    const e = (2 * a + 4 * b - d + 34) % 7;
    const month = Math.floor((d + e + 114) / 31);
    const day = ((d + e + 114) % 31) + 1;
    const century = Math.floor(year / 100);
    const julianLag = century - Math.floor(century / 4) - 2;
    return DateTime.utc(year, month, day).plus({ days: julianLag });
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day);
}
