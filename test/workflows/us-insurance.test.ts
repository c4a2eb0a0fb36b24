import { describe, expect, it } from 'vitest';
import { duty, people, whatIf } from './support.js';

// State insurance data security laws (the NAIC Insurance Data Security Model Law #668 and each
// state's version): the licensee's notice to the state's insurance regulator. Every expected instant
// below is worked out by hand from the statute's period.
//
// Determination on Monday 2 March 2026 at 15:00 UTC. Business days run Tuesday 3, Wednesday 4,
// Thursday 5, Friday 6, then Monday 9 March onwards (no federal holiday falls in March 2026), and
// the last one ends at 23:59:59.999 in the capital's zone. Daylight saving time starts on Sunday
// 8 March 2026, so a limit ending on 5 or 6 March ends in standard time, one ending on 9 March or
// later in daylight time:
//   3 business days -> end of Thu 5 Mar: New York EST (UTC-5) 2026-03-06T04:59:59.999Z,
//                      Chicago CST (UTC-6) 2026-03-06T05:59:59.999Z, Anchorage AKST (UTC-9)
//                      2026-03-06T08:59:59.999Z.
//   5 business days -> end of Mon 9 Mar: New York EDT (UTC-4) 2026-03-10T03:59:59.999Z,
//                      Chicago CDT (UTC-5) 2026-03-10T04:59:59.999Z.
//  10 business days -> end of Mon 16 Mar: Detroit EDT (UTC-4) 2026-03-17T03:59:59.999Z.
//   72 hours       -> 2026-03-05T15:00:00.000Z, whatever the zone.
const AWARE = '2026-03-02T15:00:00Z';
const LICENSEE = { insuranceLicensee: true };
const SSN = ['name', 'national_id'] as const;
const at = (jurisdiction: string, count: number, extra: Record<string, unknown> = {}) =>
  whatIf({ awarenessAt: AWARE, organization: LICENSEE, affected: people(jurisdiction, count), dataCategories: [...SSN], ...extra });

interface ModelState {
  name: string;
  citation: string;
  code: string;
  regime: string;
  dueAt: string;
  dueNote: string;
  /** The words the reason quotes for the domicile/home-state branch. */
  homeBranch: string;
  encryption?: boolean;
}

// States whose notice follows the model's two branches: 250 or more consumers (with a further
// condition legal judges), or the state being the licensee's home state (a judgement). At 250 the
// count carries the duty; at 249 only the home-state branch does, and the reason says so.
const MODEL_STATES: ModelState[] = [
  { name: 'Alabama', citation: 'Ala. Code 27-62-6', code: 'US-AL', regime: 'us-al-insurance-data-security', dueAt: '2026-03-06T05:59:59.999Z', dueNote: 'three business days, Chicago (CST)', homeBranch: "Alabama is the licensee's state of domicile" },
  { name: 'Alaska', citation: 'AS 21.23.280', code: 'US-AK', regime: 'us-ak-insurance-data-security', dueAt: '2026-03-06T08:59:59.999Z', dueNote: 'three business days, Anchorage (AKST)', homeBranch: 'insurer domiciled in Alaska', encryption: true },
  { name: 'Iowa', citation: 'Iowa Code 507F.7', code: 'US-IA', regime: 'us-ia-insurance-data-security', dueAt: '2026-03-06T05:59:59.999Z', dueNote: 'three business days from confirmation, Chicago (CST)', homeBranch: 'insurer domiciled in Iowa' },
  { name: 'Illinois', citation: '215 ILCS 215/20', code: 'US-IL', regime: 'us-il-insurance-data-security', dueAt: '2026-03-06T05:59:59.999Z', dueNote: 'three business days, Chicago (CST)', homeBranch: "Illinois is the licensee's state of domicile" },
  { name: 'Louisiana', citation: 'La. R.S. 22:2506', code: 'US-LA', regime: 'us-la-insurance-data-security', dueAt: '2026-03-06T05:59:59.999Z', dueNote: 'three business days, Chicago (CST)', homeBranch: "Louisiana is the licensee's state of domicile" },
  { name: 'Maryland', citation: 'Md. Code, Ins. 33-105', code: 'US-MD', regime: 'us-md-insurance-data-security', dueAt: '2026-03-06T04:59:59.999Z', dueNote: 'three business days, New York (EST)', homeBranch: "Maryland is the carrier's state of domicile" },
  { name: 'Michigan', citation: 'MCL 500.559', code: 'US-MI', regime: 'us-mi-insurance-data-security', dueAt: '2026-03-17T03:59:59.999Z', dueNote: 'ten business days, Detroit (EDT)', homeBranch: "Michigan is the licensee's state of domicile" },
  { name: 'Minnesota', citation: 'Minn. Stat. 60A.9853', code: 'US-MN', regime: 'us-mn-insurance-data-security', dueAt: '2026-03-10T04:59:59.999Z', dueNote: 'five business days, Chicago (CDT)', homeBranch: "Minnesota is the licensee's state of domicile" },
  { name: 'New Hampshire', citation: 'RSA 420-P:6', code: 'US-NH', regime: 'us-nh-insurance-data-security', dueAt: '2026-03-06T04:59:59.999Z', dueNote: 'three business days, New York (EST)', homeBranch: "New Hampshire is the licensee's state of domicile" },
  { name: 'Ohio', citation: 'R.C. 3965.04', code: 'US-OH', regime: 'us-oh-insurance-data-security', dueAt: '2026-03-06T04:59:59.999Z', dueNote: 'three business days, New York (EST)', homeBranch: "Ohio is the licensee's state of domicile", encryption: true },
  { name: 'Pennsylvania', citation: 'Act 2 of 2023', code: 'US-PA', regime: 'us-pa-insurance-data-security', dueAt: '2026-03-10T03:59:59.999Z', dueNote: 'five business days, New York (EDT)', homeBranch: "Pennsylvania is the licensee's state of domicile", encryption: true },
  { name: 'South Carolina', citation: 'S.C. Code 38-99-40', code: 'US-SC', regime: 'us-sc-insurance-data-security', dueAt: '2026-03-05T15:00:00.000Z', dueNote: '72 hours', homeBranch: "South Carolina is the licensee's state of domicile", encryption: true },
  { name: 'Tennessee', citation: 'Tenn. Code 56-2-1006', code: 'US-TN', regime: 'us-tn-insurance-data-security', dueAt: '2026-03-06T05:59:59.999Z', dueNote: 'three business days, Chicago (CST)', homeBranch: "Tennessee is the licensee's state of domicile" },
  { name: 'Wisconsin', citation: 'Wis. Stat. 601.954', code: 'US-WI', regime: 'us-wi-insurance-data-security', dueAt: '2026-03-06T05:59:59.999Z', dueNote: 'three business days, Chicago (CST)', homeBranch: 'the licensee is domiciled in Wisconsin' },
];

for (const state of MODEL_STATES) {
  describe(`${state.name} (${state.citation})`, () => {
    it('counts 250 consumers as the threshold ("250 or more"), and at 249 keeps the duty only for the home-state branch', async () => {
      const at250 = duty(await at(state.code, 250), state.regime, 'regulator');
      expect(at250?.applies).toBe('yes');
      expect(at250?.reason).toContain(`250 affected in ${state.code} >= 250`);
      const at249 = duty(await at(state.code, 249), state.regime, 'regulator');
      expect(at249).toBeDefined();
      expect(at249?.reason).not.toContain('>= 250');
      expect(at249?.reason).toContain(state.homeBranch);
      expect(at249?.reason).toContain('legal to judge');
    });

    it(`is due ${state.dueNote} after the determination`, async () => {
      const notice = duty(await at(state.code, 600), state.regime, 'regulator');
      expect(notice?.recipient).toBe('regulator');
      expect(notice?.dueAt).toBe(state.dueAt);
    });

    it('binds only insurance licensees', async () => {
      const other = await whatIf({ awarenessAt: AWARE, organization: {}, affected: people(state.code, 600), dataCategories: [...SSN] });
      expect(duty(other, state.regime, 'regulator')).toBeUndefined();
    });

    if (state.encryption === true) {
      it('flags the encrypted-information exclusion while the key is safe, not once the key was taken', async () => {
        const safe = duty(await at(state.code, 600, { encrypted: true, keyExposed: false }), state.regime, 'regulator');
        expect(safe?.exemptions.find((e) => e.id === 'encrypted-data')?.likelyAvailable).toBe(true);
        const taken = duty(await at(state.code, 600, { encrypted: true, keyExposed: true }), state.regime, 'regulator');
        expect(taken?.exemptions.find((e) => e.id === 'encrypted-data')?.likelyAvailable).toBe(false);
      });
    }
  });
}

describe('Alabama business days around a federal holiday (Ala. Code 27-62-6(a))', () => {
  it('skips Memorial Day when counting the three business days', async () => {
    // Determination Friday 22 May 2026 at 15:00Z. Monday 25 May is Memorial Day, so the business
    // days are Tuesday 26, Wednesday 27 and Thursday 28 May; the last ends at 23:59:59.999 CDT
    // (UTC-5) = 2026-05-29T04:59:59.999Z.
    const notice = duty(await at('US-AL', 600, { awarenessAt: '2026-05-22T15:00:00Z' }), 'us-al-insurance-data-security', 'regulator');
    expect(notice?.dueAt).toBe('2026-05-29T04:59:59.999Z');
  });
});

describe('South Carolina 72 hours (S.C. Code 38-99-40)', () => {
  it('counts 72 clock hours from the determination, weekends included', async () => {
    // Determination Friday 6 March 2026 at 20:00Z: 72 hours later is Monday 9 March at 20:00Z.
    const notice = duty(await at('US-SC', 600, { awarenessAt: '2026-03-06T20:00:00Z' }), 'us-sc-insurance-data-security', 'regulator');
    expect(notice?.dueAt).toBe('2026-03-09T20:00:00.000Z');
  });
});

describe('Alaska (AS 21.23.280) in force', () => {
  it('applies to determinations from 1 January 2025, the section\'s effective date', async () => {
    expect(duty(await at('US-AK', 600, { awarenessAt: '2024-12-31T20:00:00Z' }), 'us-ak-insurance-data-security', 'regulator')).toBeUndefined();
    expect(duty(await at('US-AK', 600, { awarenessAt: '2025-01-02T20:00:00Z' }), 'us-ak-insurance-data-security', 'regulator')).toBeDefined();
  });

  it('lists the federal law enforcement instruction not to distribute information', async () => {
    const notice = duty(await at('US-AK', 600), 'us-ak-insurance-data-security', 'regulator');
    expect(notice?.exemptions.map((e) => e.id)).toContain('federal-law-enforcement-instruction');
  });
});

describe('Virginia (Va. Code 38.2-625)', () => {
  const regime = 'us-va-insurance-data-security';

  it('needs no further condition at 250 consumers ("250 or more consumers residing in the Commonwealth")', async () => {
    const at250 = duty(await at('US-VA', 250), regime, 'regulator');
    expect(at250?.reason).toContain('250 affected in US-VA >= 250');
    expect(at250?.reason).not.toContain('legal to judge');
  });

  it('at 249 keeps the duty only for a duty to notify under other law or the domestic-insurer branch', async () => {
    const at249 = duty(await at('US-VA', 249), regime, 'regulator');
    expect(at249).toBeDefined();
    expect(at249?.reason).not.toContain('>= 250');
    expect(at249?.reason).toContain('legal to judge');
  });

  it('is due three business days after the determination, New York (EST)', async () => {
    expect(duty(await at('US-VA', 600), regime, 'regulator')?.dueAt).toBe('2026-03-06T04:59:59.999Z');
  });

  it('binds only insurance licensees', async () => {
    const other = await whatIf({ awarenessAt: AWARE, organization: {}, affected: people('US-VA', 600), dataCategories: [...SSN] });
    expect(duty(other, regime, 'regulator')).toBeUndefined();
  });

  it('flags the encrypted-information exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await at('US-VA', 600, { encrypted: true, keyExposed: false }), regime, 'regulator');
    expect(safe?.exemptions.find((e) => e.id === 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await at('US-VA', 600, { encrypted: true, keyExposed: true }), regime, 'regulator');
    expect(taken?.exemptions.find((e) => e.id === 'encrypted-data')?.likelyAvailable).toBe(false);
  });
});

describe('Rhode Island (R.I. Gen. Laws 27-1-47)', () => {
  const regime = 'us-ri-insurance-data-security';

  it('has no consumer count: even a few Rhode Island residents list it, for a domestic insurer to judge', async () => {
    const few = duty(await at('US-RI', 10), regime, 'regulator');
    expect(few).toBeDefined();
    expect(few?.reason).toContain('domiciled in Rhode Island');
    expect(few?.reason).toContain('legal to judge');
  });

  it('is due three business days after the determination, New York (EST)', async () => {
    expect(duty(await at('US-RI', 600), regime, 'regulator')?.dueAt).toBe('2026-03-06T04:59:59.999Z');
  });

  it('binds only insurance licensees', async () => {
    const other = await whatIf({ awarenessAt: AWARE, organization: {}, affected: people('US-RI', 600), dataCategories: [...SSN] });
    expect(duty(other, regime, 'regulator')).toBeUndefined();
  });

  it('applies to determinations from 1 January 2025', async () => {
    expect(duty(await at('US-RI', 600, { awarenessAt: '2024-12-31T20:00:00Z' }), regime, 'regulator')).toBeUndefined();
    expect(duty(await at('US-RI', 600, { awarenessAt: '2025-01-02T20:00:00Z' }), regime, 'regulator')).toBeDefined();
  });
});
