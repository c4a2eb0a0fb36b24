import { describe, expect, it } from 'vitest';
import { holidaysIn } from '../../src/obligations/holiday-calendar.js';
import { duty, people, rulesBase, whatIf } from './support.js';

// Boundaries checked against the law's text, with the arithmetic worked by hand in each comment.
// Zones: America/Sao_Paulo is UTC-3 all year (Brazil has kept no daylight saving time since 2019),
// America/Bogota UTC-5, America/Mexico_City UTC-6 (no daylight saving time since 2022),
// America/Argentina/Buenos_Aires UTC-3. So the end of a local day D is D+1 at 02:59:59.999Z in
// Brazil and 04:59:59.999Z in Colombia.
const AWARE = '2026-03-02T15:00:00Z';

async function calendar(id: string) {
  const found = (await rulesBase()).calendars.get(id);
  if (found === undefined) throw new Error(`no calendar ${id}`);
  return found;
}

describe('Brazil (LGPD Art. 48; Res. CD/ANPD nº 15/2024)', () => {
  const R = 'br-lgpd';
  // Health data is sensitive (LGPD Art. 5 II), one of the Annex Art. 5 criteria of relevant risk.
  const base = { dataCategories: ['name', 'health'], affected: people('BR', 300) };

  it('gives data subjects 3 business days, and a small processing agent 6, skipping Good Friday (Annex Art. 9 caput and § 6)', async () => {
    // Aware Monday 30 March 2026, 12:00 in São Paulo. Business days: Tue 31 Mar (1), Wed 1 Apr (2),
    // Thu 2 Apr (3) -> the end of 2 April = 2026-04-03T02:59:59.999Z.
    const normal = await whatIf({ ...base, awarenessAt: '2026-03-30T15:00:00Z' });
    expect(normal.uncovered.filter((u) => u.jurisdiction === 'BR')).toEqual([]);
    expect(duty(normal, R, 'individuals')?.dueAt).toBe('2026-04-03T02:59:59.999Z');
    expect(duty(normal, R, 'regulator')?.dueAt).toBe('2026-04-03T02:59:59.999Z');
    // Doubled: ... Thu 2 Apr (3), Fri 3 Apr Good Friday (Easter 5 April - 2) skipped, Mon 6 (4),
    // Tue 7 (5), Wed 8 (6) -> the end of 8 April = 2026-04-09T02:59:59.999Z, for both the data
    // subjects (Art. 9 § 6) and the ANPD (Art. 6 § 8).
    const small = await whatIf({ ...base, awarenessAt: '2026-03-30T15:00:00Z', organization: { smallProcessingAgent: true } });
    expect(duty(small, R, 'individuals')?.dueAt).toBe('2026-04-09T02:59:59.999Z');
    expect(duty(small, R, 'regulator')?.dueAt).toBe('2026-04-09T02:59:59.999Z');
  });

  it('skips Consciência Negra, a national holiday from 2024 (Lei 14.759/2023)', async () => {
    // Aware Tuesday 18 November 2025: Wed 19 (1), Thu 20 Nov holiday skipped, Fri 21 (2), Mon 24 (3)
    // -> the end of 24 November = 2025-11-25T02:59:59.999Z.
    const result = await whatIf({ ...base, awarenessAt: '2025-11-18T15:00:00Z' });
    expect(duty(result, R, 'regulator')?.dueAt).toBe('2025-11-25T02:59:59.999Z');
    const br = await calendar('br-national');
    expect(holidaysIn(br, 2023).has('2023-11-20')).toBe(false);
    expect(holidaysIn(br, 2024).has('2024-11-20')).toBe(true);
  });

  it('counts Carnival as a business day: it is only a ponto facultativo', async () => {
    // Aware Friday 13 February 2026: Mon 16 Feb Carnival (1), Tue 17 Carnival (2), Wed 18 Ash
    // Wednesday (3) -> the end of 18 February = 2026-02-19T02:59:59.999Z.
    const result = await whatIf({ ...base, awarenessAt: '2026-02-13T15:00:00Z' });
    expect(duty(result, R, 'regulator')?.dueAt).toBe('2026-02-19T02:59:59.999Z');
    const br = await calendar('br-national');
    // Corpus Christi 2026 (Easter + 60 = Thursday 4 June) is not a national holiday either.
    expect(holidaysIn(br, 2026).has('2026-06-04')).toBe(false);
    expect(holidaysIn(br, 2026).size).toBe(10);
  });

  it('records every incident for five years, even one with no relevant risk to communicate (Annex Art. 10)', async () => {
    // Names only: none of the listed categories is exposed, so the communication turns on legal's
    // judgement (large scale, secrecy, significant effect); the record is owed whatever it finds.
    const result = await whatIf({ awarenessAt: AWARE, dataCategories: ['name'], affected: people('BR', 300) });
    expect(duty(result, R, 'regulator')?.reason).toContain('large scale');
    const record = duty(result, R, 'incident-record');
    expect(record?.applies).toBe('yes');
    expect(record?.deadline.unit).toBe('unspecified');
    expect(record?.requiredContents.map((c) => c.field)).toContain('reasonsForNotCommunicating');
  });
});

describe('Colombia (Ley 1581 de 2012 Arts. 17(n), 18(k); SIC, 15 días hábiles)', () => {
  const R = 'co-ley-1581';
  const base = { dataCategories: ['name', 'national_id'], affected: people('CO', 500) };

  it('reports to the SIC within 15 business days, skipping the Emiliani Monday of San José', async () => {
    // Aware Monday 2 March 2026, 10:00 in Bogotá. San José (19 March, a Thursday) is kept on Monday
    // 23 March (Ley 51 de 1983 Art. 1 numeral 2). Business days: 3,4,5,6 Mar (4), 9-13 (9),
    // 16,17,18,19,20 (14; Thursday 19 itself is a working day), Mon 23 skipped, Tue 24 (15)
    // -> the end of 24 March in Bogotá = 2026-03-25T04:59:59.999Z.
    const result = await whatIf({ ...base, awarenessAt: AWARE });
    expect(result.uncovered.filter((u) => u.jurisdiction === 'CO')).toEqual([]);
    const sic = duty(result, R, 'regulator');
    expect(sic?.applies).toBe('yes');
    expect(sic?.dueAt).toBe('2026-03-25T04:59:59.999Z');
  });

  it('skips Holy Thursday and Good Friday', async () => {
    // Aware Monday 30 March 2026: Tue 31 (1), Wed 1 Apr (2), Thu 2 and Fri 3 Apr skipped (Easter
    // 5 April - 3 and - 2), 6-10 Apr (7), 13-17 (12), Mon 20 (13), Tue 21 (14), Wed 22 (15)
    // -> the end of 22 April = 2026-04-23T04:59:59.999Z.
    const result = await whatIf({ ...base, awarenessAt: '2026-03-30T15:00:00Z' });
    expect(duty(result, R, 'regulator')?.dueAt).toBe('2026-04-23T04:59:59.999Z');
  });

  it('binds a processor to its own report (Art. 18(k)), not the controller duty', async () => {
    const result = await whatIf({ ...base, awarenessAt: AWARE, role: 'processor' });
    expect(duty(result, R, 'regulator')).toBeUndefined();
    expect(duty(result, R, 'processor-report')?.dueAt).toBe('2026-03-25T04:59:59.999Z');
  });

  it("keeps Colombia's 18 festivos of 2026 on the days Ley 51 de 1983 gives", async () => {
    const co = await calendar('co-national');
    expect([...holidaysIn(co, 2026)].sort()).toEqual([
      '2026-01-01', // Año Nuevo (Thursday, not moved)
      '2026-01-12', // Reyes Magos, 6 January (Tuesday) -> Monday 12
      '2026-03-23', // San José, 19 March (Thursday) -> Monday 23
      '2026-04-02', // Jueves Santo, Easter 5 April - 3
      '2026-04-03', // Viernes Santo, Easter - 2
      '2026-05-01', // Día del Trabajo
      '2026-05-18', // Ascensión, Easter + 39 = Thursday 14 May -> Monday 18
      '2026-06-08', // Corpus Christi, Easter + 60 = Thursday 4 June -> Monday 8
      '2026-06-15', // Sagrado Corazón, Easter + 68 = Friday 12 June -> Monday 15
      '2026-06-29', // San Pedro y San Pablo (already a Monday)
      '2026-07-20', // Independencia (not moved)
      '2026-08-07', // Batalla de Boyacá (not moved)
      '2026-08-17', // Asunción, 15 August (Saturday) -> Monday 17
      '2026-10-12', // Día de la Raza (already a Monday)
      '2026-11-02', // Todos los Santos, 1 November (Sunday) -> Monday 2
      '2026-11-16', // Independencia de Cartagena, 11 November (Wednesday) -> Monday 16
      '2026-12-08', // Inmaculada Concepción (not moved)
      '2026-12-25', // Navidad (not moved)
    ]);
    // 19 March 2029 is a Monday, so San José stays on its day.
    expect(holidaysIn(co, 2029).has('2029-03-19')).toBe(true);
  });
});

describe('Mexico (LFPDPPP, DOF 20 March 2025, Art. 19)', () => {
  const R = 'mx-lfpdppp';
  const base = { dataCategories: ['name', 'financial_account'], affected: people('MX', 200) };

  it('informs the data subjects immediately, with no day count, and owes the Secretaría nothing', async () => {
    const result = await whatIf({ ...base, awarenessAt: AWARE });
    expect(result.uncovered.filter((u) => u.jurisdiction === 'MX')).toEqual([]);
    const notice = duty(result, R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('immediate');
    expect(notice?.dueAt).toBeNull();
    expect(notice?.urgent).toBe(true);
    expect(result.obligations.filter((o) => o.regime === R && o.recipient === 'regulator')).toEqual([]);
  });

  it('applies from 21 March 2025, the day after publication, in Mexico City time', async () => {
    // 2025-03-21T05:59:59Z is 23:59:59 on 20 March in Mexico City (UTC-6): the 2025 law is not yet in force.
    const before = await whatIf({ ...base, awarenessAt: '2025-03-21T05:59:59Z' });
    expect(duty(before, R, 'individuals')).toBeUndefined();
    expect(before.uncovered.find((u) => u.jurisdiction === 'MX')?.reason).toBe('not_in_force');
    // 06:00:00Z is midnight starting 21 March there.
    const onTheDay = await whatIf({ ...base, awarenessAt: '2025-03-21T06:00:00Z' });
    expect(duty(onTheDay, R, 'individuals')?.applies).toBe('yes');
    expect(onTheDay.uncovered.filter((u) => u.jurisdiction === 'MX')).toEqual([]);
  });

  it('is the responsable’s duty: a persona encargada gets none from Art. 19', async () => {
    expect(duty(await whatIf({ ...base, awarenessAt: AWARE, role: 'processor' }), R, 'individuals')).toBeUndefined();
  });
});

describe('Argentina (Ley 25.326; AAIP guidance)', () => {
  const R = 'ar-ley-25326';

  it('lists only voluntary notices: the law imposes no breach-notification duty', async () => {
    const result = await whatIf({ awarenessAt: AWARE, dataCategories: ['name', 'credentials'], affected: people('AR', 1000) });
    expect(result.uncovered.filter((u) => u.jurisdiction === 'AR')).toEqual([]);
    const mine = result.obligations.filter((o) => o.regime === R);
    expect(mine.map((o) => o.recipient).sort()).toEqual(['individuals', 'regulator']);
    for (const obligation of mine) {
      expect(obligation.voluntary).toBe(true);
      expect(obligation.deadline.unit).toBe('unspecified');
      expect(obligation.dueAt).toBeNull();
      expect(obligation.urgent).toBe(false);
    }
  });
});
