import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Awareness on Monday 2 March 2026 at 15:00 UTC: 20:30 IST (UTC+5:30) in New Delhi, 02:00 AEDT
// (UTC+11) on Tuesday 3 March in Canberra and Sydney, 04:00 NZDT (UTC+13) on 3 March in Wellington,
// 17:00 SAST (UTC+2) in Pretoria. Hour-counted limits are exact instants whatever the zone.
const AWARE = '2026-03-02T15:00:00Z';
const electronic = ['electronic'] as const;
const unlikely = (jurisdiction: string) => [{ jurisdiction, harm: 'unlikely', rationale: 'Laptop recovered unopened; disk encrypted.' }];

describe('India: CERT-In Directions of 28 April 2022 (IT Act s 70B(6))', () => {
  const R = 'in-cert-in';
  const base = { awarenessAt: AWARE, affected: people('IN', 10), dataCategories: ['name', 'contact'], media: electronic };

  it('reports a data breach to CERT-In within 6 hours of noticing it, at 02:30 IST the next day (direction (ii))', async () => {
    // 2 March 15:00Z (20:30 IST) + 6 h = 21:00Z = 02:30 IST on 3 March.
    const result = await whatIf(base);
    const report = duty(result, R, 'regulator');
    expect(report?.applies).toBe('yes');
    expect(report?.dueAt).toBe('2026-03-02T21:00:00.000Z');
    expect(report?.contact?.email).toBe('incident@cert-in.org.in');
    expect(result.uncovered.filter((u) => u.jurisdiction === 'IN')).toEqual([]);
  });

  it('covers cyber incidents only: a paper-only loss brings no CERT-In report (Annexure I)', async () => {
    expect(duty(await whatIf({ ...base, media: ['paper'] }), R, 'regulator')).toBeUndefined();
  });

  it('is absent for a breach noticed the day before the Directions took effect, present on 27 June 2022 (28 April + 60 days)', async () => {
    const before = await whatIf({ ...base, awarenessAt: '2022-06-26T23:59:00+05:30' });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(before.uncovered).toMatchObject([{ jurisdiction: 'IN', reason: 'not_in_force', message: 'The rules for India apply to breaches from 27 June 2022: decide with counsel' }]);
    // 27 June 00:00 IST = 26 June 18:30Z; + 6 h = 27 June 00:30Z.
    const onTheDay = duty(await whatIf({ ...base, awarenessAt: '2022-06-27T00:00:00+05:30' }), R, 'regulator');
    expect(onTheDay?.dueAt).toBe('2022-06-27T00:30:00.000Z');
  });
});

describe('India: DPDP Act 2023 s 8(6) and DPDP Rules 2025 r 7 (from 13 May 2027)', () => {
  const R = 'in-dpdp';
  const aware = '2027-05-13T10:00:00+05:30';
  const base = { awarenessAt: aware, affected: people('IN', 10), dataCategories: ['name'], media: electronic };

  it('gives the Board its detailed intimation within 72 hours of the Data Fiduciary becoming aware (r 7(2)(b))', async () => {
    // 13 May 10:00 IST = 04:30Z; + 72 h = 16 May 04:30Z.
    const board = duty(await whatIf(base), R, 'regulator');
    expect(board?.dueAt).toBe('2027-05-16T04:30:00.000Z');
  });

  it('puts the duties on the Data Fiduciary only: a Data Processor owes neither (s 8(6), r 7(1), (2))', async () => {
    const processor = await whatIf({ ...base, role: 'processor' });
    expect(duty(processor, R, 'regulator')).toBeUndefined();
    expect(duty(processor, R, 'individuals')).toBeUndefined();
  });

  it('asks the Data Principal notice for the nature, extent and timing of the breach, as the notified r 7(1)(a) reads', async () => {
    const notice = duty(await whatIf(base), R, 'individuals');
    const item = notice?.requiredContents.find((c) => c.field === 'descriptionOfBreach');
    expect(item?.label).toContain('timing of its occurrence');
    expect(item?.label).not.toContain('location');
  });
});

describe('Australia: Notifiable Data Breaches scheme (Privacy Act 1988 Part IIIC)', () => {
  const R = 'au-ndb';
  const base = { awarenessAt: AWARE, affected: people('AU', 40), dataCategories: ['name', 'financial_account'] };

  it('completes the assessment of a suspected breach within 30 days, counted from the Canberra date (s 26WH(2))', async () => {
    // Aware 3 March 02:00 AEDT: 3 March + 30 days = 2 April 2026, ending 23:59:59.999 AEDT (UTC+11) = 12:59:59.999Z.
    const commissioner = duty(await whatIf(base), R, 'regulator');
    expect(commissioner?.stages.find((s) => s.id.endsWith(':assessment'))?.dueAt).toBe('2026-04-02T12:59:59.999Z');
    expect(commissioner?.urgent).toBe(true);
    expect(commissioner?.contact?.url).toBe('https://www.oaic.gov.au/privacy/notifiable-data-breaches/report-a-data-breach');
  });

  it('on a finding that serious harm is not likely, the no-harm and remedial-action exceptions are available (ss 26WE(2), 26WF)', async () => {
    const found = await whatIf({ ...base, legalFindings: unlikely('AU') });
    const commissioner = duty(found, R, 'regulator');
    expect(exemption(commissioner, 'serious-harm-not-likely')).toBe(true);
    expect(exemption(commissioner, 'remedial-action')).toBe(true);
    expect(exemption(duty(found, R, 'individuals'), 'remedial-action-for-some-individuals')).toBe(true);
    expect(exemption(commissioner, 'commissioner-declaration')).toBe(false);
  });

  it('names encryption (and a safe key) as bearing on serious harm, not as remedial action (s 26WG(e)-(h))', async () => {
    const encrypted = duty(await whatIf({ ...base, encrypted: true, keyExposed: false }), R, 'regulator');
    expect(exemption(encrypted, 'serious-harm-not-likely')).toBe(true);
    expect(exemption(encrypted, 'remedial-action')).toBe(false);
    const keyTaken = duty(await whatIf({ ...base, encrypted: true, keyExposed: true }), R, 'regulator');
    expect(exemption(keyTaken, 'serious-harm-not-likely')).toBe(false);
  });

  it('has no delay at police request: s 26WN relieves only an enforcement body, so a recorded delay moves nothing', async () => {
    const individuals = duty(await whatIf({ ...base, lawEnforcementDelayUntil: '2026-03-20' }), R, 'individuals');
    expect(individuals?.urgent).toBe(true);
    expect(individuals?.reason).not.toContain('law enforcement asked');
    expect(individuals?.exemptions.map((e) => e.id)).toContain('enforcement-body');
  });
});

describe('Australia: Security of Critical Infrastructure Act 2018 Part 2B (ss 30BC, 30BD)', () => {
  const R = 'au-soci';
  const soci = { sociResponsibleEntity: true };
  const base = { awarenessAt: AWARE, organization: soci, affected: people('AU', 5000), dataCategories: ['name'] };

  it('a significant impact on availability: 12 hours to ASD; a relevant impact: 72 hours (ss 30BC(1), 30BD(1))', async () => {
    const result = await whatIf({ ...base, nature: { availability: true, confidentiality: true } });
    // 2 March 15:00Z + 12 h = 3 March 03:00Z (14:00 AEDT); + 72 h = 5 March 15:00Z.
    expect(duty(result, R, 'critical-incident')?.dueAt).toBe('2026-03-03T03:00:00.000Z');
    expect(duty(result, R, 'other-incident')?.dueAt).toBe('2026-03-05T15:00:00.000Z');
  });

  it('after an oral report, the written record is due 84 hours (s 30BC(3)) or 48 hours (ASD, s 30BD) after that report', async () => {
    const result = await whatIf({
      ...base,
      nature: { availability: true, confidentiality: true },
      stagesSubmittedAt: { 'au-soci:critical-incident:AU:report': '2026-03-02T20:00:00Z', 'au-soci:other-incident:AU:report': '2026-03-03T09:00:00Z' },
    });
    // 2 March 20:00Z + 84 h = 6 March 08:00Z; 3 March 09:00Z + 48 h = 5 March 09:00Z.
    expect(duty(result, R, 'critical-incident')?.stages.find((s) => s.id.endsWith(':writtenRecord'))?.dueAt).toBe('2026-03-06T08:00:00.000Z');
    expect(duty(result, R, 'other-incident')?.stages.find((s) => s.id.endsWith(':writtenRecord'))?.dueAt).toBe('2026-03-05T09:00:00.000Z');
  });

  it('a confidentiality breach with no availability impact brings the 72-hour report only', async () => {
    const result = await whatIf({ ...base, nature: { availability: false, confidentiality: true } });
    expect(duty(result, R, 'critical-incident')).toBeUndefined();
    expect(duty(result, R, 'other-incident')?.applies).toBe('yes');
  });

  it('binds only responsible entities for assets Part 2B applies to, and none before 8 July 2022', async () => {
    expect(duty(await whatIf({ ...base, organization: {}, nature: { availability: true } }), R, 'critical-incident')).toBeUndefined();
    const nature = { availability: true };
    // 8 July 2022 00:00 AEST (UTC+10) is 7 July 14:00Z.
    expect(duty(await whatIf({ ...base, nature, awarenessAt: '2022-07-07T23:59:00+10:00' }), R, 'critical-incident')).toBeUndefined();
    expect(duty(await whatIf({ ...base, nature, awarenessAt: '2022-07-08T00:00:00+10:00' }), R, 'critical-incident')?.dueAt).toBe('2022-07-08T02:00:00.000Z');
  });
});

describe('New Zealand: Privacy Act 2020 Part 6 (ss 112-122)', () => {
  const R = 'nz-privacy-act';
  const base = { awarenessAt: AWARE, affected: people('NZ', 200), dataCategories: ['name', 'health'] };

  it('notifies the Commissioner and the people as soon as practicable after becoming aware of a notifiable breach: no counted limit (ss 114, 115)', async () => {
    const result = await whatIf({ ...base, assessedNotifiableAt: AWARE });
    const commissioner = duty(result, R, 'regulator');
    expect(commissioner?.deadline.unit).toBe('as_soon_as_practicable');
    expect(commissioner?.dueAt).toBeNull();
    expect(commissioner?.urgent).toBe(true);
    expect(duty(result, R, 'individuals')?.substituteNotice?.citation).toContain('s 115');
    expect(result.uncovered.filter((u) => u.jurisdiction === 'NZ')).toEqual([]);
  });

  it('is absent for a breach learned of before 1 December 2020 (NZDT), present on the day (s 2(2))', async () => {
    expect(duty(await whatIf({ ...base, awarenessAt: '2020-11-30T23:59:00+13:00' }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, awarenessAt: '2020-12-01T00:00:00+13:00' }), R, 'regulator')?.applies).toBe('yes');
  });

  it('a finding that serious harm is not likely makes the breach not notifiable (s 112)', async () => {
    const found = await whatIf({ ...base, legalFindings: unlikely('NZ') });
    expect(exemption(duty(found, R, 'regulator'), 'serious-harm-not-likely')).toBe(true);
    expect(exemption(duty(found, R, 'individuals'), 'serious-harm-not-likely')).toBe(true);
    expect(exemption(duty(found, R, 'individuals'), 'delay-for-security')).toBe(false);
  });
});

describe('South Africa: POPIA s 22 and s 21(2)', () => {
  const R = 'za-popia';
  const base = { awarenessAt: AWARE, affected: people('ZA', 1), dataCategories: ['name', 'contact'] };

  it('one data subject is enough: the Regulator, through the eServices portal, and the data subject as soon as reasonably possible (s 22(1), (2))', async () => {
    const result = await whatIf(base);
    const regulator = duty(result, R, 'regulator');
    expect(regulator?.applies).toBe('yes');
    expect(regulator?.dueAt).toBeNull();
    expect(regulator?.urgent).toBe(true);
    expect(regulator?.contact?.url).toBe('https://eservices.inforegulator.org.za/compromises/default.aspx');
    expect(duty(result, R, 'individuals')?.urgent).toBe(true);
    expect(result.uncovered.filter((u) => u.jurisdiction === 'ZA')).toEqual([]);
  });

  it('an operator tells the responsible party immediately, and does not itself notify the Regulator (s 21(2))', async () => {
    const operator = await whatIf({ ...base, role: 'processor' });
    expect(duty(operator, R, 'operator-notice')?.deadline.unit).toBe('immediate');
    expect(duty(operator, R, 'regulator')).toBeUndefined();
  });

  it('a criminal-investigation delay holds back the data subject notice, not the Regulator report (s 22(3))', async () => {
    const delayed = await whatIf({ ...base, lawEnforcementDelayUntil: '2026-03-20' });
    expect(duty(delayed, R, 'individuals')?.urgent).toBe(false);
    expect(duty(delayed, R, 'individuals')?.reason).toContain('law enforcement asked for notice to wait until 2026-03-20');
    expect(duty(delayed, R, 'regulator')?.urgent).toBe(true);
  });

  it('is absent for a compromise discovered before 1 July 2021 (SAST), present on the day', async () => {
    expect(duty(await whatIf({ ...base, awarenessAt: '2021-06-30T23:59:00+02:00' }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, awarenessAt: '2021-07-01T00:00:00+02:00' }), R, 'regulator')?.applies).toBe('yes');
  });
});
