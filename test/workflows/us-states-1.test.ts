import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC (09:00 CST, 08:00 MST, 06:00 AKST, 07:00 PST,
// 10:00 EST: the same calendar day everywhere here). Daylight saving time begins on Sunday 8 March
// 2026 in every zone used below except Phoenix, so a day-counted limit after that ends at local
// midnight in daylight time (for example 23:59:59.999 CDT, UTC-5, is 04:59:59.999Z the next day).
const AWARE = '2026-03-02T15:00:00Z';
const nameSsn = ['name', 'national_id'] as const;
const electronic = ['electronic'] as const;
const unlikely = (jurisdiction: string) => [{ jurisdiction, harm: 'unlikely', rationale: 'Data recovered unread.' }];

describe('Alabama (Ala. Code 8-38)', () => {
  const R = 'us-al-code-8-38';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('notifies individuals within 45 days of the determination (8-38-5(b))', async () => {
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 CDT in Montgomery = 04:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-AL', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-17T04:59:59.999Z');
  });

  it('notifies the Attorney General when more than 1,000 must be notified, not at 1,000 (8-38-6(a))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-AL', 1000) }), R, 'regulator')).toBeUndefined();
    const ag = duty(await whatIf({ ...base, affected: people('US-AL', 1001) }), R, 'regulator');
    expect(ag?.applies).toBe('yes');
    expect(ag?.dueAt).toBe('2026-04-17T04:59:59.999Z');
    expect(duty(await whatIf({ ...base, affected: people('US-AL', 1001) }), R, 'consumer-reporting-agencies')?.deadline.unit).toBe('without_undue_delay');
  });

  it('flags the encryption rule while the key is safe, not once it was breached with the data (8-38-2(6)b)', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-AL', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-AL', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('needs the name: an SSN or online credentials without it do not trigger (8-38-2(6)a)', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-AL', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-AL', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-AL', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('covers data in electronic form only (8-38-2(1))', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-AL', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('on a finding that substantial harm is not likely, the exemption is available and the determination must be kept (8-38-5)', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-AL', 600) }), R, 'no-harm-documentation')).toBeUndefined();
    const found = await whatIf({ ...base, affected: people('US-AL', 600), legalFindings: unlikely('US-AL') });
    expect(exemption(duty(found, R, 'individuals'), 'no-substantial-harm')).toBe(true);
    expect(duty(found, R, 'no-harm-documentation')?.applies).toBe('yes');
  });

  it('a third-party agent notifies the covered entity within 10 days (8-38-8)', async () => {
    const agent = await whatIf({ ...base, role: 'processor', affected: people('US-AL', 600) });
    // 2 March + 10 days = 12 March 2026, ending 23:59:59.999 CDT.
    expect(duty(agent, R, 'owner-notice')?.dueAt).toBe('2026-03-13T04:59:59.999Z');
    expect(duty(agent, R, 'individuals')).toBeUndefined();
  });

  it('600 residents with name and SSN: the notice to individuals has a due time', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-AL', 600) }), R, 'individuals')?.dueAt).not.toBeNull();
  });
});

describe('Alaska (AS 45.48.010-45.48.090)', () => {
  const R = 'us-ak-as-45.48';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('600 residents with name and SSN: notice in the most expeditious time possible, no day count (45.48.010(b))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-AK', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.dueAt).toBeNull();
  });

  it('covers personal information in any form, paper included (45.48.010(a))', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-AK', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('needs the name with an element; online credentials are not personal information (45.48.090(7))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-AK', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-AK', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption rule while the key is safe, not once it was acquired (45.48.090(7))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-AK', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-AK', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('a no-harm determination brings the written notice to the Attorney General (45.48.010(c))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-AK', 600) }), R, 'attorney-general-no-harm')).toBeUndefined();
    const found = await whatIf({ ...base, affected: people('US-AK', 600), legalFindings: unlikely('US-AK') });
    expect(duty(found, R, 'attorney-general-no-harm')?.applies).toBe('yes');
    expect(exemption(duty(found, R, 'individuals'), 'no-reasonable-likelihood-of-harm')).toBe(true);
  });

  it('tells the consumer reporting agencies above 1,000 residents, not at 1,000 (45.48.040(a))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-AK', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-AK', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('an information recipient notifies the distributor immediately (45.48.070)', async () => {
    const recipient = await whatIf({ ...base, role: 'processor', affected: people('US-AK', 600) });
    expect(duty(recipient, R, 'owner-notice')?.deadline.unit).toBe('immediate');
    expect(duty(recipient, R, 'individuals')).toBeUndefined();
  });
});

describe('Arizona (Ariz. Rev. Stat. 18-552)', () => {
  const R = 'us-az-ars-18-552';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('notifies individuals within 45 days of the determination, in Phoenix time (no daylight saving) (18-552(B))', async () => {
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 MST (UTC-7 all year) = 06:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-AZ', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-17T06:59:59.999Z');
  });

  it('notifies the Attorney General and the consumer reporting agencies above 1,000, not at 1,000 (18-552(B)(2))', async () => {
    const at1000 = await whatIf({ ...base, affected: people('US-AZ', 1000) });
    expect(duty(at1000, R, 'regulator')).toBeUndefined();
    expect(duty(at1000, R, 'consumer-reporting-agencies')).toBeUndefined();
    const at1001 = await whatIf({ ...base, affected: people('US-AZ', 1001) });
    expect(duty(at1001, R, 'regulator')?.dueAt).toBe('2026-04-17T06:59:59.999Z');
    expect(duty(at1001, R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('flags the encryption rule while the key is safe, not once it was exposed (18-551)', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-AZ', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-AZ', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('needs a name with an SSN, but online credentials suffice alone (18-551)', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-AZ', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-AZ', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('covers computerized data only, and redacted data is flagged (18-551, 18-552(A))', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-AZ', 600) }), R, 'individuals')).toBeUndefined();
    expect(exemption(duty(await whatIf({ ...base, redacted: true, affected: people('US-AZ', 600) }), R, 'individuals'), 'redacted-data')).toBe(true);
  });

  it('a person maintaining the data for its owner notifies the owner as soon as practicable (18-552(C))', async () => {
    const vendor = await whatIf({ ...base, role: 'processor', affected: people('US-AZ', 600) });
    expect(duty(vendor, R, 'owner-notice')?.deadline.unit).toBe('as_soon_as_practicable');
    expect(duty(vendor, R, 'regulator')).toBeUndefined();
  });
});

describe('Arkansas (Ark. Code 4-110-105)', () => {
  const R = 'us-ar-code-4-110';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('600 residents with name and SSN: notice in the most expedient time, no day count (4-110-105(a)(2))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-AR', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
  });

  it('notifies the Attorney General above 1,000, within 45 days at the latest (4-110-105(b)(2))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-AR', 1000) }), R, 'regulator')).toBeUndefined();
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 CDT in Little Rock.
    expect(duty(await whatIf({ ...base, affected: people('US-AR', 1001) }), R, 'regulator')?.dueAt).toBe('2026-04-17T04:59:59.999Z');
  });

  it('flags the encryption rule while the key is safe, not once it was exposed (4-110-105(a)(1))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-AR', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-AR', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('needs the name: credentials are not personal information, biometric data with a name is (4-110-103(7))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-AR', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-AR', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'biometric'], affected: people('US-AR', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('a no-harm determination makes the exemption available and must be kept for the Attorney General (4-110-105(d), (g))', async () => {
    const found = await whatIf({ ...base, affected: people('US-AR', 600), legalFindings: unlikely('US-AR') });
    expect(exemption(duty(found, R, 'individuals'), 'no-reasonable-likelihood-of-harm')).toBe(true);
    expect(duty(found, R, 'no-harm-documentation')?.applies).toBe('yes');
  });

  it('a person maintaining data it does not own notifies the owner immediately (4-110-105(b)(1))', async () => {
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-AR', 600) }), R, 'owner-notice')?.deadline.unit).toBe('immediate');
  });
});

describe('California (Cal. Civ. Code 1798.82)', () => {
  const R = 'us-ca-1798.82';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('notifies individuals within 30 calendar days of discovery (1798.82(a)(2)(A))', async () => {
    // 2 March + 30 calendar days = 1 April 2026, ending 23:59:59.999 PDT (UTC-7) = 06:59:59.999Z on 2 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-CA', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-02T06:59:59.999Z');
  });

  it('sends the Attorney General a sample above 500 residents, within 15 calendar days of the notices (1798.82(f))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-CA', 500) }), R, 'regulator')).toBeUndefined();
    const ag = duty(await whatIf({ ...base, affected: people('US-CA', 501), individualsNotifiedAt: '2026-03-20T17:00:00Z' }), R, 'regulator');
    // 20 March + 15 = 4 April 2026, ending 23:59:59.999 PDT.
    expect(ag?.dueAt).toBe('2026-04-05T06:59:59.999Z');
  });

  it('flags the encryption rule while the key is safe, not once the key was acquired (1798.82(a)(1))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-CA', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-CA', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('needs a name with an SSN, but online credentials suffice alone (1798.82(h))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-CA', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-CA', 600) }), R, 'individuals')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'genetic'], affected: people('US-CA', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('covers computerized data only (1798.82(a))', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-CA', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('a law enforcement delay moves the due time to the end of the delay (1798.82(c))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-CA', 600), lawEnforcementDelayUntil: '2026-05-15' }), R, 'individuals');
    // The delay's last day, 15 May 2026, ends 23:59:59.999 PDT.
    expect(notice?.dueAt).toBe('2026-05-16T06:59:59.999Z');
  });

  it('a business maintaining the data for its owner notifies the owner immediately (1798.82(b))', async () => {
    const vendor = await whatIf({ ...base, role: 'processor', affected: people('US-CA', 600) });
    expect(duty(vendor, R, 'owner-notice')?.deadline.unit).toBe('immediate');
    expect(duty(vendor, R, 'individuals')).toBeUndefined();
  });
});

describe('Colorado (C.R.S. 6-1-716)', () => {
  const R = 'us-co-crs-6-1-716';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('notifies individuals not later than 30 days after the determination (6-1-716(2))', async () => {
    // 2 March + 30 days = 1 April 2026, ending 23:59:59.999 MDT (UTC-6) in Denver = 05:59:59.999Z on 2 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-CO', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-04-02T05:59:59.999Z');
  });

  it('notifies the Attorney General at 500 residents or more, not at 499 (6-1-716(2)(f))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-CO', 499) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-CO', 500) }), R, 'regulator')?.dueAt).toBe('2026-04-02T05:59:59.999Z');
  });

  it('tells the consumer reporting agencies above 1,000 residents, not at 1,000 (6-1-716(2)(d))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-CO', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-CO', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('flags the encryption rule while the key is safe, not once it was acquired (6-1-716(1))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-CO', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-CO', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('an SSN needs the name; an account number with its code does not (6-1-716(1)(g))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-CO', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['financial_account_with_code'], affected: people('US-CO', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('a finding that misuse is not likely makes the exemption available (6-1-716(2)(a))', async () => {
    const found = duty(await whatIf({ ...base, affected: people('US-CO', 600), legalFindings: unlikely('US-CO') }), R, 'individuals');
    expect(exemption(found, 'misuse-not-likely')).toBe(true);
  });
});

describe('Connecticut (Conn. Gen. Stat. 36a-701b)', () => {
  const R = 'us-ct-cgs-36a-701b';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('notifies individuals not later than 60 days after discovery (36a-701b(b)(1))', async () => {
    // 2 March + 60 days = 1 May 2026, ending 23:59:59.999 EDT in Hartford = 03:59:59.999Z on 2 May.
    const notice = duty(await whatIf({ ...base, affected: people('US-CT', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-05-02T03:59:59.999Z');
  });

  it('notifies the Attorney General for a single resident, no later than the residents (36a-701b(b)(1))', async () => {
    const ag = duty(await whatIf({ ...base, affected: people('US-CT', 1) }), R, 'regulator');
    expect(ag?.applies).toBe('yes');
    expect(ag?.dueAt).toBe('2026-05-02T03:59:59.999Z');
  });

  it('flags the encryption rule while the key is safe, not once it was exposed (36a-701b(a)(1))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-CT', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-CT', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('an SSN needs the name; credentials alone, and a card number or geolocation with a name, trigger (36a-701b(a)(2))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-CT', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-CT', 600) }), R, 'individuals')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-CT', 600) }), R, 'individuals')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'precise_location'], affected: people('US-CT', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('a person maintaining data it does not own notifies the owner immediately (36a-701b(c))', async () => {
    const vendor = await whatIf({ ...base, role: 'processor', affected: people('US-CT', 600) });
    expect(duty(vendor, R, 'owner-notice')?.deadline.unit).toBe('immediate');
    expect(duty(vendor, R, 'regulator')).toBeUndefined();
  });
});

describe('Delaware (6 Del. C. 12B-102)', () => {
  const R = 'us-de-code-6-12b';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('notifies individuals not later than 60 days after the determination (12B-102(c))', async () => {
    // 2 March + 60 days = 1 May 2026, ending 23:59:59.999 EDT in Dover = 03:59:59.999Z on 2 May.
    const notice = duty(await whatIf({ ...base, affected: people('US-DE', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBe('2026-05-02T03:59:59.999Z');
  });

  it('notifies the Attorney General when more than 500 residents are notified, not at 500 (12B-102(d))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-DE', 500) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-DE', 501) }), R, 'regulator')?.applies).toBe('yes');
  });

  it('flags the encryption rule while the key is safe, not once it was acquired (12B-101(1)b)', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-DE', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-DE', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('needs the name, for credentials too (12B-101(7))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-DE', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-DE', 600) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-DE', 600) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('a finding that harm is unlikely makes the exemption available (12B-102(a))', async () => {
    const found = duty(await whatIf({ ...base, affected: people('US-DE', 600), legalFindings: unlikely('US-DE') }), R, 'individuals');
    expect(exemption(found, 'harm-unlikely')).toBe(true);
  });
});

describe('District of Columbia (D.C. Code 28-3852)', () => {
  const R = 'us-dc-code-28-3851';
  const base = { awarenessAt: AWARE, dataCategories: nameSsn, media: electronic };

  it('600 residents with name and SSN: notice in the most expedient time possible, no day count (28-3852(a))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-DC', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
  });

  it('notifies the Attorney General at 50 residents or more, not at 49 (28-3852(b-1))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-DC', 49) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-DC', 50) }), R, 'regulator')?.applies).toBe('yes');
  });

  it('tells the consumer reporting agencies above 1,000, not at 1,000 (28-3852(c))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-DC', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-DC', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('flags the secured-data rule while the key is safe, not once it was exposed (28-3851(1))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-DC', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'secured-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-DC', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'secured-data')).toBe(false);
  });

  it('an address or telephone number stands in for the name; an SSN alone is for legal to judge (28-3851(3))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['contact', 'national_id'], affected: people('US-DC', 600) }), R, 'individuals')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-DC', 600) }), R, 'individuals')?.applies).toBe('yes');
    const alone = duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-DC', 600) }), R, 'individuals');
    expect(alone?.reason).toContain('legal to judge');
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-DC', 600) }), R, 'individuals')).toBeUndefined();
  });

  it('covers electronic data only (28-3851(1))', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-DC', 600) }), R, 'individuals')).toBeUndefined();
  });
});
