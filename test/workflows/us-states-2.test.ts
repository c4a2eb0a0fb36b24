import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC. Daylight saving time begins on Sunday 8 March
// 2026 in the US zones used here (not in Honolulu), so a day-counted limit ending after that ends at
// local midnight in daylight time: 23:59:59.999 EDT is 03:59:59.999Z the next day.
const AWARE = '2026-03-02T15:00:00Z';
const nameSsn = ['name', 'national_id'] as const;
const electronic = ['electronic'] as const;

describe('Florida (Fla. Stat. 501.171)', () => {
  const R = 'us-fl-501.171';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('notifies the Department of Legal Affairs at 500 individuals, not at 499 ("500 or more", (3)(a))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-FL', 499) }), R, 'regulator')).toBeUndefined();
    const at500 = duty(await whatIf({ ...base, affected: people('US-FL', 500) }), R, 'regulator');
    expect(at500?.applies).toBe('yes');
    // 30 days after 2 March is 1 April 2026, ending 23:59:59.999 EDT in Tallahassee.
    expect(at500?.dueAt).toBe('2026-04-02T03:59:59.999Z');
  });

  it('notifies individuals no later than 30 days after the determination of the breach ((4)(a))', async () => {
    // 2 March + 30 days = 1 April 2026, ending 23:59:59.999 EDT = 03:59:59.999Z on 2 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-FL', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-02T03:59:59.999Z');
  });

  it('counts the 30 days in the organisation\u2019s own time zone when it has one', async () => {
    // The same day ends at 23:59:59.999 PDT (UTC-7) for a business in Los Angeles.
    const notice = duty(await whatIf({ ...base, affected: people('US-FL', 600) }, { organizationTimeZone: 'America/Los_Angeles' }), R, 'individuals');
    expect(notice?.dueAt).toBe('2026-04-02T06:59:59.999Z');
  });

  it('flags the encryption rule while the key is safe, not once the key was exposed ((1)(g)2.)', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-FL', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-FL', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('needs a name with an SSN, but online credentials suffice alone ((1)(g)1.a., b.)', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-FL', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-FL', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('covers data in electronic form only ((1)(a))', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-FL', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('on a written no-harm determination: the exemption is available and the determination goes to the Department in 30 days ((4)(c))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-FL', 600) }), R, 'no-harm-determination')).toBeUndefined();
    const found = await whatIf({ ...base, affected: people('US-FL', 600), legalFindings: [{ jurisdiction: 'US-FL', harm: 'unlikely', rationale: 'Data recovered unread.' }] });
    expect(exemption(duty(found, R, 'individuals'), 'no-likelihood-of-harm')).toBe(true);
    expect(duty(found, R, 'no-harm-determination')?.dueAt).toBe('2026-04-02T03:59:59.999Z');
  });

  it('tells the consumer reporting agencies above 1,000 individuals at a single time ((5))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-FL', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-FL', 1001) }), R, 'consumer-reporting-agencies')?.deadline.unit).toBe('without_undue_delay');
  });

  it('a third-party agent notifies the covered entity within 10 days, and owes no notice to individuals ((6)(a))', async () => {
    const agent = await whatIf({ ...base, role: 'processor', affected: people('US-FL', 600) });
    // 2 March + 10 days = 12 March 2026, ending 23:59:59.999 EDT.
    expect(duty(agent, R, 'owner-notice')?.dueAt).toBe('2026-03-13T03:59:59.999Z');
    expect(duty(agent, R, 'individuals')).toBeUndefined();
  });

  it('600 residents with name and SSN: the notice to individuals has a due time', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-FL', 600) }), R, 'individuals')?.dueAt).not.toBeNull();
  });
});

describe('Georgia (O.C.G.A. 10-1-912)', () => {
  const R = 'us-ga-ocga-10-1-912';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('tells the consumer reporting agencies above 10,000 residents at one time, not at 10,000 ((d))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-GA', 10000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-GA', 10001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('has no fixed period for residents, and leaves legal to judge whether the organisation is an information broker or agency', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-GA', 600) }), R, 'individuals');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.dueAt).toBeNull();
    expect(notice?.reason).toContain('information broker');
  });

  it('needs no name where the elements alone would allow identity theft, as a judgement for legal', async () => {
    const alone = duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-GA', 600) }), R, 'individuals');
    expect(alone?.reason).toContain('identity theft');
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-GA', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption rule while the key is safe, not once the key was exposed, and flags redaction', async () => {
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-GA', 600), encrypted: true, keyExposed: false }), R, 'individuals'), 'encrypted-data')).toBe(true);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-GA', 600), encrypted: true, keyExposed: true }), R, 'individuals'), 'encrypted-data')).toBe(false);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-GA', 600), redacted: true }), R, 'individuals'), 'redacted-data')).toBe(true);
  });

  it('a vendor notifies the broker or agency within 24 hours of discovery ((b))', async () => {
    const vendor = duty(await whatIf({ ...base, role: 'processor', affected: people('US-GA', 600) }), R, 'owner-notice');
    expect(vendor?.dueAt).toBe('2026-03-03T15:00:00.000Z');
  });

  it('600 residents with name and SSN: the notice to residents is listed with an open unit', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-GA', 600) }), R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('Hawaii (Haw. Rev. Stat. 487N-2)', () => {
  const R = 'us-hi-hrs-487n';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn };

  it('notifies the Office of Consumer Protection above 1,000 persons at one time, not at 1,000 ((f))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-HI', 1000) }), R, 'regulator')).toBeUndefined();
    const above = await whatIf({ ...base, affected: people('US-HI', 1001) });
    expect(duty(above, R, 'regulator')?.deadline.unit).toBe('without_undue_delay');
    expect(duty(above, R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('covers records in any form, paper included (487N-1 "records")', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-HI', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('flags the encryption rule while the key is safe, not once the key was acquired too (487N-1)', async () => {
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-HI', 600), encrypted: true, keyExposed: false }), R, 'individuals'), 'encrypted-data')).toBe(true);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-HI', 600), encrypted: true, keyExposed: true }), R, 'individuals'), 'encrypted-data')).toBe(false);
  });

  it('needs a name: an SSN alone is not personal information (487N-1)', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-HI', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('offers the risk-of-harm exemption once legal finds harm unlikely', async () => {
    const found = await whatIf({ ...base, affected: people('US-HI', 600), legalFindings: [{ jurisdiction: 'US-HI', harm: 'unlikely', rationale: 'No illegal use likely.' }] });
    expect(exemption(duty(found, R, 'individuals'), 'no-risk-of-harm')).toBe(true);
  });

  it('a business holding data for another notifies the owner immediately ((b))', async () => {
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-HI', 600) }), R, 'owner-notice')?.deadline.unit).toBe('immediate');
  });

  it('600 residents with name and SSN: the notice is listed with an open unit', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-HI', 600) }), R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('Idaho (Idaho Code 28-51-105)', () => {
  const R = 'us-id-code-28-51-105';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('owes the Attorney General notice within 24 hours only for a public agency', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-ID', 600) }), R, 'regulator')).toBeUndefined();
    const agency = duty(await whatIf({ ...base, organization: { stateOrgan: true }, affected: people('US-ID', 600) }), R, 'regulator');
    expect(agency?.dueAt).toBe('2026-03-03T15:00:00.000Z');
  });

  it('covers computerized data only, and not online credentials (28-51-104)', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-ID', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-ID', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption rule while the key is safe, not once the key was exposed', async () => {
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-ID', 600), encrypted: true, keyExposed: false }), R, 'individuals'), 'encrypted-data')).toBe(true);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-ID', 600), encrypted: true, keyExposed: true }), R, 'individuals'), 'encrypted-data')).toBe(false);
  });

  it('owes no notice once the investigation finds misuse unlikely (28-51-105(1))', async () => {
    const found = await whatIf({ ...base, affected: people('US-ID', 600), legalFindings: [{ jurisdiction: 'US-ID', harm: 'unlikely', rationale: 'No misuse.' }] });
    expect(exemption(duty(found, R, 'individuals'), 'misuse-not-likely')).toBe(true);
  });

  it('a vendor notifies the owner immediately', async () => {
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-ID', 600) }), R, 'owner-notice')?.deadline.unit).toBe('immediate');
  });

  it('600 residents with name and SSN: the notice is listed with an open unit', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-ID', 600) }), R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('Illinois (815 ILCS 530/10)', () => {
  const R = 'us-il-815-ilcs-530';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('notifies the Attorney General above 500 residents from a single breach, not at 500 ((e)(1))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-IL', 500) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-IL', 501) }), R, 'regulator')?.deadline.unit).toBe('without_undue_delay');
  });

  it('forbids stating the number of Illinois residents affected in the notice ((a))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-IL', 600) }), R, 'individuals');
    expect(notice?.prohibitedContents.map((p) => p.field)).toContain('numberOfResidentsAffected');
  });

  it('flags the encryption rule while the keys are safe, not once they were acquired (530/5)', async () => {
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-IL', 600), encrypted: true, keyExposed: false }), R, 'individuals'), 'encrypted-data')).toBe(true);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-IL', 600), encrypted: true, keyExposed: true }), R, 'individuals'), 'encrypted-data')).toBe(false);
  });

  it('needs a name with an SSN, but credentials suffice alone and medical information counts with a name (530/5)', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-IL', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-IL', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('US-IL', 600) }), R, 'individuals')).toBeDefined();
  });

  it('a HIPAA covered entity also owes the Attorney General its HHS notice (530/50)', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-IL', 10) }), R, 'regulator-hipaa')).toBeUndefined();
    expect(duty(await whatIf({ ...base, organization: { hipaaCoveredEntity: true }, affected: people('US-IL', 10) }), R, 'regulator-hipaa')).toBeDefined();
  });

  it('a data collector holding data for another notifies the owner immediately ((b))', async () => {
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-IL', 600) }), R, 'owner-notice')?.deadline.unit).toBe('immediate');
  });

  it('600 residents with name and SSN: the notice is listed with an open unit', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-IL', 600) }), R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('Indiana (Ind. Code 24-4.9-3)', () => {
  const R = 'us-in-ic-24-4.9';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn };
  // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 EDT in Indianapolis = 03:59:59.999Z on 17 April.
  const DUE_45 = '2026-04-17T03:59:59.999Z';

  it('notifies residents and the Attorney General within 45 days of discovery, whatever the number (3-1(c), 3-3(a))', async () => {
    const one = await whatIf({ ...base, affected: people('US-IN', 1) });
    expect(duty(one, R, 'individuals')?.dueAt).toBe(DUE_45);
    expect(duty(one, R, 'regulator')?.dueAt).toBe(DUE_45);
  });

  it('tells the consumer reporting agencies above 1,000 consumers, not at 1,000 (3-1(b))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-IN', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-IN', 1001) }), R, 'consumer-reporting-agencies')?.dueAt).toBe(DUE_45);
  });

  it('counts a Social Security number alone, but not medical data with a name (2-10)', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-IN', 600) }), R, 'individuals')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('US-IN', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption rule while the key is safe, not once someone with the key acquired the data (3-1(a)(2))', async () => {
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-IN', 600), encrypted: true, keyExposed: false }), R, 'individuals'), 'encrypted-data')).toBe(true);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-IN', 600), encrypted: true, keyExposed: true }), R, 'individuals'), 'encrypted-data')).toBe(false);
  });

  it('moves the due time to the end of a law-enforcement delay (3-3(a)(3))', async () => {
    const held = duty(await whatIf({ ...base, affected: people('US-IN', 600), lawEnforcementDelayUntil: '2026-06-30' }), R, 'individuals');
    expect(held?.dueAt).toBe('2026-07-01T03:59:59.999Z');
  });

  it('a person maintaining the data notifies the data base owner within the same 45 days (3-2, 3-3(a))', async () => {
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-IN', 600) }), R, 'owner-notice')?.dueAt).toBe(DUE_45);
  });

  it('600 residents with name and SSN: the notice to residents has a due time', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-IN', 600) }), R, 'individuals')?.dueAt).not.toBeNull();
  });
});

describe('Iowa (Iowa Code 715C.2)', () => {
  const R = 'us-ia-code-715c';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn };

  it('notifies the Attorney General above 500 residents, not at 500 (715C.2(8))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-IA', 500) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-IA', 501) }), R, 'regulator')).toBeDefined();
  });

  it('waits for the notice to consumers before the five business days can run', async () => {
    const open = duty(await whatIf({ ...base, affected: people('US-IA', 501) }), R, 'regulator');
    expect(open?.dueAt).toBeNull();
    expect(open?.missingFacts).toContain('individualsNotifiedAt');
  });

  it('counts five business days after the consumer notice, skipping Iowa\u2019s legal holidays', async () => {
    // Consumers notified Friday 6 February 2026. Business days: Mon 9, Tue 10, Wed 11, (Thu 12 is
    // Lincoln's Birthday, Iowa Code 1C.1), Fri 13, (Mon 16 is Washington's Birthday), Tue 17.
    // 17 February ends at 23:59:59.999 CST (UTC-6) = 05:59:59.999Z on 18 February.
    const ag = duty(
      await whatIf({ ...base, awarenessAt: '2026-02-02T15:00:00Z', individualsNotifiedAt: '2026-02-06T15:00:00Z', affected: people('US-IA', 501) }),
      R,
      'regulator',
    );
    expect(ag?.dueAt).toBe('2026-02-18T05:59:59.999Z');
  });

  it('flags the encryption rule while the key is safe, not once the key was obtained too (715C.1)', async () => {
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-IA', 600), encrypted: true, keyExposed: false }), R, 'individuals'), 'encrypted-data')).toBe(true);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-IA', 600), encrypted: true, keyExposed: true }), R, 'individuals'), 'encrypted-data')).toBe(false);
  });

  it('needs a name with the SSN; biometric data counts with a name (715C.1)', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-IA', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'biometric'], affected: people('US-IA', 600) }), R, 'individuals')).toBeDefined();
  });

  it('on a no-harm determination: the exemption is available and the documentation duty is listed (715C.2(6))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-IA', 600) }), R, 'no-harm-documentation')).toBeUndefined();
    const found = await whatIf({ ...base, affected: people('US-IA', 600), legalFindings: [{ jurisdiction: 'US-IA', harm: 'unlikely', rationale: 'No financial harm likely.' }] });
    expect(exemption(duty(found, R, 'individuals'), 'no-reasonable-likelihood-of-financial-harm')).toBe(true);
    expect(duty(found, R, 'no-harm-documentation')).toBeDefined();
  });

  it('600 residents with name and SSN: the notice is listed with an open unit', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-IA', 600) }), R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('Kansas (K.S.A. 50-7a02)', () => {
  const R = 'us-ks-ksa-50-7a02';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('tells the consumer reporting agencies above 1,000 consumers at one time, not at 1,000, and no regulator ((f))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-KS', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    const above = await whatIf({ ...base, affected: people('US-KS', 1001) });
    expect(duty(above, R, 'consumer-reporting-agencies')).toBeDefined();
    expect(above.obligations.some((o) => o.regime === R && o.recipient === 'regulator')).toBe(false);
  });

  it('flags the encryption rule while the key is safe, not once the key was exposed', async () => {
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-KS', 600), encrypted: true, keyExposed: false }), R, 'individuals'), 'encrypted-data')).toBe(true);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-KS', 600), encrypted: true, keyExposed: true }), R, 'individuals'), 'encrypted-data')).toBe(false);
  });

  it('counts a financial account number with a name even without its code, but not an SSN alone (50-7a01)', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-KS', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-KS', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('owes no notice once the investigation finds misuse unlikely ((a))', async () => {
    const found = await whatIf({ ...base, affected: people('US-KS', 600), legalFindings: [{ jurisdiction: 'US-KS', harm: 'unlikely', rationale: 'No misuse.' }] });
    expect(exemption(duty(found, R, 'individuals'), 'misuse-not-likely')).toBe(true);
  });

  it('a vendor notifies the owner following discovery, with no period set ((b))', async () => {
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-KS', 600) }), R, 'owner-notice')?.deadline.unit).toBe('unspecified');
  });

  it('600 residents with name and SSN: the notice is listed with an open unit', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-KS', 600) }), R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('Kentucky (KRS 365.732)', () => {
  const R = 'us-ky-krs-365.732';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('tells the consumer reporting agencies above 1,000 persons at one time, not at 1,000 ((7))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-KY', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-KY', 1001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('flags the encryption rule while the key is safe, not once the key was exposed ((1)(a))', async () => {
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-KY', 600), encrypted: true, keyExposed: false }), R, 'individuals'), 'encrypted-data')).toBe(true);
    expect(exemption(duty(await whatIf({ ...base, affected: people('US-KY', 600), encrypted: true, keyExposed: true }), R, 'individuals'), 'encrypted-data')).toBe(false);
  });

  it('counts a driver\u2019s licence number with a name, not medical data ((1)(c))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'drivers_license'], affected: people('US-KY', 600) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('US-KY', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('offers the identity-theft-or-fraud exemption once legal finds harm unlikely ((1)(a))', async () => {
    const found = await whatIf({ ...base, affected: people('US-KY', 600), legalFindings: [{ jurisdiction: 'US-KY', harm: 'unlikely', rationale: 'No fraud likely.' }] });
    expect(exemption(duty(found, R, 'individuals'), 'no-identity-theft-or-fraud')).toBe(true);
  });

  it('a holder of another\u2019s data notifies the owner as soon as reasonably practicable ((3))', async () => {
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-KY', 600) }), R, 'owner-notice')?.deadline.unit).toBe('as_soon_as_practicable');
  });

  it('600 residents with name and SSN: the notice is listed with an open unit', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-KY', 600) }), R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
  });
});
