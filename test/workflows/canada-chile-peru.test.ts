import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC: 10:00 EST in Toronto and Montreal, 08:00 MST in
// Edmonton, 12:00 CLST in Santiago (UTC-3, summer time), 10:00 in Lima (UTC-5, no DST).
const AWARE = '2026-03-02T15:00:00Z';
const finding = (jurisdiction: string, extra: Record<string, unknown>) => [{ jurisdiction, rationale: 'Assessed by counsel.', ...extra }];

describe('Quebec (P-39.1 ss 3.5-3.8, Regulation respecting confidentiality incidents)', () => {
  const R = 'ca-qc-private-sector';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'financial_account'], affected: people('CA-QC', 300) };

  it('starts on 22 September 2022 in Quebec time: the minute before midnight EDT brings nothing, midnight brings the notice (Law 25 commencement)', async () => {
    // 22 September 2022 00:00 EDT (UTC-4) = 04:00Z.
    const before = await whatIf({ ...base, awarenessAt: '2022-09-22T03:59:59Z' });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    // PIPEDA (in force since 2018) still reaches Quebec residents, so Quebec is not uncovered.
    expect(before.uncovered).toEqual([]);
    const after = await whatIf({ ...base, awarenessAt: '2022-09-22T04:00:00Z' });
    expect(duty(after, R, 'regulator')?.applies).toBe('yes');
  });

  it('notifies the Commission promptly, in French, as the Commission takes reports (s 3.5 para 2)', async () => {
    const result = await whatIf(base);
    expect(result.uncovered).toEqual([]);
    const cai = duty(result, R, 'regulator');
    expect(cai?.authority).toBe("Commission d'accès à l'information du Québec (CAI)");
    expect(cai?.authorityLanguages).toEqual(['fr']);
    expect(cai?.deadline.unit).toBe('promptly');
    expect(cai?.urgent).toBe(true);
    expect(cai?.dueAt).toBeNull();
    expect(cai?.reason).toContain('risk of serious injury');
    // The notice must give the number of persons concerned and how many of them live in Québec (Regulation s 3(7)).
    expect(cai?.requiredContents.map((c) => c.field)).toContain('numberOfPersons');
  });

  it('tells the persons concerned, unless it could hamper a criminal investigation (s 3.5 para 3), and registers every incident (s 3.8)', async () => {
    const result = await whatIf(base);
    const persons = duty(result, R, 'individuals');
    expect(persons?.applies).toBe('yes');
    expect(persons?.exemptions.map((e) => e.id)).toEqual(['investigation']);
    expect(persons?.requiredContents).toHaveLength(6);
    expect(duty(result, R, 'register')?.deadline.unit).toBe('unspecified');
  });

  it('lists PIPEDA beside it for Quebec residents: legal settles which law governs the activity', async () => {
    // PIPEDA's duty is owed once, for Canada, whichever province the people live in.
    const pipeda = duty(await whatIf(base), 'ca-pipeda', 'regulator');
    expect(pipeda?.applies).toBe('yes');
    expect(pipeda?.jurisdiction).toBe('CA');
  });
});

describe('Alberta (PIPA ss 34.1, 37.1)', () => {
  const R = 'ca-ab-pipa';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'national_id'], affected: people('CA-AB', 40) };

  it('starts on 1 May 2010 in Edmonton time; before it Alberta had no rules in force at all', async () => {
    // 1 May 2010 00:00 MDT (UTC-6) = 06:00Z. PIPEDA's breach duties only began on 1 November 2018.
    expect(duty(await whatIf({ ...base, awarenessAt: '2010-05-01T05:59:59Z' }), R, 'regulator')).toBeUndefined();
    const dayBefore = await whatIf({ ...base, awarenessAt: '2010-04-30T15:00:00Z' });
    expect(dayBefore.uncovered).toEqual([
      { jurisdiction: 'CA-AB', name: 'Alberta (CA)', count: 40, reason: 'not_in_force', message: 'The rules for Alberta (CA) apply to breaches from 1 May 2010: decide with counsel' },
    ]);
    const after = await whatIf({ ...base, awarenessAt: '2010-05-01T06:00:00Z' });
    expect(duty(after, R, 'regulator')?.applies).toBe('yes');
    expect(after.uncovered).toEqual([]);
  });

  it('notifies the Commissioner without unreasonable delay where a reasonable person would see a real risk of significant harm (s 34.1)', async () => {
    const result = await whatIf(base);
    const oipc = duty(result, R, 'regulator');
    expect(oipc?.deadline.unit).toBe('without_undue_delay');
    expect(oipc?.urgent).toBe(true);
    expect(oipc?.reason).toContain('real risk of significant harm');
    expect(oipc?.requiredContents.map((c) => c.citation)).toContain('PIPA Regulation s 19(e)');
  });

  it('tells individuals when the Commissioner requires it, within the time the Commissioner sets: no clock of its own (s 37.1)', async () => {
    const notice = duty(await whatIf(base), R, 'individuals');
    expect(notice?.deadline.unit).toBe('unspecified');
    expect(notice?.urgent).toBe(false);
    expect(notice?.dueAt).toBeNull();
    expect(notice?.reason).toContain('Commissioner requires');
  });
});

describe('Canada PIPEDA (ss 10.1-10.3, SOR/2018-64), re-read', () => {
  const R = 'ca-pipeda';

  it('starts on 1 November 2018 in Ottawa time', async () => {
    // 1 November 2018 00:00 EDT (UTC-4; DST ended on 4 November) = 04:00Z.
    const before = await whatIf({ awarenessAt: '2018-11-01T03:59:59Z', dataCategories: ['name', 'credentials'], affected: people('CA', 10) });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(before.uncovered.map((u) => u.reason)).toEqual(['not_in_force']);
    const after = await whatIf({ awarenessAt: '2018-11-01T04:00:00Z', dataCategories: ['name', 'credentials'], affected: people('CA', 10) });
    expect(duty(after, R, 'regulator')?.applies).toBe('yes');
  });

  it('reports to the OPC through its online form, and keeps a record of every breach for 24 months (s 10.3, SOR/2018-64 s 6)', async () => {
    const result = await whatIf({ awarenessAt: AWARE, dataCategories: ['name', 'credentials'], affected: people('CA-ON', 10) });
    expect(result.uncovered).toEqual([]);
    expect(duty(result, R, 'regulator')?.contact?.url).toContain('priv.gc.ca');
    const record = duty(result, R, 'breach-record');
    expect(record?.deadline.unit).toBe('unspecified');
    expect(record?.notes.join(' ')).toContain('24 months');
    expect(duty(result, R, 'other-organisations')?.deadline.unit).toBe('as_soon_as_practicable');
  });
});

describe('Chile (Ley 19.628 Art. 14 sexies, as amended by Ley 21.719)', () => {
  const R = 'cl-ley-21719';
  const base = { dataCategories: ['name', 'health'], affected: people('CL', 500) };

  it('brings nothing for a breach learned of on 30 November 2026, and the report from 1 December 2026 (artículo primero transitorio)', async () => {
    const before = await whatIf({ ...base, awarenessAt: '2026-11-30T15:00:00Z' });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(before.uncovered).toEqual([{ jurisdiction: 'CL', name: 'Chile', count: 500, reason: 'not_in_force', message: 'The rules for Chile apply to breaches from 1 December 2026: decide with counsel' }]);
    const after = await whatIf({ ...base, awarenessAt: '2026-12-01T15:00:00Z' });
    expect(duty(after, R, 'regulator')).toBeDefined();
    expect(after.uncovered).toEqual([]);
  });

  it('starts at midnight in Santiago summer time (UTC-3), not at midnight UTC', async () => {
    // 1 December 2026 00:00 CLST = 03:00Z.
    expect(duty(await whatIf({ ...base, awarenessAt: '2026-12-01T02:59:59Z' }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ ...base, awarenessAt: '2026-12-01T03:00:00Z' }), R, 'regulator')).toBeDefined();
  });

  it('turns on legal finding a reasonable risk: open until recorded, owed on "risk", gone on "unlikely"', async () => {
    const at = { ...base, awarenessAt: '2026-12-02T15:00:00Z' };
    const open = duty(await whatIf(at), R, 'regulator');
    expect(open?.applies).toBe('undetermined');
    expect(open?.deadline.unit).toBe('without_undue_delay');
    expect(open?.urgent).toBe(true);
    expect(duty(await whatIf({ ...at, legalFindings: finding('CL', { risk: 'risk' }) }), R, 'regulator')?.applies).toBe('yes');
    expect(duty(await whatIf({ ...at, legalFindings: finding('CL', { risk: 'unlikely' }) }), R, 'regulator')).toBeUndefined();
  });

  it('tells data subjects only for sensitive, children\'s or financial data (Art. 14 sexies para 3)', async () => {
    const at = { awarenessAt: '2026-12-02T15:00:00Z', affected: people('CL', 500), legalFindings: finding('CL', { risk: 'risk' }) };
    expect(duty(await whatIf({ ...at, dataCategories: ['name', 'contact'] }), R, 'individuals')).toBeUndefined();
    expect(duty(await whatIf({ ...at, dataCategories: ['name', 'contact'] }), R, 'regulator')?.applies).toBe('yes');
    for (const category of ['health', 'minor_under_14', 'financial_account']) {
      expect(duty(await whatIf({ ...at, dataCategories: ['name', category] }), R, 'individuals')?.applies).toBe('yes');
    }
  });
});

describe('Peru (Ley 29733, Reglamento D.S. 016-2024-JUS)', () => {
  const R = 'pe-ley-29733';
  const base = { awarenessAt: AWARE, dataCategories: ['name', 'health'], affected: people('PE', 2_000) };

  it('notifies the Authority within 48 hours of becoming aware', async () => {
    const result = await whatIf(base);
    expect(result.uncovered).toEqual([]);
    const anpd = duty(result, R, 'regulator');
    // 15:00Z on 2 March + 48 hours = 15:00Z on 4 March (10:00 in Lima).
    expect(anpd?.dueAt).toBe('2026-03-04T15:00:00.000Z');
    expect(anpd?.reason).toContain('data categories include health');
    expect(anpd?.contact?.url).toBe('https://reporte.cnsd.gob.pe/home/minjus');
    expect(duty(result, R, 'individuals')?.dueAt).toBe('2026-03-04T15:00:00.000Z');
  });

  it('starts on 30 March 2025 in Lima time (120 calendar days after publication on 30 November 2024)', async () => {
    // 1 December 2024 is day 1; day 120 is 30 March 2025. 00:00 in Lima (UTC-5) = 05:00Z.
    const before = await whatIf({ ...base, awarenessAt: '2025-03-30T04:59:59Z' });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    expect(before.uncovered.map((u) => u.reason)).toEqual(['not_in_force']);
    expect(duty(await whatIf({ ...base, awarenessAt: '2025-03-30T05:00:00Z' }), R, 'regulator')?.dueAt).toBe('2025-04-01T05:00:00.000Z');
  });

  it('drops the duty to tell data subjects when the incident caused no harm and was overcome, but not the report to the Authority', async () => {
    const result = await whatIf({ ...base, legalFindings: finding('PE', { harm: 'unlikely' }) });
    expect(exemption(duty(result, R, 'individuals'), 'incident-overcome')).toBe(true);
    expect(duty(result, R, 'regulator')?.exemptions).toEqual([]);
  });
});
