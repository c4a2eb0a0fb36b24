import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC. Daylight saving time begins on 8 March 2026, so a
// day-counted limit ending in April or May ends at 23:59:59.999 local daylight time: EDT (UTC-4) in
// New York, CDT (UTC-5) in Chicago, MDT (UTC-6) in Denver, PDT (UTC-7) in Los Angeles. Without an
// organisation time zone, the state capital's zone counts.
const AWARE = '2026-03-02T15:00:00Z';

describe('Oklahoma (24 O.S. 161-166)', () => {
  const R = 'us-ok-os-24-161';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 residents with name and SSN: notice without unreasonable delay, an open unit', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-OK', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.dueAt).toBeNull();
  });

  it('the Attorney General is owed at 500 residents, not at 499 (fewer than 500 are exempt)', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-OK', 499) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-OK', 500) }), R, 'regulator')).toBeDefined();
  });

  it('the Attorney General notice is due 60 days after the notice to residents, Central time', async () => {
    // Residents notified 20 March; + 60 days = 19 May 2026, ending 23:59:59.999 CDT = 04:59:59.999Z on 20 May.
    const ag = duty(await whatIf({ ...base, affected: people('US-OK', 600), individualsNotifiedAt: '2026-03-20T15:00:00Z' }), R, 'regulator');
    expect(ag?.dueAt).toBe('2026-05-20T04:59:59.999Z');
  });

  it('flags the encryption safe harbour with the key safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-OK', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-OK', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('needs a name with the element: an SSN alone, or credentials alone, bring no notice', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-OK', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-OK', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('covers biometric data with a name since SB 626', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'biometric'], affected: people('US-OK', 5) }), R, 'individuals')).toBeDefined();
  });
});

describe('Oregon (ORS 646A.604)', () => {
  const R = 'us-or-ors-646a.604';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 consumers with name and SSN: notice no later than 45 days after discovery, Pacific time', async () => {
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 PDT = 06:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-OR', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-17T06:59:59.999Z');
  });

  it('the Attorney General is owed when more than 250 consumers are notified: 251, not 250', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-OR', 250) }), R, 'regulator')).toBeUndefined();
    const ag = duty(await whatIf({ ...base, affected: people('US-OR', 251) }), R, 'regulator');
    expect(ag?.dueAt).toBe('2026-04-17T06:59:59.999Z');
  });

  it('the consumer reporting agencies at 1,001 consumers, not at 1,000', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-OR', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-OR', 1001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('flags the encryption safe harbour with the key safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-OR', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-OR', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('credentials alone are personal information; a name with contact details is not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-OR', 3) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-OR', 3) }), R, 'individuals')).toBeUndefined();
  });

  it('a vendor tells the covered entity within 10 days', async () => {
    // 2 March + 10 days = 12 March 2026 (after the change to PDT), ending 06:59:59.999Z on 13 March.
    const owner = duty(await whatIf({ ...base, role: 'processor', affected: people('US-OR', 600) }), R, 'owner-notice');
    expect(owner?.dueAt).toBe('2026-03-13T06:59:59.999Z');
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-OR', 600) }), R, 'individuals')).toBeUndefined();
  });

  it("legal's finding that harm is unlikely makes the harm exemption available", async () => {
    const found = duty(
      await whatIf({ ...base, affected: people('US-OR', 600), legalFindings: [{ jurisdiction: 'US-OR', harm: 'unlikely', rationale: 'data recovered unopened' }] }),
      R,
      'individuals',
    );
    expect(exemption(found, 'harm-unlikely')).toBe(true);
  });
});

describe('Pennsylvania (73 P.S. 2301 et seq., as amended by Act 33 of 2024)', () => {
  const R = 'us-pa-ps-73-2301';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 residents with name and SSN: notice without unreasonable delay, with the credit monitoring offer', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-PA', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.requiredContents.map((c) => c.field)).toContain('creditMonitoringOffer');
  });

  it('the Attorney General is owed above 500 individuals: 501, not 500', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-PA', 500) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-PA', 501) }), R, 'regulator')).toBeDefined();
  });

  it('the Attorney General notice goes concurrently with the notice to individuals: no due time of its own', async () => {
    const ag = duty(await whatIf({ ...base, affected: people('US-PA', 501) }), R, 'regulator');
    expect(ag?.dueAt).toBeNull();
    expect(ag?.deadline.from).toBe('individualsNotifiedAt');
  });

  it('flags the encryption safe harbour with the key safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-PA', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-PA', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('credentials count only with a name', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-PA', 3) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-PA', 3) }), R, 'individuals')).toBeDefined();
  });

  it('medical information counts only for a State agency since Act 33', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('US-PA', 3) }), R, 'individuals')).toBeUndefined();
    const agency = duty(await whatIf({ ...base, dataCategories: ['name', 'health'], organization: { stateOrgan: true }, affected: people('US-PA', 3) }), R, 'individuals');
    expect(agency).toBeDefined();
  });

  it('covers computerized data only: a paper-only breach brings no notice', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-PA', 600) }), R, 'individuals')).toBeUndefined();
  });
});

describe('Rhode Island (R.I. Gen. Laws 11-49.3-4)', () => {
  const R = 'us-ri-gl-11-49.3';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 residents with name and SSN: notice no later than 45 calendar days, Eastern time', async () => {
    // 2 March + 45 calendar days = 16 April 2026, ending 23:59:59.999 EDT = 03:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-RI', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('calendar_days');
    expect(notice?.dueAt).toBe('2026-04-17T03:59:59.999Z');
  });

  it('the Attorney General and the credit reporting agencies above 500 residents: 501, not 500', async () => {
    const at500 = await whatIf({ ...base, affected: people('US-RI', 500) });
    expect(duty(at500, R, 'regulator')).toBeUndefined();
    expect(duty(at500, R, 'consumer-reporting-agencies')).toBeUndefined();
    const at501 = await whatIf({ ...base, affected: people('US-RI', 501) });
    expect(duty(at501, R, 'regulator')).toBeDefined();
    expect(duty(at501, R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('flags the encryption safe harbour with the key safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-RI', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-RI', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('covers paper records too ("hard copy, paper format")', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-RI', 3) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('needs the name: an SSN alone, or an email and password alone, bring no notice', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-RI', 3) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-RI', 3) }), R, 'individuals')).toBeUndefined();
  });
});

describe('South Carolina (S.C. Code 39-1-90)', () => {
  const R = 'us-sc-code-39-1-90';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 residents with name and SSN: notice in the most expedient time possible, an open unit', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-SC', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.dueAt).toBeNull();
  });

  it('the Department of Consumer Affairs and the agencies when more than 1,000 are notified: 1,001, not 1,000', async () => {
    const at1000 = await whatIf({ ...base, affected: people('US-SC', 1000) });
    expect(duty(at1000, R, 'regulator')).toBeUndefined();
    expect(duty(at1000, R, 'consumer-reporting-agencies')).toBeUndefined();
    const at1001 = await whatIf({ ...base, affected: people('US-SC', 1001) });
    expect(duty(at1001, R, 'regulator')?.contact?.email).toBe('scdca@scconsumer.gov');
    expect(duty(at1001, R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('flags the encryption safe harbour with the key safe, not once the key was exposed; redaction too', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-SC', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-or-redacted')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-SC', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-or-redacted')).toBe(false);
    const redacted = duty(await whatIf({ ...base, affected: people('US-SC', 600), redacted: true }), R, 'individuals');
    expect(exemption(redacted, 'encrypted-or-redacted')).toBe(true);
  });

  it('needs a name: an SSN alone brings no notice; a government-issued number with a name does', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-SC', 3) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'government_id'], affected: people('US-SC', 3) }), R, 'individuals')).toBeDefined();
  });

  it('a business holding the data for its owner tells the owner immediately', async () => {
    const owner = duty(await whatIf({ ...base, role: 'processor', affected: people('US-SC', 3) }), R, 'owner-notice');
    expect(owner?.deadline.unit).toBe('immediate');
  });
});

describe('South Dakota (SDCL 22-40-19 to 22-40-26)', () => {
  const R = 'us-sd-sdcl-22-40';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 residents with name and SSN: notice not later than 60 days, Central time', async () => {
    // 2 March + 60 days = 1 May 2026, ending 23:59:59.999 CDT = 04:59:59.999Z on 2 May.
    const notice = duty(await whatIf({ ...base, affected: people('US-SD', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-05-02T04:59:59.999Z');
    expect(notice?.substituteNotice?.citation).toBe('SDCL 22-40-22(3)');
  });

  it('the Attorney General when the breach exceeds 250 residents: 251, not 250', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-SD', 250) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-SD', 251) }), R, 'regulator')).toBeDefined();
  });

  it('the consumer reporting agencies whenever residents must be told, with no threshold', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-SD', 1) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('flags the encryption safe harbour with the key safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-SD', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-SD', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('credentials alone are protected information; an SSN alone is not personal information', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-SD', 3) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-SD', 3) }), R, 'individuals')).toBeUndefined();
  });

  it('relying on a no-harm determination brings the notice to the Attorney General', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-SD', 3) }), R, 'regulator-harm-determination')).toBeUndefined();
    const found = await whatIf({ ...base, affected: people('US-SD', 3), legalFindings: [{ jurisdiction: 'US-SD', harm: 'unlikely', rationale: 'laptop recovered, not opened' }] });
    expect(duty(found, R, 'regulator-harm-determination')).toBeDefined();
    expect(exemption(duty(found, R, 'individuals'), 'harm-unlikely')).toBe(true);
  });
});

describe('Tennessee (Tenn. Code 47-18-2107)', () => {
  const R = 'us-tn-tca-47-18-2107';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 residents with name and SSN: notice no later than 45 days, Central time', async () => {
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 CDT = 04:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-TN', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-17T04:59:59.999Z');
  });

  it('no Attorney General notice; the consumer reporting agencies above 1,000 persons: 1,001, not 1,000', async () => {
    const at1000 = await whatIf({ ...base, affected: people('US-TN', 1000) });
    expect(duty(at1000, R, 'regulator')).toBeUndefined();
    expect(duty(at1000, R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-TN', 1001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('flags the encryption safe harbour with the key safe, not once the key was exposed; redaction too', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-TN', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-TN', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-TN', 600), redacted: true }), R, 'individuals'), 'redacted-data')).toBe(true);
  });

  it('needs a name with one of the three elements: an SSN alone or a name with credentials bring no notice', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-TN', 3) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-TN', 3) }), R, 'individuals')).toBeUndefined();
  });
});

describe('Texas (Tex. Bus. & Com. Code 521.053)', () => {
  const R = 'us-tx-bcc-521.053';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 residents with name and SSN: notice not later than the 60th day, Central time', async () => {
    // 2 March + 60 days = 1 May 2026, ending 23:59:59.999 CDT = 04:59:59.999Z on 2 May.
    const notice = duty(await whatIf({ ...base, affected: people('US-TX', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-05-02T04:59:59.999Z');
  });

  it('the Attorney General at 250 residents, not 249, by the 30th day after the determination', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-TX', 249) }), R, 'regulator')).toBeUndefined();
    // 2 March + 30 days = 1 April 2026, ending 23:59:59.999 CDT = 04:59:59.999Z on 2 April.
    const ag = duty(await whatIf({ ...base, affected: people('US-TX', 250) }), R, 'regulator');
    expect(ag?.dueAt).toBe('2026-04-02T04:59:59.999Z');
    expect(ag?.contact?.url).toBe('https://www.texasattorneygeneral.gov/consumer-protection/data-breach-reporting');
  });

  it('the consumer reporting agencies above 10,000 persons, without unreasonable delay', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-TX', 10_000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    const cra = duty(await whatIf({ ...base, affected: people('US-TX', 10_001) }), R, 'consumer-reporting-agencies');
    expect(cra?.deadline.unit).toBe('without_undue_delay');
  });

  it('flags the encryption safe harbour with the key safe, not once the person accessing it has the key', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-TX', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-TX', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('health information identifying a person counts without a name; an SSN alone does not', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['health'], affected: people('US-TX', 3) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-TX', 3) }), R, 'individuals')).toBeUndefined();
  });

  it('a government-issued identification number with a name counts', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'government_id'], affected: people('US-TX', 3) }), R, 'individuals')).toBeDefined();
  });
});

describe('Utah (Utah Code 13-44-202)', () => {
  const R = 'us-ut-code-13-44';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'] as const, media: ['electronic'] as const };

  it('600 residents with name and SSN: notice in the most expedient time possible, an open unit', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-UT', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.dueAt).toBeNull();
    expect(notice?.timeZone).toBe('America/Denver');
  });

  it('the Attorney General and the Utah Cyber Center at 500 residents, not 499', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-UT', 499) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-UT', 500) }), R, 'regulator')).toBeDefined();
  });

  it('the consumer reporting agencies at 1,000 residents, not 999', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-UT', 999) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-UT', 1000) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('flags the encryption safe harbour with the key safe, not once the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-UT', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const taken = duty(await whatIf({ ...base, affected: people('US-UT', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(taken, 'encrypted-data')).toBe(false);
  });

  it('notice only if misuse is likely: a finding that it is not makes the exemption available', async () => {
    const found = duty(
      await whatIf({ ...base, affected: people('US-UT', 600), legalFindings: [{ jurisdiction: 'US-UT', harm: 'unlikely', rationale: 'investigation found no misuse' }] }),
      R,
      'individuals',
    );
    expect(exemption(found, 'misuse-unlikely')).toBe(true);
  });

  it('needs a name: an SSN alone, or health data with a name, bring no notice', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-UT', 3) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('US-UT', 3) }), R, 'individuals')).toBeUndefined();
  });
});
