import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, people, whatIf } from './support.js';

// Awareness on Monday 2 March 2026 at 15:00 UTC: 16:00 CET in Brussels and Zurich, 18:00 in
// Istanbul (UTC+3 all year). Hour-counted limits are exact instants; day-counted ones end at local
// midnight (CET, UTC+1, until 29 March 2026).
const AWARE = '2026-03-02T15:00:00Z';
const base = { awarenessAt: AWARE, dataCategories: ['name', 'contact'] };

describe('EU ePrivacy: Commission Regulation (EU) No 611/2013', () => {
  const R = 'eu-eprivacy-611-2013';
  const provider = { electronicCommunicationsProvider: true };

  it('a provider notifies the competent national authority within 24 hours of detection (Art. 2(2))', async () => {
    const result = await whatIf({ ...base, organization: provider, affected: people('DE', 800) });
    const authority = duty(result, R, 'regulator', 'DE');
    expect(authority?.applies).toBe('yes');
    // 2 March 15:00Z + 24 h = 3 March 15:00Z.
    expect(authority?.dueAt).toBe('2026-03-03T15:00:00.000Z');
    expect(authority?.stages.find((s) => s.id.endsWith(':initial'))?.dueAt).toBe('2026-03-03T15:00:00.000Z');
    // GDPR still governs the same people: the sector rule adds to it.
    expect(result.uncovered).toEqual([]);
    expect(result.obligations.some((o) => o.regime === 'eu-gdpr')).toBe(true);
  });

  it('the second notification is due within three days of the initial one (Art. 2(3))', async () => {
    // Initial notification submitted 3 March 10:00Z (11:00 CET): + 3 days = end of 6 March CET = 22:59:59.999Z.
    const result = await whatIf({
      ...base,
      organization: provider,
      affected: people('DE', 800),
      stagesSubmittedAt: { 'eu-eprivacy-611-2013:regulator:DE:initial': '2026-03-03T10:00:00Z' },
    });
    const second = duty(result, R, 'regulator', 'DE')?.stages.find((s) => s.id.endsWith(':second'));
    expect(second?.dueAt).toBe('2026-03-06T22:59:59.999Z');
    const waiting = await whatIf({ ...base, organization: provider, affected: people('DE', 800) });
    expect(duty(waiting, R, 'regulator', 'DE')?.stages.find((s) => s.id.endsWith(':second'))?.missingFacts).toContain('stagesSubmittedAt.eu-eprivacy-611-2013:regulator:DE:initial');
  });

  it('binds only providers of publicly available electronic communications services (Art. 1)', async () => {
    const other = await whatIf({ ...base, affected: people('DE', 800) });
    expect(duty(other, R, 'regulator', 'DE')).toBeUndefined();
    expect(duty(other, R, 'individuals', 'DE')).toBeUndefined();
  });

  it('one duty for each member state whose subscribers are affected; none for people outside the EEA', async () => {
    const result = await whatIf({ ...base, organization: { ...provider, mainEstablishment: 'IE' }, affected: [{ jurisdiction: 'DE', count: 10 }, { jurisdiction: 'NL', count: 10 }, { jurisdiction: 'US-CA', count: 10 }] });
    const duties = result.obligations.filter((o) => o.regime === R && o.id.startsWith(`${R}:regulator:`));
    expect(duties.map((d) => d.jurisdiction).sort()).toEqual(['DE', 'NL']);
  });

  it('subscribers are notified without undue delay where an adverse effect is likely: undetermined until legal finds it (Art. 3)', async () => {
    const open = await whatIf({ ...base, organization: provider, affected: people('DE', 800) });
    expect(duty(open, R, 'individuals', 'DE')?.applies).toBe('undetermined');
    const likely = await whatIf({ ...base, organization: provider, affected: people('DE', 800), legalFindings: [{ jurisdiction: 'DE', harm: 'likely', rationale: 'Call records exposed.' }] });
    const notice = duty(likely, R, 'individuals', 'DE');
    expect(notice?.applies).toBe('yes');
    expect(notice?.deadline.unit).toBe('without_undue_delay');
    const unlikely = await whatIf({ ...base, organization: provider, affected: people('DE', 800), legalFindings: [{ jurisdiction: 'DE', harm: 'unlikely', rationale: 'Recovered unread.' }] });
    expect(duty(unlikely, R, 'individuals', 'DE')).toBeUndefined();
    // The authority is told of every breach, whatever the effect.
    expect(duty(unlikely, R, 'regulator', 'DE')?.applies).toBe('yes');
  });

  it('flags the technological protection exemption for encrypted data whose key is safe (Art. 4)', async () => {
    const safe = await whatIf({ ...base, organization: provider, affected: people('DE', 800), encrypted: true, keyExposed: false });
    expect(exemption(duty(safe, R, 'individuals', 'DE'), 'technological-protection-measures')).toBe(true);
    const keyTaken = await whatIf({ ...base, organization: provider, affected: people('DE', 800), encrypted: true, keyExposed: true });
    expect(exemption(duty(keyTaken, R, 'individuals', 'DE'), 'technological-protection-measures')).toBe(false);
  });
});

describe('Switzerland: FADP Art. 24 and DPO Art. 15', () => {
  const R = 'ch-revfadp';
  const high = [{ jurisdiction: 'CH', risk: 'high', rationale: 'Health data exposed.' }];

  it('in force from 1 September 2023: a breach learned of the day before brings no duty', async () => {
    // 31 August 2023 23:59:59 CEST = 21:59:59Z; 1 September 2023 00:00 CEST = 31 August 22:00Z.
    const before = await whatIf({ awarenessAt: '2023-08-31T21:59:59Z', dataCategories: ['name'], affected: people('CH', 100), legalFindings: high });
    expect(before.obligations.filter((o) => o.regime === R)).toEqual([]);
    expect(before.uncovered.find((u) => u.jurisdiction === 'CH')?.reason).toBe('not_in_force');
    const onTheDay = await whatIf({ awarenessAt: '2023-08-31T22:00:00Z', dataCategories: ['name'], affected: people('CH', 100), legalFindings: high });
    expect(duty(onTheDay, R, 'regulator')?.applies).toBe('yes');
    expect(onTheDay.uncovered).toEqual([]);
  });

  it('the FDPIC is notified as quickly as possible of a breach likely to lead to a high risk: undetermined until the finding (Art. 24(1))', async () => {
    const open = await whatIf({ ...base, affected: people('CH', 100) });
    const undetermined = duty(open, R, 'regulator');
    expect(undetermined?.applies).toBe('undetermined');
    expect(undetermined?.missingFacts).toContain('legalFindings.CH.risk');
    const risk = await whatIf({ ...base, affected: people('CH', 100), legalFindings: [{ jurisdiction: 'CH', risk: 'risk', rationale: 'Limited exposure.' }] });
    expect(duty(risk, R, 'regulator')).toBeUndefined();
    const report = duty(await whatIf({ ...base, affected: people('CH', 100), legalFindings: high }), R, 'regulator');
    expect(report?.applies).toBe('yes');
    // "As quickly as possible": no number of hours, urgent from awareness.
    expect(report?.deadline.unit).toBe('as_soon_as_practicable');
    expect(report?.dueAt).toBeNull();
    expect(report?.urgent).toBe(true);
    expect(report?.authorityLanguages).toEqual(['de', 'fr', 'it']);
    expect(report?.contact?.url).toBe('https://www.edoeb.admin.ch/edoeb/en/home/meldeportale/databreach.html');
  });

  it('a processor tells the controller as quickly as possible, whatever the risk (Art. 24(3))', async () => {
    const result = await whatIf({ ...base, role: 'processor', affected: people('CH', 100) });
    expect(duty(result, R, 'processor-to-controller')?.deadline.unit).toBe('as_soon_as_practicable');
    expect(duty(result, R, 'regulator')).toBeUndefined();
    expect(duty(result, R, 'individuals')).toBeUndefined();
  });

  it('data subjects are informed where their protection requires it, a point legal judges, with no time set (Art. 24(4))', async () => {
    const notice = duty(await whatIf({ ...base, affected: people('CH', 100) }), R, 'individuals');
    expect(notice?.applies).toBe('yes');
    expect(notice?.reason).toMatch(/legal to judge/);
    expect(notice?.deadline.unit).toBe('unspecified');
  });
});

describe('Turkey: KVKK Art. 12(5) and Board Decision 2019/10', () => {
  const R = 'tr-kvkk';
  const leaked = { confidentiality: true };

  it('the Board is notified within 72 hours of learning of the breach, in Istanbul time', async () => {
    const result = await whatIf({ ...base, nature: leaked, affected: people('TR', 2000) });
    expect(result.uncovered).toEqual([]);
    const board = duty(result, R, 'regulator');
    expect(board?.applies).toBe('yes');
    expect(board?.timeZone).toBe('Europe/Istanbul');
    // 2 March 18:00 Istanbul (15:00Z) + 72 h = 5 March 18:00 Istanbul = 15:00Z.
    expect(board?.dueAt).toBe('2026-03-05T15:00:00.000Z');
    expect(board?.contact?.url).toBe('https://ihlalbildirim.kvkk.gov.tr/');
    expect(duty(result, R, 'individuals')?.deadline.unit).toBe('as_soon_as_practicable');
  });

  it('only data obtained by others unlawfully is a breach: undetermined until the nature is recorded, absent for an integrity breach alone', async () => {
    const open = duty(await whatIf({ ...base, affected: people('TR', 2000) }), R, 'regulator');
    expect(open?.applies).toBe('undetermined');
    expect(open?.missingFacts).toContain('nature.confidentiality');
    const altered = await whatIf({ ...base, nature: { confidentiality: false, integrity: true }, affected: people('TR', 2000) });
    expect(duty(altered, R, 'regulator')).toBeUndefined();
    expect(duty(altered, R, 'individuals')).toBeUndefined();
  });

  it('a data processor tells its controller without delay and owes the Board nothing itself', async () => {
    const result = await whatIf({ ...base, role: 'processor', nature: leaked, affected: people('TR', 2000) });
    expect(duty(result, R, 'processor-to-controller')?.deadline.unit).toBe('immediate');
    expect(duty(result, R, 'regulator')).toBeUndefined();
  });
});
