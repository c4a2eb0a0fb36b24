import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../src/obligations/jurisdictions.js';
import { whatIf } from './support.js';

// Every country outside the US the rules base answers for, with the zone of its capital (where its
// regulator's clock runs), written from geography and not from the files. The EEA's authorities are
// checked separately: the GDPR's clock is counted in hours, wherever the authority sits.
const WORLD: Array<[string, string]> = [
  ['GB', 'Europe/London'], ['CH', 'Europe/Zurich'], ['CA', 'America/Toronto'], ['CA-QC', 'America/Toronto'], ['CA-AB', 'America/Edmonton'],
  ['MX', 'America/Mexico_City'], ['BR', 'America/Sao_Paulo'], ['AR', 'America/Argentina/Buenos_Aires'], ['CO', 'America/Bogota'],
  ['CL', 'America/Santiago'], ['PE', 'America/Lima'], ['CN', 'Asia/Shanghai'], ['HK', 'Asia/Hong_Kong'], ['TW', 'Asia/Taipei'],
  ['JP', 'Asia/Tokyo'], ['KR', 'Asia/Seoul'], ['SG', 'Asia/Singapore'], ['MY', 'Asia/Kuala_Lumpur'], ['ID', 'Asia/Jakarta'],
  ['TH', 'Asia/Bangkok'], ['VN', 'Asia/Ho_Chi_Minh'], ['PH', 'Asia/Manila'], ['IN', 'Asia/Kolkata'], ['AU', 'Australia/Sydney'],
  ['NZ', 'Pacific/Auckland'], ['ZA', 'Africa/Johannesburg'], ['KE', 'Africa/Nairobi'], ['NG', 'Africa/Lagos'], ['EG', 'Africa/Cairo'],
  ['IL', 'Asia/Jerusalem'], ['TR', 'Europe/Istanbul'], ['SA', 'Asia/Riyadh'], ['AE', 'Asia/Dubai'], ['QA', 'Asia/Qatar'],
];

// Wednesday 2 December 2026, after Chile's Ley 21.719 began (1 December 2026).
const AWARE = '2026-12-02T15:00:00Z';
const breach = (jurisdiction: string) => ({
  awarenessAt: AWARE,
  affected: [{ jurisdiction, count: 600 }],
  dataCategories: ['name', 'contact', 'national_id', 'financial_account', 'health'],
  media: ['electronic'],
});

/** Two zones name the same clock when they give the same offset all year. */
const sameClock = (a: string, b: string) =>
  ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z'].every(
    (t) =>
      new Intl.DateTimeFormat('en-US', { timeZone: a, timeZoneName: 'longOffset' }).format(new Date(t)) ===
      new Intl.DateTimeFormat('en-US', { timeZone: b, timeZoneName: 'longOffset' }).format(new Date(t)),
  );

describe('the rest of the world', () => {
  it('holds 30 EEA member states and 34 places beyond them, 64 in all', () => {
    expect(REGIONS.EEA).toHaveLength(30);
    expect(WORLD).toHaveLength(34);
  });

  it.each(WORLD)('%s: a breach of 600 residents’ identity, financial and health data brings its own duties, counted in its own zone', async (jurisdiction, zone) => {
    const result = await whatIf(breach(jurisdiction));
    expect(result.uncovered).toEqual([]);
    // The place's own laws (ids open with its code; the United Kingdom's with uk), not a federal law that also reaches it.
    const prefix = `${jurisdiction === 'GB' ? 'uk' : jurisdiction.toLowerCase()}-`;
    const own = result.obligations.filter((o) => o.regime.startsWith(prefix));
    expect(own.length, jurisdiction).toBeGreaterThan(0);
    for (const duty of own) expect(sameClock(duty.timeZone, zone), `${duty.id} counts in ${duty.timeZone}`).toBe(true);
  });

  it.each([...(REGIONS.EEA ?? [])])('%s: without an EU establishment, the GDPR report goes to its own supervisory authority, in its language', async (country) => {
    const result = await whatIf({ ...breach(country), organization: { mainEstablishment: null } });
    expect(result.uncovered).toEqual([]);
    const report = result.obligations.find((o) => o.regime === 'eu-gdpr' && o.recipient === 'regulator');
    expect(report?.jurisdiction).toBe(country);
    expect(report?.authority).not.toMatch(/competent under GDPR Art\. 55/);
    expect(report?.authorityLanguages.length).toBeGreaterThan(0);
    // Art. 33(1): not later than 72 hours after becoming aware.
    expect(report?.dueAt).toBe('2026-12-05T15:00:00.000Z');
  });
});
