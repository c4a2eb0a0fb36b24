import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC. US daylight saving time begins on 8 March 2026, so
// a day-counted limit ending in April or May ends at 23:59:59.999 local daylight time: EDT (UTC-4)
// in Augusta, Annapolis and Boston, CDT (UTC-5) in Baton Rouge, St. Paul, Jackson and Jefferson City,
// MDT (UTC-6) in Helena. No organisation time zone is configured, so the capital's zone is used.
const AWARE = '2026-03-02T15:00:00Z';
const electronic = ['electronic'] as const;
const nameAndSsn = ['name', 'national_id'] as const;

describe('Louisiana (La. R.S. 51:3074; LAC 16:III.701)', () => {
  const R = 'us-la-rs-51-3074';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice to residents is due 60 days after discovery, at midnight in Baton Rouge', async () => {
    // 2 March + 60 days = 1 May 2026, ending 23:59:59.999 CDT = 04:59:59.999Z on 2 May.
    const notice = duty(await whatIf({ ...base, affected: people('US-LA', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-05-02T04:59:59.999Z');
  });

  it('notifies the Attorney General whenever residents are notified, within 10 days of distributing that notice', async () => {
    // Residents notified 10 April 2026 at 10:00 CDT; + 10 days = 20 April, ending 23:59:59.999 CDT = 04:59:59.999Z on 21 April.
    const ag = duty(await whatIf({ ...base, affected: people('US-LA', 1), individualsNotifiedAt: '2026-04-10T15:00:00Z' }), R, 'regulator');
    expect(ag?.applies).toBe('yes');
    expect(ag?.dueAt).toBe('2026-04-21T04:59:59.999Z');
  });

  it('covers passport numbers and biometric data with a name, but not an SSN without a name', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'government_id'], affected: people('US-LA', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'biometric'], affected: people('US-LA', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-LA', 5) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-LA', 5) }), R, 'individuals')).toBeUndefined();
  });

  it('covers computerized data only: paper records bring no duty', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-LA', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-LA', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-LA', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('offers the no-reasonable-likelihood-of-harm exemption once legal records that finding', async () => {
    const found = duty(await whatIf({ ...base, affected: people('US-LA', 600), legalFindings: [{ jurisdiction: 'US-LA', harm: 'unlikely', rationale: 'records recovered unopened' }] }), R, 'individuals');
    expect(exemption(found, 'no-reasonable-likelihood-of-harm')).toBe(true);
  });

  it('a vendor owes its notice to the owner, not to residents', async () => {
    const vendor = await whatIf({ ...base, role: 'processor', affected: people('US-LA', 600) });
    expect(duty(vendor, R, 'owner-notice')).toBeDefined();
    expect(duty(vendor, R, 'individuals')).toBeUndefined();
  });
});

describe('Maine (10 M.R.S. 1348)', () => {
  const R = 'us-me-10-mrs-1348';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice to residents is due 30 days after discovery, at midnight in Augusta', async () => {
    // 2 March + 30 days = 1 April 2026, ending 23:59:59.999 EDT = 03:59:59.999Z on 2 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-ME', 600) }), R, 'individuals');
    expect(notice?.dueAt).toBe('2026-04-02T03:59:59.999Z');
  });

  it('notifies the regulator (the Attorney General or the PFR agency) for a single resident', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-ME', 1) }), R, 'regulator')?.applies).toBe('yes');
  });

  it('notifies the consumer reporting agencies above 1,000 persons, not at 1,000 ("more than 1,000")', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-ME', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-ME', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('counts a card number usable on its own, and an element without a name only as legal judges it', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-ME', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-ME', 5) }), R, 'individuals')).toBeUndefined();
    const alone = duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-ME', 5) }), R, 'individuals');
    expect(alone?.reason).toContain('legal to judge');
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-ME', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-ME', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('a law enforcement delay moves the notice to the end of the recorded delay', async () => {
    // Delay recorded until 30 June 2026, ending 23:59:59.999 EDT = 03:59:59.999Z on 1 July.
    const held = duty(await whatIf({ ...base, affected: people('US-ME', 600), lawEnforcementDelayUntil: '2026-06-30' }), R, 'individuals');
    expect(held?.dueAt).toBe('2026-07-01T03:59:59.999Z');
  });
});

describe('Maryland (Md. Code Com. Law 14-3504)', () => {
  const R = 'us-md-cl-14-3504';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice to residents is due 45 days after discovery, at midnight in Annapolis', async () => {
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 EDT = 03:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-MD', 600) }), R, 'individuals');
    expect(notice?.dueAt).toBe('2026-04-17T03:59:59.999Z');
  });

  it('notifies the Attorney General for any resident, before the residents and so by the same 45th day at the latest', async () => {
    const ag = duty(await whatIf({ ...base, affected: people('US-MD', 1) }), R, 'regulator');
    expect(ag?.applies).toBe('yes');
    expect(ag?.dueAt).toBe('2026-04-17T03:59:59.999Z');
  });

  it('notifies the consumer reporting agencies at 1,000 individuals, not at 999 ("1,000 or more")', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-MD', 999) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-MD', 1000) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('counts email-account credentials alone and genetic information with a name, but not an SSN alone', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-MD', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'genetic'], affected: people('US-MD', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-MD', 5) }), R, 'individuals')).toBeUndefined();
  });

  it('gives a vendor 10 days to tell the owner', async () => {
    // 2 March + 10 days = 12 March 2026 (after the switch to EDT), ending 03:59:59.999Z on 13 March.
    const vendor = duty(await whatIf({ ...base, role: 'processor', affected: people('US-MD', 600) }), R, 'owner-notice');
    expect(vendor?.dueAt).toBe('2026-03-13T03:59:59.999Z');
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-MD', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-MD', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });
});

describe('Massachusetts (M.G.L. c. 93H ss. 1, 3, 3A, 4)', () => {
  const R = 'us-ma-93h';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice to residents as soon as practicable (an open limit)', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-MA', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('as_soon_as_practicable');
  });

  it('notifies the Attorney General and OCABR for a single resident', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-MA', 1) }), R, 'regulator')?.applies).toBe('yes');
  });

  it('covers paper records too', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-MA', 3) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('counts a card number without its code, but not an SSN without a name', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-MA', 3) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-MA', 3) }), R, 'individuals')).toBeUndefined();
  });

  it('forbids stating the nature of the breach or the number affected in the notice to residents', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-MA', 600) }), R, 'individuals');
    expect(notice?.prohibitedContents.map((p) => p.field)).toEqual(['natureOfBreach', 'numberOfResidentsAffected']);
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-MA', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-MA', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('a vendor owes its notice to the owner or licensor', async () => {
    const vendor = await whatIf({ ...base, role: 'processor', affected: people('US-MA', 600) });
    expect(duty(vendor, R, 'owner-notice')).toBeDefined();
    expect(duty(vendor, R, 'individuals')).toBeUndefined();
  });
});

describe('Michigan (MCL 445.72)', () => {
  const R = 'us-mi-mcl-445.72';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice without unreasonable delay (an open limit), and no Attorney General notice', async () => {
    const result = await whatIf({ ...base, affected: people('US-MI', 600) });
    expect(duty(result, R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
    expect(duty(result, R, 'regulator')).toBeUndefined();
  });

  it('notifies the consumer reporting agencies above 1,000 residents, not at 1,000 ("more than 1,000")', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-MI', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-MI', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('spares Gramm-Leach-Bliley institutions the consumer reporting agency notice', async () => {
    const bank = await whatIf({ ...base, organization: { bankingOrganization: true }, affected: people('US-MI', 5000) });
    expect(duty(bank, R, 'consumer-reporting-agencies')).toBeUndefined();
  });

  it('counts a card number only with its access code', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-MI', 5) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account_with_code'], affected: people('US-MI', 5) }), R, 'individuals')).toBeDefined();
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-MI', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-MI', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('offers the no-substantial-loss exemption once legal records that harm is unlikely', async () => {
    const found = duty(await whatIf({ ...base, affected: people('US-MI', 600), legalFindings: [{ jurisdiction: 'US-MI', harm: 'unlikely', rationale: 'laptop recovered, not accessed' }] }), R, 'individuals');
    expect(exemption(found, 'no-substantial-loss-or-identity-theft')).toBe(true);
  });
});

describe('Minnesota (Minn. Stat. 325E.61)', () => {
  const R = 'us-mn-stat-325e.61';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice in the most expedient time possible (an open limit)', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-MN', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
  });

  it('notifies the consumer reporting agencies above 500 persons, not at 500, within 48 hours', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-MN', 500) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    // 48 hours after 2 March 2026 15:00Z is 4 March 15:00Z; hours run by the clock, not by local days.
    const cra = duty(await whatIf({ ...base, affected: people('US-MN', 501) }), R, 'consumer-reporting-agencies');
    expect(cra?.dueAt).toBe('2026-03-04T15:00:00.000Z');
  });

  it('counts a name with a driver’s licence number, but not a name with an email address', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'drivers_license'], affected: people('US-MN', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-MN', 5) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-MN', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-MN', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('a vendor must tell the owner immediately', async () => {
    const vendor = duty(await whatIf({ ...base, role: 'processor', affected: people('US-MN', 600) }), R, 'owner-notice');
    expect(vendor?.deadline.unit).toBe('immediate');
  });
});

describe('Mississippi (Miss. Code 75-24-29)', () => {
  const R = 'us-ms-code-75-24-29';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice without unreasonable delay (an open limit), and no regulator or agency notice', async () => {
    const result = await whatIf({ ...base, affected: people('US-MS', 600) });
    expect(duty(result, R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
    expect(duty(result, R, 'regulator')).toBeUndefined();
    expect(duty(result, R, 'consumer-reporting-agencies')).toBeUndefined();
  });

  it('covers electronic data only, and needs a name with the element', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-MS', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-MS', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-MS', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-MS', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('offers the harm-not-likely exemption only once legal records that finding', async () => {
    const none = duty(await whatIf({ ...base, affected: people('US-MS', 600) }), R, 'individuals');
    expect(exemption(none, 'harm-not-likely')).toBe(false);
    const found = duty(await whatIf({ ...base, affected: people('US-MS', 600), legalFindings: [{ jurisdiction: 'US-MS', harm: 'unlikely', rationale: 'wrong recipient deleted the file' }] }), R, 'individuals');
    expect(exemption(found, 'harm-not-likely')).toBe(true);
  });
});

describe('Missouri (Mo. Rev. Stat. 407.1500)', () => {
  const R = 'us-mo-rsmo-407.1500';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice without unreasonable delay (an open limit)', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-MO', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
  });

  it('notifies the Attorney General and the consumer reporting agencies above 1,000 consumers, not at 1,000', async () => {
    const at1000 = await whatIf({ ...base, affected: people('US-MO', 1000) });
    expect(duty(at1000, R, 'regulator')).toBeUndefined();
    expect(duty(at1000, R, 'consumer-reporting-agencies')).toBeUndefined();
    const at1001 = await whatIf({ ...base, affected: people('US-MO', 1001) });
    expect(duty(at1001, R, 'regulator')?.applies).toBe('yes');
    expect(duty(at1001, R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('counts medical and health insurance information with a name, but not a name with an email address', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('US-MO', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'health_insurance'], affected: people('US-MO', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-MO', 5) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-MO', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-MO', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });
});

describe('Montana (Mont. Code Ann. 30-14-1704)', () => {
  const R = 'us-mt-mca-30-14-1704';
  const base = { awarenessAt: AWARE, dataCategories: nameAndSsn, media: electronic };

  it('600 residents with name and SSN: notice without unreasonable delay (an open limit)', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-MT', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
  });

  it('sends the Office of Consumer Protection a copy at the same time as the notice, for a single resident', async () => {
    const ocp = duty(await whatIf({ ...base, affected: people('US-MT', 1) }), R, 'regulator');
    expect(ocp?.applies).toBe('yes');
    expect(ocp?.deadline.from).toBe('individualsNotifiedAt');
  });

  it('counts a taxpayer identification number with a name, but not credentials alone', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'tax_id'], affected: people('US-MT', 5) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-MT', 5) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption safe harbour while the key is safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-MT', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-MT', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });
});
