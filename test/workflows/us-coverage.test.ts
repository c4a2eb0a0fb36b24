import { describe, expect, it } from 'vitest';
import { OPEN_UNITS, type DeadlineUnit } from '../../src/obligations/regime-schema.js';
import { whatIf } from './support.js';

// Every US breach-notification jurisdiction, with the time zone of its capital (where its clocks end
// when the organisation has not configured its own zone). Written from geography, not from the files.
const US: Array<[string, string]> = [
  ['US-AL', 'America/Chicago'], ['US-AK', 'America/Juneau'], ['US-AZ', 'America/Phoenix'], ['US-AR', 'America/Chicago'],
  ['US-CA', 'America/Los_Angeles'], ['US-CO', 'America/Denver'], ['US-CT', 'America/New_York'], ['US-DE', 'America/New_York'],
  ['US-DC', 'America/New_York'], ['US-FL', 'America/New_York'], ['US-GA', 'America/New_York'], ['US-HI', 'Pacific/Honolulu'],
  ['US-ID', 'America/Boise'], ['US-IL', 'America/Chicago'], ['US-IN', 'America/Indiana/Indianapolis'], ['US-IA', 'America/Chicago'],
  ['US-KS', 'America/Chicago'], ['US-KY', 'America/New_York'], ['US-LA', 'America/Chicago'], ['US-ME', 'America/New_York'],
  ['US-MD', 'America/New_York'], ['US-MA', 'America/New_York'], ['US-MI', 'America/Detroit'], ['US-MN', 'America/Chicago'],
  ['US-MS', 'America/Chicago'], ['US-MO', 'America/Chicago'], ['US-MT', 'America/Denver'], ['US-NE', 'America/Chicago'],
  ['US-NV', 'America/Los_Angeles'], ['US-NH', 'America/New_York'], ['US-NJ', 'America/New_York'], ['US-NM', 'America/Denver'],
  ['US-NY', 'America/New_York'], ['US-NC', 'America/New_York'], ['US-ND', 'America/Chicago'], ['US-OH', 'America/New_York'],
  ['US-OK', 'America/Chicago'], ['US-OR', 'America/Los_Angeles'], ['US-PA', 'America/New_York'], ['US-RI', 'America/New_York'],
  ['US-SC', 'America/New_York'], ['US-SD', 'America/Chicago'], ['US-TN', 'America/Chicago'], ['US-TX', 'America/Chicago'],
  ['US-UT', 'America/Denver'], ['US-VT', 'America/New_York'], ['US-VA', 'America/New_York'], ['US-WA', 'America/Los_Angeles'],
  ['US-WV', 'America/New_York'], ['US-WI', 'America/Chicago'], ['US-WY', 'America/Denver'], ['US-PR', 'America/Puerto_Rico'],
  ['US-GU', 'Pacific/Guam'], ['US-VI', 'America/St_Thomas'],
];

const AWARE = '2026-03-02T15:00:00Z';
const isOpenUnit = (unit: DeadlineUnit): boolean => (OPEN_UNITS as readonly string[]).includes(unit) && unit !== 'unspecified';
const ssns = (jurisdiction: string) => ({ awarenessAt: AWARE, affected: [{ jurisdiction, count: 600 }], dataCategories: ['name', 'national_id'], media: ['electronic'] });

/** Two zones name the same clock when they give the same offset all year (America/Juneau and America/Anchorage, say). */
const sameClock = (a: string, b: string) =>
  ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z'].every((t) => new Intl.DateTimeFormat('en-US', { timeZone: a, timeZoneName: 'longOffset' }).format(new Date(t)) === new Intl.DateTimeFormat('en-US', { timeZone: b, timeZoneName: 'longOffset' }).format(new Date(t)));

describe('the whole United States', () => {
  it('holds 54 jurisdictions', () => expect(US).toHaveLength(54));

  it.each(US)('%s: 600 residents with names and SSNs bring its notice to individuals, due in its own zone', async (jurisdiction, zone) => {
    const result = await whatIf(ssns(jurisdiction));
    expect(result.uncovered).toEqual([]);
    const individuals = result.obligations.filter((o) => o.recipient === 'individuals' && o.regime.startsWith(`us-${jurisdiction.slice(3).toLowerCase()}-`) && !o.regime.includes('insurance'));
    expect(individuals, jurisdiction).toHaveLength(1);
    const duty = individuals[0]!;
    expect(sameClock(duty.timeZone, zone), `${duty.timeZone} vs ${zone}`).toBe(true);
    // A fixed number of days gives a due instant at local midnight; "without unreasonable delay" gives none but is urgent.
    if (duty.dueAt === null) expect(isOpenUnit(duty.deadline.unit) && duty.urgent).toBe(true);
    else {
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: duty.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(duty.dueAt));
      expect(local).toBe('23:59');
    }
  });

  it('counts a state law’s days in the organisation’s zone when one is set, since the statutes count from its discovery', async () => {
    const result = await whatIf(ssns('US-CA'), { organizationTimeZone: 'America/New_York' });
    const duty = result.obligations.find((o) => o.id === 'us-ca-1798.82:individuals:US-CA');
    // Discovery on 2 March in New York; the 30th calendar day is 1 April, which ends at midnight New York time (EDT, UTC-4).
    expect(duty).toMatchObject({ timeZone: 'America/New_York', dueAt: '2026-04-02T03:59:59.999Z' });
  });
});

describe('places with no rules', () => {
  it('names them, with a message for legal, instead of answering "no duty"', async () => {
    const result = await whatIf({ awarenessAt: AWARE, affected: [{ jurisdiction: 'TV', count: 40 }, { jurisdiction: 'US-WA', count: 5000 }], dataCategories: ['name', 'national_id'], media: ['electronic'] });
    expect(result.uncovered).toEqual([{ jurisdiction: 'TV', name: 'Tuvalu', count: 40, reason: 'no_rules', message: 'No rules for Tuvalu: decide with counsel' }]);
    expect(result.obligations.some((o) => o.jurisdiction === 'US-WA' && o.recipient === 'regulator')).toBe(true);
  });

  it('asks for the state when people are recorded only as "US", since the laws go by state', async () => {
    const result = await whatIf({ awarenessAt: AWARE, affected: [{ jurisdiction: 'US', count: 10 }], dataCategories: ['name', 'national_id'] });
    expect(result.uncovered).toMatchObject([{ jurisdiction: 'US', reason: 'subdivision_needed' }]);
  });

  it('says when the rules held for a place are not yet in force for this breach (Chile’s Ley 21.719 from 1 December 2026)', async () => {
    const result = await whatIf({ awarenessAt: AWARE, affected: [{ jurisdiction: 'CL', count: 10 }], dataCategories: ['name'] });
    expect(result.uncovered).toMatchObject([{ jurisdiction: 'CL', reason: 'not_in_force', message: 'The rules for Chile apply to breaches from 1 December 2026: decide with counsel' }]);
  });

  it('is not fooled by a sector rule: HIPAA covers the US, yet a hospital’s patients in a place with no general law would still be uncovered', async () => {
    const result = await whatIf({ awarenessAt: AWARE, affected: [{ jurisdiction: 'AS', count: 10 }], dataCategories: ['name', 'health'], organization: { hipaaCoveredEntity: true } });
    expect(result.uncovered).toMatchObject([{ jurisdiction: 'AS', reason: 'no_rules' }]);
    expect(result.obligations.some((o) => o.regime === 'us-hipaa')).toBe(true);
  });

  it.each(['US-ZZ', 'XX', 'EU'])('refuses the made-up code %s', async (code) => {
    await expect(whatIf({ awarenessAt: AWARE, affected: [{ jurisdiction: code, count: 1 }], dataCategories: [] })).rejects.toThrow(/ISO 3166/);
  });
});
