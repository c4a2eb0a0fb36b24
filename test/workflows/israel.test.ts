import { describe, expect, it } from 'vitest';
import { duty, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC (17:00 IST, UTC+2, in Jerusalem).
const AWARE = '2026-03-02T15:00:00Z';
const R = 'il-privacy-protection';

describe('Israel (Protection of Privacy (Data Security) Regulations 5777-2017 reg. 11)', () => {
  it('a severe security incident is reported to the Privacy Protection Authority immediately: no day count, urgent from discovery (reg. 11(d)(1))', async () => {
    const result = await whatIf({ awarenessAt: AWARE, affected: people('IL', 5000), dataCategories: ['name', 'health'] });
    const ppa = duty(result, R, 'regulator');
    expect(ppa?.applies).toBe('yes');
    expect(ppa?.authority).toContain('Privacy Protection Authority');
    expect(ppa?.deadline.unit).toBe('immediate');
    expect(ppa?.dueAt).toBeNull();
    expect(ppa?.urgent).toBe(true);
    expect(ppa?.authorityLanguages).toEqual(['he']);
    expect(ppa?.contact?.url).toBe('https://formspdf.justice.gov.il/PrivacyProtectionAuthority/ReportingSecurityIncident.aspx');
    expect(result.uncovered.filter((u) => u.jurisdiction === 'IL')).toEqual([]);
  });

  it('data subjects are told only when the Authority orders it: listed with no time limit of its own, never urgent (reg. 11)', async () => {
    const individuals = duty(await whatIf({ awarenessAt: AWARE, affected: people('IL', 5000), dataCategories: ['name'] }), R, 'individuals');
    expect(individuals?.deadline.unit).toBe('unspecified');
    expect(individuals?.dueAt).toBeNull();
    expect(individuals?.urgent).toBe(false);
  });

  it('the Regulations apply from 8 May 2018: a breach discovered the evening before brings no duty', async () => {
    // 8 May 2018 00:00 IDT (UTC+3) = 7 May 21:00Z.
    expect(duty(await whatIf({ awarenessAt: '2018-05-07T20:59:59Z', affected: people('IL', 5000), dataCategories: ['name'] }), R, 'regulator')).toBeUndefined();
    expect(duty(await whatIf({ awarenessAt: '2018-05-07T21:00:00Z', affected: people('IL', 5000), dataCategories: ['name'] }), R, 'regulator')?.applies).toBe('yes');
  });

  it('is brought by people in Israel, not elsewhere', async () => {
    expect(duty(await whatIf({ awarenessAt: AWARE, affected: people('JP', 5000), dataCategories: ['name'] }), R, 'regulator')).toBeUndefined();
  });
});
