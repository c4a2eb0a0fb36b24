import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Awareness on Monday 2 March 2026 at 15:00 UTC: 23:00 in Singapore, Kuala Lumpur and Manila (UTC+8,
// no daylight saving), 22:00 in Jakarta, Bangkok and Ho Chi Minh City (UTC+7). Hour-counted limits are
// exact instants; day-counted ones end at local midnight on the last day (23:59:59.999 UTC+8 is
// 15:59:59.999Z the same day).
const AWARE = '2026-03-02T15:00:00Z';
const finding = (jurisdiction: string, extra: Record<string, string>) => [{ jurisdiction, rationale: 'Recorded by counsel.', ...extra }];

describe('Singapore (PDPA Part 6A)', () => {
  const R = 'sg-pdpa';
  const contactOnly = { awarenessAt: AWARE, assessedNotifiableAt: AWARE, dataCategories: ['name', 'contact'] };
  const noHarm = finding('SG', { harm: 'unlikely' });

  it('is of significant scale at 500 affected individuals, not at 499 (s 26B(3)(a), Reg 4)', async () => {
    const below = await whatIf({ ...contactOnly, affected: people('SG', 499), legalFindings: noHarm });
    expect(duty(below, R, 'regulator')).toBeUndefined();
    const at = await whatIf({ ...contactOnly, affected: people('SG', 500), legalFindings: noHarm });
    expect(at.uncovered).toEqual([]);
    const pdpc = duty(at, R, 'regulator');
    expect(pdpc?.applies).toBe('yes');
    // Assessed at 23:00 SGT on 2 March; "no later than 3 calendar days after the day" of the
    // assessment: the end of 5 March SGT = 15:59:59.999Z (s 26D(1)).
    expect(pdpc?.dueAt).toBe('2026-03-05T15:59:59.999Z');
    // A breach notifiable only for its scale brings no notice to individuals (s 26D(2)).
    expect(duty(at, R, 'individuals')).toBeUndefined();
  });

  it('a small breach outside the deemed categories waits on legal’s significant-harm finding (s 26B(1)(a))', async () => {
    const open = await whatIf({ ...contactOnly, affected: people('SG', 10) });
    expect(duty(open, R, 'regulator')?.applies).toBe('undetermined');
    const found = await whatIf({ ...contactOnly, affected: people('SG', 10), legalFindings: finding('SG', { harm: 'likely' }) });
    expect(duty(found, R, 'regulator')?.applies).toBe('yes');
    expect(duty(found, R, 'individuals')?.applies).toBe('yes');
  });

  it('deems significant harm for a name with a bank account number, whatever legal finds (Reg 3(1)(a), Schedule item 4)', async () => {
    const result = await whatIf({ ...contactOnly, dataCategories: ['name', 'financial_account'], affected: people('SG', 3), legalFindings: noHarm });
    expect(duty(result, R, 'regulator')?.applies).toBe('yes');
    const notice = duty(result, R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('as_soon_as_practicable');
    // With harm found unlikely after remedial action, s 26D(5)(a) is there for legal to invoke.
    expect(exemption(notice, 'remedial-action')).toBe(true);
  });

  it('flags the technological-protection exception for encrypted data with a safe key (s 26D(5)(b))', async () => {
    const result = await whatIf({ ...contactOnly, dataCategories: ['name', 'financial_account'], affected: people('SG', 3), encrypted: true, keyExposed: false });
    expect(exemption(duty(result, R, 'individuals'), 'technological-protection')).toBe(true);
  });

  it('expects the assessment within 30 calendar days of awareness (PDPC guide)', async () => {
    const pdpc = duty(await whatIf({ ...contactOnly, affected: people('SG', 500) }), R, 'regulator');
    // 2 March + 30 days = 1 April 2026, ending 23:59:59.999 SGT = 15:59:59.999Z.
    expect(pdpc?.stages.find((s) => s.id.endsWith(':assessment'))?.dueAt).toBe('2026-04-01T15:59:59.999Z');
  });

  it('a data intermediary notifies the organisation without undue delay and does not assess (s 26C(3))', async () => {
    const result = await whatIf({ ...contactOnly, role: 'processor', affected: people('SG', 500) });
    expect(duty(result, R, 'organisation-notice')?.deadline.unit).toBe('without_undue_delay');
    expect(duty(result, R, 'regulator')).toBeUndefined();
  });
});

describe('Malaysia (PDPA 2010 s 12B)', () => {
  const R = 'my-pdpa';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'contact'] };

  it('applies to breaches from 1 June 2025, when s 12B came into operation', async () => {
    // 2025-05-31T15:59:59Z is 23:59:59 on 31 May in Kuala Lumpur (UTC+8): not yet in force.
    const before = await whatIf({ ...base, awarenessAt: '2025-05-31T15:59:59Z', affected: people('MY', 5000) });
    expect(before.obligations.filter((o) => o.regime === R)).toEqual([]);
    expect(before.uncovered.map((u) => u.reason)).toEqual(['not_in_force']);
    // 2025-05-31T16:00:00Z is 00:00 on 1 June in Kuala Lumpur.
    const on = await whatIf({ ...base, awarenessAt: '2025-05-31T16:00:00Z', affected: people('MY', 5000) });
    expect(duty(on, R, 'regulator')?.applies).toBe('yes');
    expect(on.uncovered).toEqual([]);
  });

  it('is of significant scale above 1,000 data subjects, not at 1,000, and then the Commissioner alone is told (Guideline)', async () => {
    const noHarm = finding('MY', { harm: 'unlikely' });
    expect(duty(await whatIf({ ...base, affected: people('MY', 1000), legalFindings: noHarm }), R, 'regulator')).toBeUndefined();
    const above = await whatIf({ ...base, affected: people('MY', 1001), legalFindings: noHarm });
    const commissioner = duty(above, R, 'regulator');
    expect(commissioner?.applies).toBe('yes');
    // 2 March 15:00Z + 72 h = 5 March 15:00Z.
    expect(commissioner?.dueAt).toBe('2026-03-05T15:00:00.000Z');
    expect(duty(above, R, 'individuals')).toBeUndefined();
  });

  it('sensitive personal data brings notice to the data subjects without unnecessary delay (s 12B(2))', async () => {
    const result = await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('MY', 5) });
    expect(duty(result, R, 'regulator')?.applies).toBe('yes');
    const notice = duty(result, R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    expect(notice?.dueAt).toBeNull();
  });
});

describe('Indonesia (UU PDP Art. 46)', () => {
  const R = 'id-uu-pdp';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'contact'], affected: people('ID', 1) };

  it('notifies the institution and the data subject in writing within 3 x 24 hours, for any breach (Art. 46(1))', async () => {
    const result = await whatIf(base);
    expect(result.uncovered).toEqual([]);
    // 2 March 15:00Z + 3 x 24 h = 5 March 15:00Z (22:00 WIB).
    expect(duty(result, R, 'regulator')?.dueAt).toBe('2026-03-05T15:00:00.000Z');
    expect(duty(result, R, 'individuals')?.dueAt).toBe('2026-03-05T15:00:00.000Z');
    expect(duty(result, R, 'public-notice')?.deadline.unit).toBe('unspecified');
  });

  it('binds from 17 October 2024, the end of the two-year transition (Art. 74)', async () => {
    // 2024-10-16T16:59:59Z is 23:59:59 on 16 October in Jakarta (UTC+7).
    const before = await whatIf({ ...base, awarenessAt: '2024-10-16T16:59:59Z' });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(before.uncovered.map((u) => u.reason)).toEqual(['not_in_force']);
    // 2024-10-16T17:00:00Z is 00:00 on 17 October in Jakarta.
    expect(duty(await whatIf({ ...base, awarenessAt: '2024-10-16T17:00:00Z' }), R, 'regulator')?.applies).toBe('yes');
  });
});

describe('Thailand (PDPA B.E. 2562 s 37(4))', () => {
  const R = 'th-pdpa';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'contact'], affected: people('TH', 20) };

  it('notifies the PDPC Office within 72 hours of becoming aware; data subjects only on a high-risk finding', async () => {
    const risk = await whatIf({ ...base, legalFindings: finding('TH', { risk: 'risk' }) });
    expect(risk.uncovered).toEqual([]);
    // 2 March 15:00Z + 72 h = 5 March 15:00Z (22:00 ICT).
    expect(duty(risk, R, 'regulator')?.dueAt).toBe('2026-03-05T15:00:00.000Z');
    expect(duty(risk, R, 'individuals')).toBeUndefined();
    const high = await whatIf({ ...base, legalFindings: finding('TH', { risk: 'high' }) });
    expect(duty(high, R, 'individuals')?.applies).toBe('yes');
    expect(duty(high, R, 'individuals')?.deadline.unit).toBe('immediate');
    expect(duty(await whatIf(base), R, 'individuals')?.applies).toBe('undetermined');
  });

  it('offers the no-risk exemption once legal finds the breach unlikely to result in a risk', async () => {
    const result = await whatIf({ ...base, legalFindings: finding('TH', { risk: 'unlikely' }) });
    expect(exemption(duty(result, R, 'regulator'), 'unlikely-to-result-in-risk')).toBe(true);
    expect(exemption(duty(await whatIf(base), R, 'regulator'), 'unlikely-to-result-in-risk')).toBe(false);
  });

  it('applies from 1 June 2022, when the Act’s duties came into force', async () => {
    // 2022-05-31T16:59:59Z is 23:59:59 on 31 May in Bangkok (UTC+7); 17:00Z is midnight on 1 June.
    expect(duty(await whatIf({ ...base, awarenessAt: '2022-05-31T16:59:59Z' }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, awarenessAt: '2022-05-31T17:00:00Z' }), R, 'regulator')?.applies).toBe('yes');
  });

  it('a data processor tells the controller (s 40(2))', async () => {
    const result = await whatIf({ ...base, role: 'processor' });
    expect(duty(result, R, 'controller-notice')?.deadline.unit).toBe('promptly');
    expect(duty(result, R, 'regulator')).toBeUndefined();
  });
});

describe('Vietnam (Decree 13/2023/ND-CP, then Law 91/2025/QH15)', () => {
  const base = { dataCategories: ['name', 'contact'], affected: people('VN', 50) };

  it('a breach learned of on 31 December 2025 brings the Decree’s duty, 72 hours after the violation occurred (Art. 23(1))', async () => {
    // 2025-12-31T16:00:00Z is 23:00 on 31 December in Ho Chi Minh City (UTC+7).
    const result = await whatIf({ ...base, awarenessAt: '2025-12-31T16:00:00Z', occurredAt: '2025-12-30T10:00:00Z' });
    expect(result.uncovered).toEqual([]);
    // Occurred 30 December 10:00Z + 72 h = 2 January 2026 10:00Z.
    expect(duty(result, 'vn-decree-13', 'regulator')?.dueAt).toBe('2026-01-02T10:00:00.000Z');
    expect(duty(result, 'vn-pdpl', 'regulator')).toBeUndefined();
  });

  it('a breach learned of on 1 January 2026 brings the Law’s duty, 72 hours from detection (Art. 23(1))', async () => {
    // 2025-12-31T17:00:00Z is 00:00 on 1 January 2026 in Ho Chi Minh City.
    const result = await whatIf({ ...base, awarenessAt: '2025-12-31T17:00:00Z', occurredAt: '2025-12-30T10:00:00Z' });
    expect(result.uncovered).toEqual([]);
    expect(duty(result, 'vn-decree-13', 'regulator')).toBeUndefined();
    const report = duty(result, 'vn-pdpl', 'regulator');
    // 1 January 00:00 ICT (31 December 17:00Z) + 72 h = 3 January 2026 17:00Z.
    expect(report?.dueAt).toBe('2026-01-03T17:00:00.000Z');
    expect(report?.reason).toContain('legal to judge');
  });

  it('the Decree’s clock waits for the time the violation occurred', async () => {
    const report = duty(await whatIf({ ...base, awarenessAt: '2025-03-02T15:00:00Z' }), 'vn-decree-13', 'regulator');
    expect(report?.dueAt).toBeNull();
    expect(report?.missingFacts).toContain('occurredAt');
  });

  it('the Decree applies from 1 July 2023', async () => {
    // 2023-06-30T16:59:59Z is 23:59:59 on 30 June in Ho Chi Minh City; 17:00Z is midnight on 1 July.
    expect(duty(await whatIf({ ...base, awarenessAt: '2023-06-30T16:59:59Z' }), 'vn-decree-13', 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, awarenessAt: '2023-06-30T17:00:00Z' }), 'vn-decree-13', 'regulator')?.applies).toBe('yes');
  });

  it('a processor notifies the controller as soon as possible under the Decree (Art. 23(2))', async () => {
    const result = await whatIf({ ...base, role: 'processor', awarenessAt: '2025-03-02T15:00:00Z' });
    expect(duty(result, 'vn-decree-13', 'controller-notice')?.deadline.unit).toBe('as_soon_as_practicable');
    expect(duty(result, 'vn-decree-13', 'regulator')).toBeUndefined();
  });
});

describe('Philippines (DPA s 20(f), NPC Circular 16-03)', () => {
  const R = 'ph-dpa';
  const base = {
    awarenessAt: AWARE,
    dataCategories: ['name', 'national_id'],
    affected: people('PH', 200),
    nature: { confidentiality: true },
    legalFindings: finding('PH', { harm: 'likely' }),
  };

  it('notifies the NPC and the data subjects within 72 hours, and files the full report within 5 days', async () => {
    const result = await whatIf(base);
    expect(result.uncovered).toEqual([]);
    const npc = duty(result, R, 'regulator');
    expect(npc?.applies).toBe('yes');
    // 2 March 15:00Z + 72 h = 5 March 15:00Z (23:00 PHT).
    expect(npc?.dueAt).toBe('2026-03-05T15:00:00.000Z');
    // 2 March (23:00 PHT) + 5 days = 7 March, ending 23:59:59.999 PHT = 15:59:59.999Z.
    expect(npc?.stages.find((s) => s.id.endsWith(':fullReport'))?.dueAt).toBe('2026-03-07T15:59:59.999Z');
    expect(duty(result, R, 'individuals')?.dueAt).toBe('2026-03-05T15:00:00.000Z');
  });

  it('needs sensitive or identity-fraud information: a name and e-mail address alone do not trigger (s 20(f))', async () => {
    expect(duty(await whatIf({ ...base, dataCategories: ['name', 'contact'] }), R, 'regulator')).toBeUndefined();
  });

  it('needs a real risk of serious harm: a finding that harm is unlikely removes the duty', async () => {
    expect(duty(await whatIf({ ...base, legalFindings: finding('PH', { harm: 'unlikely' }) }), R, 'regulator')).toBeUndefined();
  });

  it('waits on whether the data was acquired by an unauthorised person', async () => {
    const result = await whatIf({ ...base, nature: undefined });
    expect(duty(result, R, 'regulator')?.applies).toBe('undetermined');
  });
});
