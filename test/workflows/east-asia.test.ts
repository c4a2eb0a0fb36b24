import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Awareness on Monday 2 March 2026 at 15:00 UTC: 00:00 on Tuesday 3 March in Tokyo and Seoul
// (UTC+9, no daylight saving), 23:00 on 2 March in Hong Kong and Taipei (UTC+8). Day-counted
// limits in Japan therefore count from 3 March, Tokyo time.
const AWARE = '2026-03-02T15:00:00Z';

describe('Japan (APPI Art. 26; Enforcement Rules Arts. 7-10)', () => {
  const R = 'jp-appi';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'contact'] };

  it('reports for more than 1,000 data subjects: 1,000 is left to the unauthorized-purpose judgement, 1,001 is reportable (Rules Art. 7(iv))', async () => {
    const at1000 = await whatIf({ ...base, affected: people('JP', 1000) });
    expect(at1000.uncovered).toEqual([]);
    const only = duty(at1000, R, 'regulator');
    expect(only?.reason).toContain('only if the leak was possibly done with an unauthorized purpose');
    expect(only?.reason).not.toContain('> 1,000');
    const at1001 = duty(await whatIf({ ...base, affected: people('JP', 1001) }), R, 'regulator');
    expect(at1001?.applies).toBe('yes');
    expect(at1001?.reason).toContain('1,001 affected in JP > 1,000 (data subjects)');
  });

  it('preliminary report promptly, final report within 30 days, 60 for an unauthorized purpose (Rules Art. 8(1)-(2))', async () => {
    const report = duty(await whatIf({ ...base, affected: people('JP', 1001) }), R, 'regulator');
    const stage = (id: string) => report?.stages.find((s) => s.id === `jp-appi:regulator:JP:${id}`);
    expect(stage('preliminary')?.deadline.unit).toBe('promptly');
    expect(stage('preliminary')?.urgent).toBe(true);
    // 3 March (Tokyo) + 30 days = 2 April 2026, ending 23:59:59.999 JST = 14:59:59.999Z.
    expect(stage('final')?.dueAt).toBe('2026-04-02T14:59:59.999Z');
    expect(report?.dueAt).toBe('2026-04-02T14:59:59.999Z');
    // 3 March (Tokyo) + 60 days = 2 May 2026, ending 23:59:59.999 JST.
    expect(stage('finalUnauthorizedPurpose')?.dueAt).toBe('2026-05-02T14:59:59.999Z');
  });

  it('special-care information or data open to financial misuse is reportable whatever the number (Rules Art. 7(i)-(ii))', async () => {
    const health = duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('JP', 1) }), R, 'regulator');
    expect(health?.reason).toContain('special-care personal information');
    const card = duty(await whatIf({ ...base, dataCategories: ['financial_account'], affected: people('JP', 1) }), R, 'individuals');
    expect(card?.reason).toContain('financial damage');
    expect(card?.deadline.unit).toBe('promptly');
  });

  it('flags advanced encryption as taking the situation out of the reportable ones, not once the key went too (Rules Art. 7(i))', async () => {
    const safe = duty(await whatIf({ ...base, affected: people('JP', 5000), encrypted: true, keyExposed: false }), R, 'regulator');
    expect(exemption(safe, 'highly-encrypted')).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: people('JP', 5000), encrypted: true, keyExposed: true }), R, 'regulator');
    expect(exemption(keyTaken, 'highly-encrypted')).toBe(false);
  });

  it('an entrusted business may notify the entrusting business instead of reporting itself (Art. 26(1) proviso, Rules Art. 9)', async () => {
    const entrusted = await whatIf({ ...base, role: 'processor', affected: people('JP', 1001) });
    expect(duty(entrusted, R, 'entrusting-business')?.deadline.unit).toBe('promptly');
    expect(duty(entrusted, R, 'regulator')?.exemptions.map((e) => e.id)).toContain('entrusting-business-notified');
    expect(duty(entrusted, R, 'individuals')?.exemptions.map((e) => e.id)).toContain('entrusting-business-notified');
    expect(duty(await whatIf({ ...base, affected: people('JP', 1001) }), R, 'entrusting-business')).toBeUndefined();
  });
});

describe('South Korea (PIPA Art. 34; Enforcement Decree Arts. 39-40)', () => {
  const R = 'kr-pipa';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'contact'] };

  it('reports to the PIPC or KISA from 1,000 data subjects, not at 999, within 72 hours (Decree Art. 40(1)(i))', async () => {
    const at999 = await whatIf({ ...base, affected: people('KR', 999) });
    expect(at999.uncovered).toEqual([]);
    expect(duty(at999, R, 'regulator')?.reason).toContain('only if the leak came through unauthorized external access');
    const at1000 = duty(await whatIf({ ...base, affected: people('KR', 1000) }), R, 'regulator');
    expect(at1000?.reason).toContain('1,000 affected in KR >= 1,000 (data subjects)');
    // 2 March 2026 15:00Z + 72 hours = 5 March 2026 15:00Z (00:00 on 6 March in Seoul).
    expect(at1000?.dueAt).toBe('2026-03-05T15:00:00.000Z');
  });

  it('sensitive or unique identification information is reportable whatever the number (Decree Art. 40(1)(ii))', async () => {
    const health = duty(await whatIf({ ...base, dataCategories: ['name', 'health'], affected: people('KR', 3) }), R, 'regulator');
    expect(health?.reason).toContain('sensitive information, any number');
    const rrn = duty(await whatIf({ ...base, dataCategories: ['name', 'national_id'], affected: people('KR', 3) }), R, 'regulator');
    expect(rrn?.reason).toContain('unique identification information, any number');
  });

  it('notifies every data subject within 72 hours, with no threshold (Art. 34(1), Decree Art. 39(1))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('KR', 1) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    // 2 March 2026 15:00Z + 72 hours.
    expect(notice?.dueAt).toBe('2026-03-05T15:00:00.000Z');
  });

  it('the 2026 amendment governs leaks learned of from 11 September 2026, Seoul time (Act No. 21445, addendum)', async () => {
    // 10 September 2026 14:59Z is 23:59 on 10 September in Seoul: the 2023 text still applies.
    const before = await whatIf({ ...base, awarenessAt: '2026-09-10T14:59:00Z', affected: people('KR', 1000) });
    expect(duty(before, R, 'regulator')).toBeDefined();
    expect(duty(before, R, 'regulator-2026')).toBeUndefined();
    expect(duty(before, R, 'possible-leak-individuals')).toBeUndefined();
    // 10 September 2026 15:00Z is 00:00 on 11 September in Seoul: the amended text applies.
    const after = await whatIf({ ...base, awarenessAt: '2026-09-10T15:00:00Z', affected: people('KR', 1000) });
    expect(after.uncovered).toEqual([]);
    expect(duty(after, R, 'regulator')).toBeUndefined();
    // 10 September 15:00Z + 72 hours = 13 September 2026 15:00Z.
    expect(duty(after, R, 'regulator-2026')?.dueAt).toBe('2026-09-13T15:00:00.000Z');
    const notice = duty(after, R, 'individuals-2026');
    expect(notice?.requiredContents.find((c) => c.field === 'legalRights')?.optional).toBeUndefined();
    expect(duty(after, R, 'possible-leak-individuals')?.deadline.unit).toBe('without_undue_delay');
  });
});

describe('Hong Kong (PDPO Cap. 486; PCPD data breach guidance)', () => {
  const R = 'hk-pdpo';

  it('the Ordinance imposes no duty: both notices are the PCPD’s voluntary recommendation, as soon as practicable', async () => {
    const result = await whatIf({ awarenessAt: AWARE, dataCategories: ['name', 'national_id'], affected: people('HK', 50) });
    expect(result.uncovered).toEqual([]);
    const pcpd = duty(result, R, 'regulator');
    const people_ = duty(result, R, 'individuals');
    expect(pcpd?.voluntary).toBe(true);
    expect(people_?.voluntary).toBe(true);
    expect(pcpd?.deadline.unit).toBe('as_soon_as_practicable');
    expect(pcpd?.dueAt).toBeNull();
    expect(people_?.deadline.unit).toBe('as_soon_as_practicable');
    expect(pcpd?.authorityLanguages).toEqual(['zh-HK', 'en']);
    // Nothing else in the rules base binds a data user in Hong Kong.
    expect(result.obligations.filter((o) => o.jurisdiction === 'HK' && !o.voluntary)).toEqual([]);
  });
});

describe('Taiwan (PDPA Art. 12; Enforcement Rules Art. 22)', () => {
  const R = 'tw-pdpa';
  const base = { dataCategories: ['name', 'contact'], affected: people('TW', 20) };

  it('notifies the data subjects once the facts are established, not from awareness, and reports to no authority (Art. 12 as in force)', async () => {
    const pending = await whatIf({ ...base, awarenessAt: AWARE });
    expect(pending.uncovered).toEqual([]);
    const notice = duty(pending, R, 'individuals');
    expect(notice?.deadline.from).toBe('assessedNotifiableAt');
    expect(notice?.dueAt).toBeNull();
    expect(notice?.missingFacts).toContain('assessedNotifiableAt');
    expect(pending.obligations.filter((o) => o.regime === R).map((o) => o.recipient)).toEqual(['individuals']);
    const investigated = duty(await whatIf({ ...base, awarenessAt: AWARE, assessedNotifiableAt: '2026-03-09T02:00:00Z' }), R, 'individuals');
    expect(investigated?.missingFacts).toEqual([]);
    expect(investigated?.urgent).toBe(true);
    expect(investigated?.voluntary).toBe(false);
  });

  it('the notice states the facts and the measures taken, with public means where individual notice costs too much (Rules Art. 22)', async () => {
    const notice = duty(await whatIf({ ...base, awarenessAt: AWARE }), R, 'individuals');
    expect(notice?.requiredContents.map((c) => c.section)).toEqual(['whatHappened', 'whatWeAreDoing']);
    expect(notice?.substituteNotice?.citation).toBe('Enforcement Rules Art. 22(1)');
  });
});
