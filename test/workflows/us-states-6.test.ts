import { describe, expect, it } from 'vitest';
import { duty, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC. Daylight saving time begins on Sunday 8 March 2026
// in the US zones, so a day-counted limit ending in April ends at 23:59:59.999 local summer time.
// Puerto Rico, the Virgin Islands and Guam keep no daylight saving time.
const AWARE = '2026-03-02T15:00:00Z';
const SSN = ['name', 'national_id'] as const;
const electronic = ['electronic'] as const;
const exemption = (o: { exemptions: { id: string; likelyAvailable: boolean }[] } | undefined, id: string) => o?.exemptions.find((e) => e.id === id);

describe('Vermont (9 V.S.A. 2435)', () => {
  const R = 'us-vt-9-vsa-2435';
  const base = { awarenessAt: AWARE, dataCategories: SSN, media: electronic };

  it('600 residents with name and SSN: consumer notice no later than 45 days after discovery', async () => {
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 EDT (UTC-4) = 03:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-VT', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-17T03:59:59.999Z');
  });

  it("counts the 45 days in the organization's own zone when it has one", async () => {
    // Same day count, ending 23:59:59.999 PDT (UTC-7) = 06:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-VT', 600) }, { organizationTimeZone: 'America/Los_Angeles' }), R, 'individuals');
    expect(notice?.dueAt).toBe('2026-04-17T06:59:59.999Z');
  });

  it('preliminary notice to the Attorney General within 14 business days, skipping Town Meeting Day', async () => {
    // Business days after Monday 2 March: Tuesday 3 March is Town Meeting Day (first Tuesday in
    // March, 1 V.S.A. 371(a)(4)), so day 1 is Wednesday 4 March and day 14 is Monday 23 March,
    // ending 23:59:59.999 EDT = 03:59:59.999Z on 24 March (without the holiday it would be 20 March).
    const ag = duty(await whatIf({ ...base, affected: people('US-VT', 1) }), R, 'regulator');
    expect(ag?.deadline).toMatchObject({ amount: 14, unit: 'business_days' });
    expect(ag?.dueAt).toBe('2026-03-24T03:59:59.999Z');
    expect(ag?.stages.find((s) => s.id.endsWith(':preliminaryNotice'))?.dueAt).toBe('2026-03-24T03:59:59.999Z');
  });

  it('owes the Attorney General notice for a single consumer (no threshold)', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-VT', 1) }), R, 'regulator')?.applies).toBe('yes');
  });

  it('tells the consumer reporting agencies above 1,000 consumers, not at 1,000', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-VT', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-VT', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('flags the encryption exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-VT', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-VT', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('an SSN without a name is not personally identifiable information; login credentials alone are', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-VT', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-VT', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('covers computerized data only', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-VT', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('a finding that misuse is not reasonably possible calls for the determination to the Attorney General', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-VT', 600) }), R, 'harm-determination')).toBeUndefined();
    const found = await whatIf({ ...base, affected: people('US-VT', 600), legalFindings: [{ jurisdiction: 'US-VT', harm: 'unlikely', rationale: 'laptop recovered unopened' }] });
    expect(duty(found, R, 'harm-determination')?.applies).toBe('yes');
    expect(exemption(duty(found, R, 'individuals'), 'misuse-not-reasonably-possible')?.likelyAvailable).toBe(true);
  });

  it('a vendor notifies the data owner immediately, not the consumers', async () => {
    const vendor = await whatIf({ ...base, role: 'processor', affected: people('US-VT', 600) });
    expect(duty(vendor, R, 'owner-notice')?.deadline.unit).toBe('immediate');
    expect(duty(vendor, R, 'individuals')).toBeUndefined();
  });
});

describe('Virginia (Va. Code 18.2-186.6)', () => {
  const R = 'us-va-code-18.2-186.6';
  const base = { awarenessAt: AWARE, dataCategories: SSN, media: electronic };

  it('600 residents with name and SSN: residents notified without unreasonable delay', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-VA', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.dueAt).toBeNull();
  });

  it('notifies the Attorney General whenever any resident is notified', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-VA', 1) }), R, 'regulator')?.applies).toBe('yes');
  });

  it('tells the consumer reporting agencies above 1,000 persons, not at 1,000', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-VA', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-VA', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('flags the encryption exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-VA', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-VA', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('a name with a passport number is personal information; with a date of birth it is not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'government_id'], affected: people('US-VA', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'date_of_birth'], affected: people('US-VA', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('an SSN without a name does not trigger notice', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-VA', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('payroll data (taxpayer numbers) goes to the Attorney General for employers and payroll providers', async () => {
    const payroll = duty(await whatIf({ ...base, dataCategories: ['tax_id'], affected: people('US-VA', 40) }), R, 'payroll-tax-data');
    expect(payroll?.applies).toBe('yes');
    expect(payroll?.reason).toContain('legal to judge');
  });
});

describe('Washington (RCW 19.255.010)', () => {
  const R = 'us-wa-rcw-19.255';
  const base = { awarenessAt: AWARE, dataCategories: SSN };

  it('600 residents with name and SSN: residents notified no more than 30 calendar days after discovery', async () => {
    // 2 March + 30 days = 1 April 2026, ending 23:59:59.999 PDT (UTC-7) = 06:59:59.999Z on 2 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-WA', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('calendar_days');
    expect(notice?.dueAt).toBe('2026-04-02T06:59:59.999Z');
  });

  it('notifies the Attorney General above 500 residents, not at 500, within 30 days', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-WA', 500) }), R, 'regulator')).toBeUndefined();
    const ag = duty(await whatIf({ ...base, affected: people('US-WA', 501) }), R, 'regulator');
    expect(ag?.applies).toBe('yes');
    expect(ag?.dueAt).toBe('2026-04-02T06:59:59.999Z');
  });

  it('flags the "secured" exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-WA', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-WA', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('online credentials alone are personal information; a name with an email address is not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-WA', 600) }), R, 'individuals')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-WA', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('an SSN without a name counts where it would enable identity theft, for legal to judge', async () => {
    const bare = duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-WA', 600) }), R, 'individuals');
    expect(bare).toBeDefined();
    expect(bare?.reason).toContain('identity theft');
  });

  it('covers paper records too', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-WA', 600) }), R, 'individuals')?.applies).toBe('yes');
  });
});

describe('West Virginia (W. Va. Code 46A-2A-102)', () => {
  const R = 'us-wv-code-46a-2a';
  const base = { awarenessAt: AWARE, dataCategories: SSN, media: electronic };

  it('600 residents with name and SSN: residents notified without unreasonable delay, no agency notice', async () => {
    const result = await whatIf({ ...base, affected: people('US-WV', 600) });
    expect(duty(result, R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
    expect(result.obligations.filter((o) => o.regime === R && o.recipient === 'regulator')).toHaveLength(0);
  });

  it('tells the consumer reporting agencies above 1,000 persons, not at 1,000', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-WV', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-WV', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('flags the encryption exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-WV', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-WV', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('a name with an SSN is personal information; an SSN alone or a name with a passport number is not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-WV', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'government_id'], affected: people('US-WV', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('a finding that no identity theft or fraud will follow makes the harm exemption available', async () => {
    const found = await whatIf({ ...base, affected: people('US-WV', 600), legalFindings: [{ jurisdiction: 'US-WV', harm: 'unlikely', rationale: 'data wiped remotely' }] });
    expect(exemption(duty(found, R, 'individuals'), 'no-identity-theft-or-fraud')?.likelyAvailable).toBe(true);
  });
});

describe('Wisconsin (Wis. Stat. 134.98)', () => {
  const R = 'us-wi-stat-134.98';
  const base = { awarenessAt: AWARE, dataCategories: SSN };

  it('600 residents with name and SSN: notice within 45 days after the entity learns of the acquisition', async () => {
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 CDT (UTC-5) = 04:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-WI', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-17T04:59:59.999Z');
  });

  it('tells the consumer reporting agencies at 1,000 individuals, not at 999 ("1,000 or more")', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-WI', 999) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-WI', 1000) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('flags the encryption exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-WI', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-WI', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('a name with an account number alone, or a DNA profile, is personal information; an SSN alone is not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-WI', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'genetic'], affected: people('US-WI', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-WI', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('covers paper records too, and requires no notice to a state agency', async () => {
    const result = await whatIf({ ...base, media: ['paper'], affected: people('US-WI', 600) });
    expect(duty(result, R, 'individuals')?.applies).toBe('yes');
    expect(result.obligations.filter((o) => o.regime === R && o.recipient === 'regulator')).toHaveLength(0);
  });
});

describe('Wyoming (Wyo. Stat. 40-12-502)', () => {
  const R = 'us-wy-stat-40-12-502';
  const base = { awarenessAt: AWARE, dataCategories: SSN, media: electronic };

  it('600 residents with name and SSN: notice in the most expedient time possible, no agency notice', async () => {
    const result = await whatIf({ ...base, affected: people('US-WY', 600) });
    const notice = duty(result, R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(result.obligations.filter((o) => o.regime === R && o.recipient !== 'individuals')).toHaveLength(0);
  });

  it('has no encryption safe harbour: encrypted data is not flagged, redacted data is', async () => {
    const encrypted = duty(await whatIf({ ...base, affected: people('US-WY', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(encrypted?.exemptions.some((e) => e.likelyAvailable)).toBe(false);
    const redacted = duty(await whatIf({ ...base, affected: people('US-WY', 600), redacted: true }), R, 'individuals');
    expect(exemption(redacted, 'redacted-data')?.likelyAvailable).toBe(true);
  });

  it('online credentials count only with a name; a name with an address or telephone number does not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-WY', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-WY', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-WY', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('a finding that misuse is not reasonably likely makes the investigation exemption available', async () => {
    const found = await whatIf({ ...base, affected: people('US-WY', 600), legalFindings: [{ jurisdiction: 'US-WY', harm: 'unlikely', rationale: 'no sign of exfiltration' }] });
    expect(exemption(duty(found, R, 'individuals'), 'misuse-not-likely')?.likelyAvailable).toBe(true);
  });
});

describe('Puerto Rico (10 L.P.R.A. 4051-4055)', () => {
  const R = 'us-pr-10-lpra-4051';
  const base = { awarenessAt: AWARE, dataCategories: SSN };

  it('600 residents with name and SSN: residents notified as expeditiously as possible', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-PR', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('as_soon_as_practicable');
  });

  it('informs the Department of Consumer Affairs within 10 days of detection, for any number of residents', async () => {
    // 15:00Z is 11:00 AST (UTC-4, no daylight saving); 2 March + 10 days = 12 March, ending
    // 23:59:59.999 AST = 03:59:59.999Z on 13 March.
    const daco = duty(await whatIf({ ...base, affected: people('US-PR', 1) }), R, 'regulator');
    expect(daco?.applies).toBe('yes');
    expect(daco?.dueAt).toBe('2026-03-13T03:59:59.999Z');
  });

  it('applies to people recorded under PR as well as US-PR', async () => {
    expect(duty(await whatIf({ ...base, affected: people('PR', 20) }), R, 'regulator')).toBeDefined();
  });

  it('flags the encryption exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-PR', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-PR', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('a name with tax information or an account number without its code is covered; an SSN alone is not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'tax_id'], affected: people('US-PR', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-PR', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-PR', 600) }), R, 'individuals')).toBeUndefined();
  });
});

describe('Guam (9 GCA Chapter 48)', () => {
  const R = 'us-gu-9-gca-48';
  const base = { awarenessAt: AWARE, dataCategories: SSN, media: electronic };

  it('600 residents with name and SSN: residents notified without unreasonable delay, no agency notice', async () => {
    const result = await whatIf({ ...base, affected: people('US-GU', 600) });
    const notice = duty(result, R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(result.obligations.filter((o) => o.regime === R && o.recipient !== 'individuals')).toHaveLength(0);
  });

  it('applies to people recorded under GU as well as US-GU', async () => {
    expect(duty(await whatIf({ ...base, affected: people('GU', 20) }), R, 'individuals')).toBeDefined();
  });

  it('flags the encryption exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-GU', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-GU', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('a name with a driver’s licence number is personal information; a name with a passport number or online credentials is not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'drivers_license'], affected: people('US-GU', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'government_id', 'credentials'], affected: people('US-GU', 600) }), R, 'individuals')).toBeUndefined();
  });
});

describe('US Virgin Islands (14 V.I.C. 2208-2212)', () => {
  const R = 'us-vi-14-vic-2208';
  const base = { awarenessAt: AWARE, dataCategories: SSN, media: electronic };

  it('600 residents with name and SSN: residents notified in the most expedient time possible', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-VI', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
  });

  it('applies to people recorded under VI as well as US-VI', async () => {
    expect(duty(await whatIf({ ...base, affected: people('VI', 20) }), R, 'individuals')).toBeDefined();
  });

  it('flags the encryption exclusion while the key is safe, not once the key was taken', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-VI', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')?.likelyAvailable).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-VI', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('an SSN without a name does not trigger notice, nor does a name with a health record', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-VI', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('US-VI', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('a vendor notifies the data owner immediately', async () => {
    const vendor = duty(await whatIf({ ...base, role: 'processor', affected: people('US-VI', 600) }), R, 'owner-notice');
    expect(vendor?.deadline.unit).toBe('immediate');
  });
});
