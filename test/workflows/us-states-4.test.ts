import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC: 10:00 EST in New York, 09:00 CST in Lincoln and
// Bismarck, 08:00 MST in Santa Fe, 07:00 PST in Carson City. Daylight saving time begins on
// 8 March 2026, so a day-counted limit ending in April ends at local midnight on daylight time.
const AWARE = '2026-03-02T15:00:00Z';
const NAME_SSN = ['name', 'national_id'] as const;
const electronic = ['electronic'] as const;
const unlikely = (jurisdiction: string) => [{ jurisdiction, harm: 'unlikely' as const, rationale: 'investigation found no misuse' }];

describe('Nebraska (Neb. Rev. Stat. 87-803)', () => {
  const R = 'us-ne-rev-stat-87-803';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('notifies the Attorney General whenever residents are notified, even one, no later than the residents', async () => {
    const ag = duty(await whatIf({ ...base, affected: people('US-NE', 1) }), R, 'regulator');
    expect(ag?.applies).toBe('yes');
    expect(ag?.deadline.from).toBe('individualsNotifiedAt');
  });

  it('gives residents notice as soon as possible and without unreasonable delay: an open unit, no fixed day', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NE', 600) }), R, 'individuals');
    expect(notice?.deadline.unit).toBe('as_soon_as_practicable');
    expect(notice?.dueAt).toBeNull();
  });

  it('flags the encryption safe harbour while the key is safe, not when the key was acquired (87-802(3))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-NE', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-NE', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('counts online credentials without a name (87-802(5)(b)), but not an SSN without a name', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-NE', 10) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-NE', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('covers computerized data only', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-NE', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('lets notice go once the investigation finds misuse not reasonably likely (87-803(1))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NE', 10), legalFindings: unlikely('US-NE') }), R, 'individuals');
    expect(exemption(notice, 'no-likely-misuse')).toBe(true);
  });

  it('has a vendor tell the owner immediately, and has no consumer reporting agency notice', async () => {
    const vendor = await whatIf({ ...base, role: 'processor', affected: people('US-NE', 5000) });
    expect(duty(vendor, R, 'owner-notice')?.deadline.unit).toBe('immediate');
    expect(duty(vendor, R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-NE', 5000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
  });

  it('600 residents with name and SSN: the individuals duty has an open unit', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NE', 600) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('as_soon_as_practicable');
  });
});

describe('Nevada (Nev. Rev. Stat. 603A.220)', () => {
  const R = 'us-nv-nrs-603a.220';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('notifies the consumer reporting agencies above 1,000 persons at one time, not at 1,000 (603A.220(6))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-NV', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-NV', 1001) }), R, 'consumer-reporting-agencies')?.applies).toBe('yes');
  });

  it('has no Attorney General notice', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-NV', 5000) }), R, 'regulator')).toBeUndefined();
  });

  it('counts online credentials only with a name: they are an element listed after the name (603A.040(1)(e))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-NV', 10) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-NV', 10) }), R, 'individuals')).toBeDefined();
  });

  it('flags the encryption safe harbour while the key is safe, not when the key went with the data', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-NV', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-NV', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('leaves out numbers truncated to their last four digits (603A.040(2))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NV', 10), redacted: true }), R, 'individuals');
    expect(exemption(notice, 'truncated-numbers')).toBe(true);
  });

  it('600 residents with name and SSN: notice without unreasonable delay, an open unit', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NV', 600) }), R, 'individuals');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.dueAt).toBeNull();
  });
});

describe('New Hampshire (N.H. Rev. Stat. 359-C:20)', () => {
  const R = 'us-nh-rsa-359-c-20';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('notifies the Attorney General (or primary regulator) for any number of residents, with the anticipated notice date', async () => {
    const ag = duty(await whatIf({ ...base, affected: people('US-NH', 1) }), R, 'regulator');
    expect(ag?.applies).toBe('yes');
    expect(ag?.requiredContents.map((c) => c.field)).toContain('anticipatedNoticeDate');
  });

  it('notifies the consumer reporting agencies above 1,000 consumers, not at 1,000 (359-C:20, VI)', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-NH', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-NH', 1001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('counts a passport or other government ID number with a name, but not a card number without its code', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'government_id'], affected: people('US-NH', 10) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-NH', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('loses the encryption harbour when the key was acquired with the data (359-C:19, II)', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-NH', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-NH', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('lets notice go only on a finding that misuse is not reasonably likely', async () => {
    const open = duty(await whatIf({ ...base, affected: people('US-NH', 10) }), R, 'individuals');
    expect(exemption(open, 'no-likely-misuse')).toBe(false);
    const found = duty(await whatIf({ ...base, affected: people('US-NH', 10), legalFindings: unlikely('US-NH') }), R, 'individuals');
    expect(exemption(found, 'no-likely-misuse')).toBe(true);
  });

  it('600 residents with name and SSN: notice as soon as possible, with its four content items', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NH', 600) }), R, 'individuals');
    expect(notice?.deadline.unit).toBe('as_soon_as_practicable');
    expect(notice?.requiredContents).toHaveLength(4);
  });
});

describe('New Jersey (N.J. Stat. 56:8-163)', () => {
  const R = 'us-nj-stat-56-8-163';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('reports to the Division of State Police before any customer is told, whatever the number', async () => {
    const police = duty(await whatIf({ ...base, affected: people('US-NJ', 1) }), R, 'regulator');
    expect(police?.applies).toBe('yes');
    expect(police?.deadline.unit).toBe('without_undue_delay');
    expect(police?.contact?.email).toBe('databreach@cyber.nj.gov');
  });

  it('notifies the consumer reporting agencies above 1,000 persons, not at 1,000 (56:8-163(f))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-NJ', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-NJ', 1001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('counts online credentials linked with a name, not an SSN without a name', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'credentials'], affected: people('US-NJ', 10) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['national_id'], affected: people('US-NJ', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption safe harbour while the key is safe, not when the key was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-NJ', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-NJ', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('lets notice go where misuse is not reasonably possible, recorded by legal', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NJ', 10), legalFindings: unlikely('US-NJ') }), R, 'individuals');
    expect(exemption(notice, 'misuse-not-reasonably-possible')).toBe(true);
  });

  it('600 residents with name and SSN: notice without unreasonable delay, an open unit', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NJ', 600) }), R, 'individuals');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('New Mexico (N.M. Stat. 57-12C-6, 57-12C-10)', () => {
  const R = 'us-nm-stat-57-12c';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('notifies the Attorney General above 1,000 residents, not at 1,000 (57-12C-10)', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-NM', 1000) }), R, 'regulator')).toBeUndefined();
    const ag = duty(await whatIf({ ...base, affected: people('US-NM', 1001) }), R, 'regulator');
    // 2 March + 45 calendar days = 16 April 2026, ending 23:59:59.999 MDT (UTC-6) = 05:59:59.999Z on 17 April.
    expect(ag?.dueAt).toBe('2026-04-17T05:59:59.999Z');
    expect(duty(await whatIf({ ...base, affected: people('US-NM', 1001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('gives residents 45 calendar days from discovery, counted from the local date in Santa Fe', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NM', 600) }), R, 'individuals');
    expect(notice?.dueAt).toBe('2026-04-17T05:59:59.999Z');
    expect(notice?.deadline.unit).toBe('calendar_days');
    // 05:00Z on 2 March is still 1 March (22:00 MST): 1 March + 45 days = 15 April, ending 05:59:59.999Z on 16 April.
    const late = duty(await whatIf({ ...base, awarenessAt: '2026-03-02T05:00:00Z', affected: people('US-NM', 600) }), R, 'individuals');
    expect(late?.dueAt).toBe('2026-04-16T05:59:59.999Z');
  });

  it("counts in the organisation's own time zone when one is configured", async () => {
    // In New York 2 March + 45 days = 16 April, ending 23:59:59.999 EDT = 03:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-NM', 600) }, { organizationTimeZone: 'America/New_York' }), R, 'individuals');
    expect(notice?.dueAt).toBe('2026-04-17T03:59:59.999Z');
  });

  it('counts biometric data with a name, but not a name with a date of birth', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'biometric'], affected: people('US-NM', 10) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'date_of_birth'], affected: people('US-NM', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('treats encrypted data as breached only with its key (57-12C-2(D))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-NM', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-NM', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('asks the notice for the items of 57-12C-7, including the Fair Credit Reporting Act rights', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NM', 600) }), R, 'individuals');
    expect(notice?.requiredContents.map((c) => c.field)).toContain('fcraRights');
    expect(notice?.requiredContents).toHaveLength(7);
  });
});

describe('New York (N.Y. Gen. Bus. Law 899-aa)', () => {
  const R = 'us-ny-gbl-899-aa';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('gives residents 30 days from discovery, ending at midnight in New York', async () => {
    // 2 March + 30 days = 1 April 2026, ending 23:59:59.999 EDT = 03:59:59.999Z on 2 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-NY', 600) }), R, 'individuals');
    expect(notice?.dueAt).toBe('2026-04-02T03:59:59.999Z');
    // 03:00Z on 2 March is 22:00 EST on 1 March: 1 March + 30 days = 31 March, ending 03:59:59.999Z on 1 April.
    const evening = duty(await whatIf({ ...base, awarenessAt: '2026-03-02T03:00:00Z', affected: people('US-NY', 600) }), R, 'individuals');
    expect(evening?.dueAt).toBe('2026-04-01T03:59:59.999Z');
  });

  it('notifies the state agencies for any resident, and the consumer reporting agencies above 5,000 (899-aa(8))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-NY', 1) }), R, 'regulator')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...base, affected: people('US-NY', 5000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-NY', 5001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('counts online credentials, and a card number usable without a code, without any name (899-aa(1)(b))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['credentials'], affected: people('US-NY', 10) }), R, 'individuals')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...base, dataCategories: ['financial_account'], affected: people('US-NY', 10) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'date_of_birth'], affected: people('US-NY', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('loses the encryption harbour when the key was also accessed or acquired', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-NY', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-NY', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('sends the written harm determination to the Attorney General above 500 residents, within 10 days', async () => {
    const at500 = await whatIf({ ...base, affected: people('US-NY', 500), legalFindings: unlikely('US-NY') });
    expect(duty(at500, R, 'harm-determination')).toBeUndefined();
    expect(exemption(duty(at500, R, 'individuals'), 'inadvertent-disclosure')).toBe(true);
    // Determination on 3 March 2026 at 14:00 UTC (09:00 EST): 3 March + 10 days = 13 March, ending 03:59:59.999Z on 14 March (EDT).
    const at501 = await whatIf({ ...base, assessedNotifiableAt: '2026-03-03T14:00:00Z', affected: people('US-NY', 501), legalFindings: unlikely('US-NY') });
    expect(duty(at501, R, 'harm-determination')?.dueAt).toBe('2026-03-14T03:59:59.999Z');
  });

  it('covers computerized data only, and no longer lists the NYDFS 72-hour notice here', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-NY', 10) }), R, 'individuals')).toBeUndefined();
    const dfs = await whatIf({ ...base, organization: { dfsRegulated: true }, affected: people('US-NY', 10) });
    expect(duty(dfs, R, 'regulator-dfs')).toBeUndefined();
    expect(duty(dfs, R, 'regulator')?.authority).toContain('Department of Financial Services');
  });

  it('has a vendor tell the owner within 30 days, and a HIPAA covered entity tell the Attorney General too', async () => {
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-NY', 10) }), R, 'owner-notice')?.dueAt).toBe('2026-04-02T03:59:59.999Z');
    const hospital = await whatIf({ ...base, organization: { hipaaCoveredEntity: true }, affected: people('US-NY', 10) });
    expect(duty(hospital, R, 'regulator-hipaa')).toBeDefined();
  });

  it('600 residents with name and SSN: the individuals duty has a due time', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-NY', 600) }), R, 'individuals')?.dueAt).not.toBeNull();
  });
});

describe('North Carolina (N.C. Gen. Stat. 75-61, 75-65)', () => {
  const R = 'us-nc-gs-75-65';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('notifies the Consumer Protection Division whenever a person is notified, after that notice', async () => {
    const ag = duty(await whatIf({ ...base, affected: people('US-NC', 1) }), R, 'regulator');
    expect(ag?.applies).toBe('yes');
    expect(ag?.deadline.from).toBe('individualsNotifiedAt');
  });

  it('notifies the consumer reporting agencies above 1,000 persons, not at 1,000 (75-65(f))', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-NC', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-NC', 1001) }), R, 'consumer-reporting-agencies')).toBeDefined();
  });

  it('covers paper records as well as computerized ones (75-65(a))', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-NC', 10) }), R, 'individuals')?.applies).toBe('yes');
  });

  it('counts a card number with a name even without its code, but not without a name', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-NC', 10) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['financial_account'], affected: people('US-NC', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('treats encrypted records as breached only with the key (75-61(14))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-NC', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-NC', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('600 residents with name and SSN: notice without unreasonable delay, with the 75-65(d) contents', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-NC', 600) }), R, 'individuals');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.requiredContents.map((c) => c.field)).toContain('ftcAndAttorneyGeneral');
  });
});

describe('North Dakota (N.D. Cent. Code 51-30-02)', () => {
  const R = 'us-nd-cent-code-51-30';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('notifies the Attorney General above 250 individuals, not at 250', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-ND', 250) }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-ND', 251) }), R, 'regulator')?.applies).toBe('yes');
  });

  it('counts a name with a date of birth (51-30-01(4)(a)(5)), but not a date of birth alone', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'date_of_birth'], affected: people('US-ND', 10) }), R, 'individuals')).toBeDefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['date_of_birth'], affected: people('US-ND', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption safe harbour while the key is safe, not when it was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-ND', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-ND', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('has no consumer reporting agency notice, and a vendor tells the owner immediately', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-ND', 5000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, role: 'processor', affected: people('US-ND', 10) }), R, 'owner-notice')?.deadline.unit).toBe('immediate');
  });

  it('600 residents with name and SSN: notice without unreasonable delay, an open unit', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-ND', 600) }), R, 'individuals');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('Ohio (Ohio Rev. Code 1349.19)', () => {
  const R = 'us-oh-rc-1349.19';
  const base = { awarenessAt: AWARE, dataCategories: [...NAME_SSN], media: [...electronic] };

  it('gives residents 45 days from discovery, ending at midnight in Columbus', async () => {
    // 2 March + 45 days = 16 April 2026, ending 23:59:59.999 EDT = 03:59:59.999Z on 17 April.
    const notice = duty(await whatIf({ ...base, affected: people('US-OH', 600) }), R, 'individuals');
    expect(notice?.dueAt).toBe('2026-04-17T03:59:59.999Z');
  });

  it('notifies the consumer reporting agencies above 1,000 residents, not at 1,000 (1349.19(G)); no agency notice', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-OH', 1000) }), R, 'consumer-reporting-agencies')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-OH', 1001) }), R, 'consumer-reporting-agencies')).toBeDefined();
    expect(duty(await whatIf({ ...base, affected: people('US-OH', 5000) }), R, 'regulator')).toBeUndefined();
  });

  it('covers computerized data only, and not a card number without its code', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'], affected: people('US-OH', 10) }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'financial_account'], affected: people('US-OH', 10) }), R, 'individuals')).toBeUndefined();
  });

  it('flags the encryption safe harbour while the key is safe, not when it was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('US-OH', 600), encrypted: true, keyExposed: false }), R, 'individuals');
    expect(exemption(safe, 'encrypted-data')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('US-OH', 600), encrypted: true, keyExposed: true }), R, 'individuals');
    expect(exemption(keyTaken, 'encrypted-data')).toBe(false);
  });

  it('lets notice go when there is no material risk of identity theft or fraud, recorded by legal', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('US-OH', 10), legalFindings: unlikely('US-OH') }), R, 'individuals');
    expect(exemption(notice, 'no-material-risk')).toBe(true);
  });

  it('600 residents with name and SSN: the individuals duty has a due time', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-OH', 600) }), R, 'individuals')?.dueAt).not.toBeNull();
  });
});
