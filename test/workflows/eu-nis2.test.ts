import { describe, expect, it } from 'vitest';
import { duty, people, whatIf } from './support.js';

// NIS2 Art. 23 owed to the authority of the member state where the entity is established (Art. 26(1)),
// each authority dated from its national transposing law. Discovery on Monday 2 March 2026 at 15:00 UTC
// (16:00 CET in Brussels and Berlin).
const AWARE = '2026-03-02T15:00:00Z';
const R = 'eu-nis2';
const essentialIn = (mainEstablishment: string | null) => ({ organization: { nis2Entity: 'essential', mainEstablishment } });
const stage = (o: Awaited<ReturnType<typeof whatIf>>['obligations'][number] | undefined, id: string) => o?.stages.find((s) => s.id.endsWith(`:${id}`));

describe('EU NIS2 (Directive (EU) 2022/2555 Arts. 23, 26)', () => {
  it('an essential entity established in Germany reports to the BSI: early warning 24 h, notification 72 h after awareness (BSIG § 32(1); NIS2 Art. 23(4)(a), (b))', async () => {
    const result = await whatIf({ awarenessAt: AWARE, ...essentialIn('DE'), affected: people('DE', 1000), dataCategories: ['name', 'contact'] });
    const bsi = duty(result, R, 'regulator', 'DE');
    expect(bsi?.applies).toBe('yes');
    expect(bsi?.authority).toContain('BSI');
    expect(bsi?.authorityLanguages).toEqual(['de']);
    expect(bsi?.citation).toContain('BSIG § 32');
    // 2 March 15:00Z + 24 h = 3 March 15:00Z; + 72 h = 5 March 15:00Z.
    expect(stage(bsi, 'earlyWarning')?.dueAt).toBe('2026-03-03T15:00:00.000Z');
    expect(stage(bsi, 'notification')?.dueAt).toBe('2026-03-05T15:00:00.000Z');
    // One duty, to the lead authority only: nothing is owed to the EU-level generic recipient.
    expect(result.obligations.filter((o) => o.regime === R && o.id.startsWith(`${R}:regulator:`))).toHaveLength(1);
    expect(result.uncovered.filter((u) => u.jurisdiction === 'DE')).toEqual([]);
  });

  it('the final report is due one month after the incident notification went in, at the end of that day in Brussels (Art. 23(4)(d))', async () => {
    const result = await whatIf({
      awarenessAt: AWARE,
      ...essentialIn('DE'),
      affected: [],
      dataCategories: [],
      stagesSubmittedAt: { 'eu-nis2:regulator:DE:notification': '2026-03-04T10:00:00Z' },
    });
    // Notification submitted 4 March; + 1 month = 4 April 2026, ending 23:59:59.999 CEST (UTC+2 from 29 March) = 21:59:59.999Z.
    expect(stage(duty(result, R, 'regulator', 'DE'), 'finalReport')?.dueAt).toBe('2026-04-04T21:59:59.999Z');
  });

  it('the German duty starts with the NIS2UmsuCG on 6 December 2025: a breach learned of the day before owes the BSI nothing', async () => {
    // 23:59:59 CET on 5 December 2025 = 22:59:59Z: before the law; 00:00 CET on 6 December = 23:00Z on the 5th: in force.
    const before = await whatIf({ awarenessAt: '2025-12-05T22:59:59Z', ...essentialIn('DE'), affected: [], dataCategories: [] });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    const onTheDay = await whatIf({ awarenessAt: '2025-12-05T23:00:00Z', ...essentialIn('DE'), affected: [], dataCategories: [] });
    expect(duty(onTheDay, R, 'regulator', 'DE')?.applies).toBe('yes');
    // 6 December 2025 00:00 CET (23:00Z on the 5th) + 24 h = 23:00Z on 6 December.
    expect(stage(duty(onTheDay, R, 'regulator', 'DE'), 'earlyWarning')?.dueAt).toBe('2025-12-06T23:00:00.000Z');
  });

  it('Austria reports under the NISG 2026 only from 1 October 2026 (§ 51(2): nine months after promulgation on 23 December 2025, next first of the month)', async () => {
    // 1 October 2026 00:00 in Brussels and Vienna (CEST, UTC+2) = 30 September 22:00Z.
    const before = await whatIf({ awarenessAt: '2026-09-30T21:59:59Z', ...essentialIn('AT'), affected: [], dataCategories: [] });
    expect(duty(before, R, 'regulator')).toBeUndefined();
    const from = await whatIf({ awarenessAt: '2026-09-30T22:00:00Z', ...essentialIn('AT'), affected: [], dataCategories: [] });
    expect(duty(from, R, 'regulator', 'AT')?.authority).toContain('CERT.at');
  });

  it('established in a member state with no transposition date known (France): the duty is listed, to ANSSI, with the Directive’s stages', async () => {
    const result = await whatIf({ awarenessAt: AWARE, ...essentialIn('FR'), affected: people('FR', 200), dataCategories: ['name'] });
    const anssi = duty(result, R, 'regulator', 'FR');
    expect(anssi?.applies).toBe('yes');
    expect(anssi?.authority).toContain('ANSSI');
    expect(stage(anssi, 'earlyWarning')?.dueAt).toBe('2026-03-03T15:00:00.000Z');
    expect(result.uncovered.filter((u) => u.jurisdiction === 'FR')).toEqual([]);
  });

  it('an entity with no establishment in the EU recorded: one duty for the EU, to the national CSIRT the Directive names', async () => {
    const result = await whatIf({ awarenessAt: AWARE, ...essentialIn(null), affected: [], dataCategories: [] });
    const generic = duty(result, R, 'regulator', 'EU');
    expect(generic?.authority).toBe('National CSIRT or, where applicable, the competent authority designated under national law');
    expect(generic?.authorityLanguages).toEqual([]);
  });

  it('binds essential and important entities only (Art. 23(1))', async () => {
    const important = await whatIf({ awarenessAt: AWARE, organization: { nis2Entity: 'important', mainEstablishment: 'BE' }, affected: [], dataCategories: [] });
    expect(duty(important, R, 'regulator', 'BE')?.authority).toContain('CCB');
    const neither = await whatIf({ awarenessAt: AWARE, organization: { nis2Entity: null, mainEstablishment: 'DE' }, affected: [], dataCategories: [] });
    expect(duty(neither, R, 'regulator')).toBeUndefined();
    expect(duty(neither, R, 'recipients-of-services')).toBeUndefined();
  });
});
