import { describe, expect, it } from 'vitest';
import { assess } from '../../src/obligations/assess.js';
import { assessmentFactsSchema } from '../../src/obligations/assessment-facts.js';
import { uncoveredJurisdictions } from '../../src/obligations/coverage.js';
import { regimeSchema } from '../../src/obligations/regime-schema.js';

/**
 * The engine's reading of dates, lead authorities, per-country authorities, voluntary notices and
 * risk findings, on small regimes written here so each rule is seen alone.
 */
const duty = (extra: Record<string, unknown> = {}) => ({
  id: 'regulator',
  recipient: 'regulator',
  authority: 'The authority',
  contact: null,
  scope: 'once',
  trigger: 'A breach.',
  deadline: { amount: 72, unit: 'hours', from: 'awarenessAt' },
  requiredContents: [],
  exemptions: [],
  citation: 'Art. 1',
  source: ['https://law.example/art-1'],
  verification: 'statute',
  verifiedAt: '2026-12-07',
  ...extra,
});
const regime = (extra: Record<string, unknown>, entries: unknown[] = [duty()]) =>
  regimeSchema.parse({ id: 'xx-law', name: 'A law', jurisdictions: ['TH'], coverage: 'affected', timeZone: 'Asia/Bangkok', calendar: null, recipients: entries, ...extra });
const facts = (extra: Record<string, unknown>) => assessmentFactsSchema.parse({ awarenessAt: null, organization: {}, affected: [], dataCategories: ['name'], ...extra });
const run = (regimes: ReturnType<typeof regime>[], extra: Record<string, unknown>) => assess(facts(extra), regimes, new Map(), new Date('2026-12-07T00:00:00Z'));

describe('laws in time', () => {
  // 1 June 2026 starts at 00:00 in Bangkok (UTC+7), which is 17:00 UTC on 31 May.
  const law = regime({ inForceFrom: '2026-06-01', inForceUntil: '2026-12-31' });
  const thai = (awarenessAt: string) => run([law], { awarenessAt, affected: [{ jurisdiction: 'TH', count: 5 }] });

  it('applies from the first moment of its first day in its own zone, not before', () => {
    expect(thai('2026-05-31T16:59:59Z')).toHaveLength(0);
    expect(thai('2026-05-31T17:00:00Z')).toHaveLength(1);
  });

  it('applies to the end of its last day and not after it', () => {
    expect(thai('2026-12-31T16:59:59Z')).toHaveLength(1);
    expect(thai('2026-12-31T17:00:00Z')).toHaveLength(0);
  });

  it('says a place whose law is repealed has no rules in force, with the last day', () => {
    const at = '2027-01-05T00:00:00Z';
    const [place] = uncoveredJurisdictions(facts({ awarenessAt: at, affected: [{ jurisdiction: 'TH', count: 5 }] }), [law], new Date(at));
    expect(place).toMatchObject({ reason: 'not_in_force', message: 'The rules for Thailand applied to breaches until 31 December 2026: decide with counsel' });
  });

  it('dates one duty on its own, so a law phased in brings each duty on its day', () => {
    const phased = regime({}, [duty(), duty({ id: 'individuals', recipient: 'individuals', inForceFrom: '2027-01-01' })]);
    const ids = (awarenessAt: string) => run([phased], { awarenessAt, affected: [{ jurisdiction: 'TH', count: 5 }] }).map((o) => o.id);
    expect(ids('2026-12-31T16:59:59Z')).toEqual(['xx-law:regulator:TH']);
    expect(ids('2026-12-31T17:00:00Z').sort()).toEqual(['xx-law:individuals:TH', 'xx-law:regulator:TH']);
  });

  it('refuses a duty that ends before it starts', () => {
    expect(() => regime({}, [duty({ inForceFrom: '2027-01-01', inForceUntil: '2026-01-01' })])).toThrow(/ends \(2026-01-01\) before it starts \(2027-01-01\)/);
  });
});

describe('lead authorities and each country’s authority', () => {
  const authorities = {
    IE: { name: 'Data Protection Commission', contact: { channel: 'web form', url: 'https://dpc.example/breach' }, languages: ['en', 'ga'] },
    DE: { name: 'Landesbeauftragte', contact: null, languages: ['de'] },
    FR: { name: 'CNIL', contact: { channel: 'téléservice', url: 'https://cnil.example/notifier', email: 'notif@cnil.example' }, languages: ['fr'] },
  };
  const gdprLike = regime({ id: 'eu-like', jurisdictions: ['EEA'], timeZone: 'Europe/Brussels' }, [duty({ scope: 'lead_authority', authorities })]);
  const affected = [{ jurisdiction: 'DE', count: 40 }, { jurisdiction: 'FR', count: 2 }];
  const at = '2026-03-02T15:00:00Z';

  it('owes one notification to the authority of the main establishment, for everyone affected', () => {
    const [only, ...rest] = run([gdprLike], { awarenessAt: at, affected, organization: { mainEstablishment: 'IE' } });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ id: 'eu-like:regulator:IE', jurisdiction: 'IE', authority: 'Data Protection Commission', authorityLanguages: ['en', 'ga'], dueAt: '2026-03-05T15:00:00.000Z' });
    expect(only?.reason).toBe('42 affected in IE: 40 in DE (DE is an EEA member state), 2 in FR (FR is an EEA member state); main establishment in IE: one notification, to its lead authority');
  });

  it('owes each authority where people live when the organisation has no establishment in the territory', () => {
    const found = run([gdprLike], { awarenessAt: at, affected, organization: { mainEstablishment: null } });
    expect(found.map((o) => [o.jurisdiction, o.authority, o.contact?.email ?? null])).toEqual([
      ['DE', 'Landesbeauftragte', null],
      ['FR', 'CNIL', 'notif@cnil.example'],
    ]);
    expect(found[0]?.reason).toContain('no main establishment in EEA: owed to the authority of each country where people live');
  });

  it('treats an establishment outside the territory as none, and an unrecorded one as still to be recorded', () => {
    expect(run([gdprLike], { awarenessAt: at, affected, organization: { mainEstablishment: 'US' } }).map((o) => o.jurisdiction)).toEqual(['DE', 'FR']);
    const unknown = run([gdprLike], { awarenessAt: at, affected });
    expect(unknown[0]?.reason).toContain('main establishment not recorded');
  });

  it('owes a duty to a country’s authority only from the day its national law brings it in', () => {
    const national = regime({ id: 'eu-like', jurisdictions: ['EU'], timeZone: 'Europe/Brussels' }, [
      duty({ scope: 'lead_authority', authorities: { DE: { ...authorities.DE, inForceFrom: '2025-12-06' } } }),
    ]);
    // 6 December 2025 begins at 23:00 UTC on the 5th in Brussels (CET, UTC+1).
    const ids = (awarenessAt: string) => run([national], { awarenessAt, affected: [{ jurisdiction: 'DE', count: 1 }], organization: { mainEstablishment: 'DE' } }).map((o) => o.id);
    expect(ids('2025-12-05T22:59:59Z')).toEqual([]);
    expect(ids('2025-12-05T23:00:00Z')).toEqual(['eu-like:regulator:DE']);
  });
});

describe('voluntary notices and risk findings', () => {
  it('marks a notice the regulator asks for but no law requires', () => {
    const guidance = regime({ id: 'hk-like', jurisdictions: ['HK'], timeZone: 'Asia/Hong_Kong' }, [duty({ voluntary: true, deadline: { amount: null, unit: 'as_soon_as_practicable', from: 'awarenessAt' } })]);
    expect(run([guidance], { affected: [{ jurisdiction: 'HK', count: 3 }] })[0]).toMatchObject({ voluntary: true, applies: 'yes' });
  });

  const highRisk = regime({}, [duty({ id: 'individuals', recipient: 'individuals', appliesWhen: { riskFinding: 'high' }, deadline: { amount: null, unit: 'without_undue_delay', from: 'awarenessAt' } })]);
  const withFinding = (finding: Record<string, unknown> | null) =>
    run([highRisk], { awarenessAt: '2026-03-02T15:00:00Z', affected: [{ jurisdiction: 'TH', count: 5 }], legalFindings: finding === null ? [] : [{ jurisdiction: 'TH', rationale: 'Scored.', ...finding }] });

  it('holds a high-risk duty undetermined until legal records a risk, then follows it', () => {
    expect(withFinding(null)[0]).toMatchObject({ applies: 'undetermined', missingFacts: ['legalFindings.TH.risk'] });
    expect(withFinding({ risk: 'high' })[0]?.applies).toBe('yes');
    expect(withFinding({ risk: 'risk' })).toEqual([]);
  });

  it('reads an ENISA score as its band’s risk when legal gives none, and legal’s own risk over it', () => {
    // DPC 3 (financial data) x EI 1 (names with it) + 0.5 (disclosed to unknown recipients) = 3.5: high.
    const severity = { method: 'enisa-2013', dataProcessingContext: 3, easeOfIdentification: 1, circumstances: { confidentiality: 0.5, integrity: 0, availability: 0, maliciousIntent: 0 } };
    expect(withFinding({ severity })[0]?.applies).toBe('yes');
    expect(withFinding({ severity, risk: 'risk' })).toEqual([]);
  });
});
