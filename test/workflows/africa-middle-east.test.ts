import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Awareness on Monday 2 March 2026 at 15:00 UTC: 18:00 in Nairobi (EAT, UTC+3), 16:00 in Lagos
// (WAT, UTC+1), 17:00 in Cairo (EET, UTC+2), 18:00 in Riyadh (UTC+3), 19:00 in Dubai (UTC+4) and
// 18:00 in Doha (UTC+3). None of these zones changes its clock in March 2026, and an hour count is
// an exact instant anyway: 72 hours run to Thursday 5 March 15:00 UTC wherever the regulator sits.
const AWARE = '2026-03-02T15:00:00Z';
const AWARE_PLUS_72H = '2026-03-05T15:00:00.000Z';
const harm = (jurisdiction: string, finding: 'likely' | 'unlikely') => [{ jurisdiction, harm: finding, rationale: 'Assessed by legal.' }];
const risk = (jurisdiction: string, finding: 'unlikely' | 'risk' | 'high') => [{ jurisdiction, risk: finding, rationale: 'Assessed by legal.' }];
const uncoveredIn = (result: Awaited<ReturnType<typeof whatIf>>, jurisdiction: string) => result.uncovered.filter((u) => u.jurisdiction === jurisdiction);

describe('Kenya (Data Protection Act 2019 s 43)', () => {
  const R = 'ke-dpa';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'], affected: people('KE', 200), nature: { confidentiality: true } };

  it('notifies the Data Commissioner within 72 hours of awareness where there is a real risk of harm (s 43(1)(a))', async () => {
    // 2 March 15:00 UTC (18:00 EAT) + 72 h = 5 March 15:00 UTC (18:00 EAT).
    const result = await whatIf({ ...base, legalFindings: harm('KE', 'likely') });
    const report = duty(result, R, 'regulator');
    expect(report?.applies).toBe('yes');
    expect(report?.dueAt).toBe(AWARE_PLUS_72H);
    expect(duty(result, R, 'individuals')?.deadline.unit).toBe('as_soon_as_practicable');
    expect(uncoveredIn(result, 'KE')).toEqual([]);
  });

  it('owes nothing to the Commissioner or the data subjects once legal finds no real risk of harm (s 43(1))', async () => {
    const result = await whatIf({ ...base, legalFindings: harm('KE', 'unlikely') });
    expect(duty(result, R, 'regulator')).toBeUndefined();
    expect(duty(result, R, 'individuals')).toBeUndefined();
  });

  it('covers access or acquisition by an unauthorised person, not a breach of availability alone (s 43(1))', async () => {
    const result = await whatIf({ ...base, nature: { confidentiality: false, availability: true }, legalFindings: harm('KE', 'likely') });
    expect(duty(result, R, 'regulator')).toBeUndefined();
  });

  it('a data processor notifies the data controller within 48 hours, whatever the risk (s 43(3))', async () => {
    // 2 March 15:00 UTC + 48 h = 4 March 15:00 UTC (18:00 EAT).
    const result = await whatIf({ ...base, role: 'processor' });
    expect(duty(result, R, 'controller-notice')?.dueAt).toBe('2026-03-04T15:00:00.000Z');
    expect(duty(result, R, 'regulator')).toBeUndefined();
  });

  it('flags the security-safeguards exception for encrypted data and honours a delay for an offence investigation (s 43(4), (6))', async () => {
    const encrypted = await whatIf({ ...base, legalFindings: harm('KE', 'likely'), encrypted: true, keyExposed: false });
    expect(exemption(duty(encrypted, R, 'individuals'), 'security-safeguards')).toBe(true);
    expect(exemption(duty(encrypted, R, 'regulator'), 'security-safeguards')).toBeUndefined();
    const plain = await whatIf({ ...base, legalFindings: harm('KE', 'likely'), encrypted: false });
    expect(exemption(duty(plain, R, 'individuals'), 'security-safeguards')).toBe(false);
  });

  it('applies from the Act\'s commencement on 25 November 2019, Nairobi time', async () => {
    // 25 November 2019 00:00 EAT = 24 November 2019 21:00 UTC.
    const before = await whatIf({ ...base, awarenessAt: '2019-11-24T20:59:59Z', legalFindings: harm('KE', 'likely') });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(uncoveredIn(before, 'KE')[0]?.reason).toBe('not_in_force');
    const onTheDay = await whatIf({ ...base, awarenessAt: '2019-11-24T21:00:00Z', legalFindings: harm('KE', 'likely') });
    // 24 November 2019 21:00 UTC + 72 h = 27 November 2019 21:00 UTC.
    expect(duty(onTheDay, R, 'regulator')?.dueAt).toBe('2019-11-27T21:00:00.000Z');
  });
});

describe('Nigeria (Nigeria Data Protection Act 2023 s 40)', () => {
  const R = 'ng-ndpa';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'financial_account'], affected: people('NG', 5000) };

  it('notifies the Commission within 72 hours where the breach is likely to result in a risk, and no one else on a plain risk (s 40(2)-(3))', async () => {
    // 2 March 15:00 UTC (16:00 WAT) + 72 h = 5 March 15:00 UTC.
    const result = await whatIf({ ...base, legalFindings: risk('NG', 'risk') });
    const report = duty(result, R, 'regulator');
    expect(report?.applies).toBe('yes');
    expect(report?.dueAt).toBe(AWARE_PLUS_72H);
    expect(duty(result, R, 'individuals')).toBeUndefined();
    expect(uncoveredIn(result, 'NG')).toEqual([]);
  });

  it('tells the data subjects immediately on a high risk, with public communication as the fallback (s 40(3))', async () => {
    const result = await whatIf({ ...base, legalFindings: risk('NG', 'high') });
    const notice = duty(result, R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('immediate');
    expect(notice?.urgent).toBe(true);
    expect(notice?.substituteNotice?.citation).toBe('NDPA s 40(3)');
    expect(duty(result, R, 'regulator')?.dueAt).toBe(AWARE_PLUS_72H);
  });

  it('keeps the Commission duty open until legal records a risk finding, and drops it on "unlikely" (s 40(2))', async () => {
    const open = duty(await whatIf(base), R, 'regulator');
    expect(open?.applies).toBe('undetermined');
    expect(open?.dueAt).toBe(AWARE_PLUS_72H);
    expect(duty(await whatIf({ ...base, legalFindings: risk('NG', 'unlikely') }), R, 'regulator')).toBeUndefined();
  });

  it('a data processor notifies the controller that engaged it on becoming aware (s 40(1))', async () => {
    const result = await whatIf({ ...base, role: 'processor', legalFindings: risk('NG', 'high') });
    expect(duty(result, R, 'controller-notice')?.deadline.unit).toBe('immediate');
    expect(duty(result, R, 'regulator')).toBeUndefined();
  });

  it('applies from the Act\'s signature on 12 June 2023, Lagos time', async () => {
    // 12 June 2023 00:00 WAT = 11 June 2023 23:00 UTC.
    const before = await whatIf({ ...base, awarenessAt: '2023-06-11T22:59:59Z', legalFindings: risk('NG', 'risk') });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(uncoveredIn(before, 'NG')[0]?.reason).toBe('not_in_force');
    const onTheDay = await whatIf({ ...base, awarenessAt: '2023-06-11T23:00:00Z', legalFindings: risk('NG', 'risk') });
    expect(duty(onTheDay, R, 'regulator')?.applies).toBe('yes');
  });
});

describe('Egypt (Personal Data Protection Law No. 151 of 2020 Art. 7)', () => {
  const R = 'eg-pdpl';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'contact'], affected: people('EG', 300) };

  it('reports every breach to the Center within 72 hours, whether the organisation is controller or processor (Art. 7)', async () => {
    // 2 March 15:00 UTC (17:00 EET) + 72 h = 5 March 15:00 UTC; Art. 7 has no harm threshold.
    const controller = await whatIf(base);
    expect(duty(controller, R, 'regulator')?.applies).toBe('yes');
    expect(duty(controller, R, 'regulator')?.dueAt).toBe(AWARE_PLUS_72H);
    expect(uncoveredIn(controller, 'EG')).toEqual([]);
    const processor = await whatIf({ ...base, role: 'processor' });
    expect(duty(processor, R, 'regulator')?.dueAt).toBe(AWARE_PLUS_72H);
  });

  it('tells the data subject in every case, as an urgent duty with no counted due time (Art. 7, three working days after the report)', async () => {
    const notice = duty(await whatIf(base), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.dueAt).toBeNull();
    expect(notice?.urgent).toBe(true);
  });

  it('applies from the Law\'s entry into force on 14 October 2020, Cairo time', async () => {
    // 14 October 2020 00:00 EET (UTC+2; Egypt kept no summer time in 2020) = 13 October 2020 22:00 UTC.
    const before = await whatIf({ ...base, awarenessAt: '2020-10-13T21:59:59Z' });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(uncoveredIn(before, 'EG')[0]?.reason).toBe('not_in_force');
    expect(duty(await whatIf({ ...base, awarenessAt: '2020-10-13T22:00:00Z' }), R, 'regulator')?.applies).toBe('yes');
  });
});

describe('Saudi Arabia (PDPL Art. 20, Implementing Regulation Art. 24)', () => {
  const R = 'sa-pdpl';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'health'], affected: people('SA', 1000) };

  it('notifies SDAIA within 72 hours of awareness of a breach that may cause harm, and tells the data subjects without undue delay (IR Art. 24(1), (5))', async () => {
    // 2 March 15:00 UTC (18:00 AST) + 72 h = 5 March 15:00 UTC.
    const result = await whatIf({ ...base, legalFindings: harm('SA', 'likely') });
    expect(duty(result, R, 'regulator')?.applies).toBe('yes');
    expect(duty(result, R, 'regulator')?.dueAt).toBe(AWARE_PLUS_72H);
    expect(duty(result, R, 'individuals')?.deadline.unit).toBe('without_undue_delay');
    expect(uncoveredIn(result, 'SA')).toEqual([]);
  });

  it('owes no notice when legal finds the incident cannot harm the data or the data subjects (IR Art. 24(1))', async () => {
    const result = await whatIf({ ...base, legalFindings: harm('SA', 'unlikely') });
    expect(duty(result, R, 'regulator')).toBeUndefined();
    expect(duty(result, R, 'individuals')).toBeUndefined();
  });

  it('a processor reports to the controller without undue delay (IR Art. 17(1))', async () => {
    const result = await whatIf({ ...base, role: 'processor' });
    expect(duty(result, R, 'controller-notice')?.deadline.unit).toBe('without_undue_delay');
    expect(duty(result, R, 'regulator')).toBeUndefined();
  });

  it('applies from the Law\'s entry into force on 14 September 2023, Riyadh time', async () => {
    // 14 September 2023 00:00 AST (UTC+3) = 13 September 2023 21:00 UTC.
    const before = await whatIf({ ...base, awarenessAt: '2023-09-13T20:59:59Z', legalFindings: harm('SA', 'likely') });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(uncoveredIn(before, 'SA')[0]?.reason).toBe('not_in_force');
    const onTheDay = await whatIf({ ...base, awarenessAt: '2023-09-13T21:00:00Z', legalFindings: harm('SA', 'likely') });
    // 13 September 2023 21:00 UTC + 72 h = 16 September 2023 21:00 UTC.
    expect(duty(onTheDay, R, 'regulator')?.dueAt).toBe('2023-09-16T21:00:00.000Z');
  });
});

describe('United Arab Emirates (Decree-Law 45/2021 Art. 9; DIFC DP Law Art. 41; ADGM DPR s 32)', () => {
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'], affected: people('AE', 400) };

  it('reports to the UAE Data Office as soon as the controller is aware, with no counted due time while the Executive Regulations are missing (Art. 9)', async () => {
    const result = await whatIf({ ...base, legalFindings: harm('AE', 'likely') });
    const report = duty(result, 'ae-pdpl', 'regulator');
    expect(report?.applies).toBe('yes');
    expect(report?.deadline.unit).toBe('immediate');
    expect(report?.dueAt).toBeNull();
    const notice = duty(result, 'ae-pdpl', 'individuals');
    expect(notice?.deadline.unit).toBe('unspecified');
    expect(notice?.urgent).toBe(false);
    expect(uncoveredIn(result, 'AE')).toEqual([]);
  });

  it('applies from the Decree-Law\'s entry into force on 2 January 2022, Dubai time', async () => {
    // 2 January 2022 00:00 GST (UTC+4) = 1 January 2022 20:00 UTC.
    const before = await whatIf({ ...base, awarenessAt: '2022-01-01T19:59:59Z', legalFindings: harm('AE', 'likely') });
    expect(duty(before, 'ae-pdpl', 'regulator')).toBeUndefined();
    expect(uncoveredIn(before, 'AE')[0]?.reason).toBe('not_in_force');
    expect(duty(await whatIf({ ...base, awarenessAt: '2022-01-01T20:00:00Z', legalFindings: harm('AE', 'likely') }), 'ae-pdpl', 'regulator')?.applies).toBe('yes');
  });

  it('brings the free-zone regimes only for an organisation established in the UAE', async () => {
    const abroad = await whatIf({ ...base, organization: { mainEstablishment: 'GB' } });
    expect(duty(abroad, 'ae-difc-dpl', 'regulator')).toBeUndefined();
    expect(duty(abroad, 'ae-adgm-dpr', 'regulator')).toBeUndefined();
  });

  it('an ADGM-registered controller notifies the Office of Data Protection within 72 hours (DPR 2021 s 32)', async () => {
    // 2 March 15:00 UTC (19:00 GST) + 72 h = 5 March 15:00 UTC. The regime follows the entity, so
    // it applies even when no one affected lives in the UAE.
    const result = await whatIf({ ...base, affected: people('IN', 50), organization: { mainEstablishment: 'AE' } });
    expect(duty(result, 'ae-adgm-dpr', 'regulator')?.dueAt).toBe(AWARE_PLUS_72H);
  });

  it('a DIFC controller notifies the Commissioner as soon as practicable, and data subjects only on a high risk (DIFC DP Law Arts. 41(1), 42(1))', async () => {
    const result = await whatIf({ ...base, organization: { mainEstablishment: 'AE' } });
    expect(duty(result, 'ae-difc-dpl', 'regulator')?.deadline.unit).toBe('as_soon_as_practicable');
    expect(duty(result, 'ae-difc-dpl', 'individuals')?.applies).toBe('undetermined');
    const high = await whatIf({ ...base, organization: { mainEstablishment: 'AE' }, legalFindings: risk('AE-DU', 'high') });
    expect(duty(high, 'ae-difc-dpl', 'individuals')?.applies).toBe('yes');
    const low = await whatIf({ ...base, organization: { mainEstablishment: 'AE' }, legalFindings: risk('AE-DU', 'risk') });
    expect(duty(low, 'ae-difc-dpl', 'individuals')).toBeUndefined();
  });

  it('the DIFC Law applies from 1 July 2020, Dubai time', async () => {
    // 1 July 2020 00:00 GST = 30 June 2020 20:00 UTC.
    const facts = { ...base, organization: { mainEstablishment: 'AE' } };
    expect(duty(await whatIf({ ...facts, awarenessAt: '2020-06-30T19:59:59Z' }), 'ae-difc-dpl', 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...facts, awarenessAt: '2020-06-30T20:00:00Z' }), 'ae-difc-dpl', 'regulator')?.applies).toBe('yes');
  });
});

describe('Qatar (PDPPL, Law No. 13 of 2016 Art. 14)', () => {
  const R = 'qa-pdppl';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'financial_account'], affected: people('QA', 80) };

  it('notifies the competent department within the guidance\'s 72 hours where the breach may cause serious damage (Art. 14)', async () => {
    // 2 March 15:00 UTC (18:00 AST) + 72 h = 5 March 15:00 UTC.
    const result = await whatIf({ ...base, legalFindings: harm('QA', 'likely') });
    expect(duty(result, R, 'regulator')?.dueAt).toBe(AWARE_PLUS_72H);
    expect(duty(result, R, 'individuals')?.applies).toBe('yes');
    expect(uncoveredIn(result, 'QA')).toEqual([]);
  });

  it('owes no notice without serious damage, but the processor still tells the controller (Art. 14)', async () => {
    const result = await whatIf({ ...base, legalFindings: harm('QA', 'unlikely') });
    expect(duty(result, R, 'regulator')).toBeUndefined();
    expect(duty(result, R, 'individuals')).toBeUndefined();
    const processor = await whatIf({ ...base, role: 'processor', legalFindings: harm('QA', 'unlikely') });
    expect(duty(processor, R, 'controller-notice')?.applies).toBe('yes');
  });
});
