import { describe, expect, it } from 'vitest';
import { duty, likelyAvailable as exemption, whatIf } from './support.js';

// Awareness on Monday 2 March 2026 at 15:00 UTC (16:00 CET in Brussels, 15:00 GMT in London). The
// 72 hours of GDPR Art. 33(1) are counted as an exact instant: 2 March 15:00Z + 72 h = 5 March
// 15:00Z, whatever the zone (no daylight-saving change falls between 2 and 5 March 2026).
const AWARE = '2026-03-02T15:00:00Z';
const DUE_72H = '2026-03-05T15:00:00.000Z';
const base = { awarenessAt: AWARE, dataCategories: ['name', 'contact'] };
const deAndFr = [
  { jurisdiction: 'DE', count: 1200 },
  { jurisdiction: 'FR', count: 300 },
];
const finding = (jurisdiction: string, risk: 'unlikely' | 'risk' | 'high') => ({ jurisdiction, risk, rationale: 'Assessed by legal.' });
const regulatorDuties = (result: Awaited<ReturnType<typeof whatIf>>) => result.obligations.filter((o) => o.regime === 'eu-gdpr' && o.id.startsWith('eu-gdpr:regulator:'));

describe('GDPR (Regulation (EU) 2016/679) Arts. 33-34, 55-56', () => {
  const R = 'eu-gdpr';

  it('main establishment in Ireland, people in Germany and France: one notification, to the Irish DPC (Art. 56(1))', async () => {
    const result = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' } });
    expect(result.uncovered.filter((u) => ['DE', 'FR'].includes(u.jurisdiction))).toEqual([]);
    const duties = regulatorDuties(result);
    expect(duties).toHaveLength(1);
    const lead = duty(result, R, 'regulator', 'IE');
    expect(lead?.applies).toBe('yes');
    expect(lead?.authority).toBe('Data Protection Commission (DPC)');
    expect(lead?.authorityLanguages).toEqual(['en']);
    expect(lead?.contact?.url).toMatch(/dataprotection\.ie/);
    // 2 March 15:00Z + 72 h.
    expect(lead?.dueAt).toBe(DUE_72H);
    expect(lead?.reason).toMatch(/main establishment in IE/);
    // No separate duties to the German or French authorities.
    expect(duty(result, R, 'regulator', 'DE')).toBeUndefined();
    expect(duty(result, R, 'regulator', 'FR')).toBeUndefined();
  });

  it('no establishment in the EEA: one duty to each authority where people live, with its languages (Guidelines 9/2022 para 73)', async () => {
    const result = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: null } });
    const duties = regulatorDuties(result);
    expect(duties.map((d) => d.jurisdiction).sort()).toEqual(['DE', 'FR']);
    const de = duty(result, R, 'regulator', 'DE');
    expect(de?.authority).toMatch(/data protection authority of the Land where the organisation is established/);
    expect(de?.authority).toMatch(/BfDI/);
    expect(de?.authorityLanguages).toEqual(['de']);
    const fr = duty(result, R, 'regulator', 'FR');
    expect(fr?.authority).toBe("Commission nationale de l'informatique et des libertés (CNIL)");
    expect(fr?.authorityLanguages).toEqual(['fr']);
    expect(fr?.contact?.url).toBe('https://notifications.cnil.fr/notifications/violation');
    // Both clocks run from the same awareness: 2 March 15:00Z + 72 h.
    expect(de?.dueAt).toBe(DUE_72H);
    expect(fr?.dueAt).toBe(DUE_72H);
  });

  it('a main establishment outside the EEA does not bring the one-stop shop', async () => {
    const result = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'US' } });
    expect(regulatorDuties(result).map((d) => d.jurisdiction).sort()).toEqual(['DE', 'FR']);
  });

  it('Belgium takes French, Dutch or German; Cyprus Greek and English (the authorities\' own pages)', async () => {
    const result = await whatIf({ ...base, affected: [{ jurisdiction: 'BE', count: 10 }, { jurisdiction: 'CY', count: 10 }], organization: { mainEstablishment: null } });
    expect(duty(result, R, 'regulator', 'BE')?.authorityLanguages).toEqual(['fr', 'nl', 'de']);
    expect(duty(result, R, 'regulator', 'CY')?.authorityLanguages).toEqual(['el', 'en']);
  });

  it('every EEA member state has its authority', async () => {
    const eea = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'IS', 'LI', 'NO'];
    const result = await whatIf({ ...base, affected: eea.map((jurisdiction) => ({ jurisdiction, count: 1 })), organization: { mainEstablishment: null } });
    const duties = regulatorDuties(result);
    expect(duties).toHaveLength(30);
    for (const d of duties) {
      expect(d.authorityLanguages.length, d.jurisdiction).toBeGreaterThan(0);
      expect(d.authority, d.jurisdiction).not.toMatch(/competent under GDPR Art. 55/);
    }
  });

  it('a processor tells its controller without undue delay and owes no Art. 33(1) or 34 duty of its own (Art. 33(2))', async () => {
    const result = await whatIf({ ...base, role: 'processor', affected: deAndFr, organization: { mainEstablishment: 'IE' }, legalFindings: [finding('DE', 'high')] });
    const toController = duty(result, R, 'processor-to-controller');
    expect(toController?.applies).toBe('yes');
    expect(toController?.deadline.unit).toBe('without_undue_delay');
    expect(toController?.urgent).toBe(true);
    expect(regulatorDuties(result)).toEqual([]);
    expect(duty(result, R, 'individuals', 'DE')).toBeUndefined();
    expect(duty(result, R, 'breach-documentation')).toBeUndefined();
  });

  it('a controller owes no processor duty, and documents every breach with no due time (Art. 33(5))', async () => {
    const result = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' } });
    expect(duty(result, R, 'processor-to-controller')).toBeUndefined();
    const record = duty(result, R, 'breach-documentation');
    expect(record?.applies).toBe('yes');
    expect(record?.deadline.unit).toBe('unspecified');
    expect(record?.dueAt).toBeNull();
  });

  it('flags the "unlikely to result in a risk" exemption for encrypted data while the key is safe, not once it was taken', async () => {
    const safe = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' }, encrypted: true, keyExposed: false });
    expect(exemption(duty(safe, R, 'regulator', 'IE'), 'unlikely-to-result-in-risk')).toBe(true);
    const keyTaken = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' }, encrypted: true, keyExposed: true });
    expect(exemption(duty(keyTaken, R, 'regulator', 'IE'), 'unlikely-to-result-in-risk')).toBe(false);
    const plain = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' }, encrypted: false });
    expect(exemption(duty(plain, R, 'regulator', 'IE'), 'unlikely-to-result-in-risk')).toBe(false);
  });

  it('a finding that the breach is unlikely to result in a risk makes the exemption available; the duty is still listed for legal to invoke', async () => {
    const result = await whatIf({ ...base, affected: [{ jurisdiction: 'DE', count: 40 }], organization: { mainEstablishment: null }, legalFindings: [finding('DE', 'unlikely')] });
    const de = duty(result, R, 'regulator', 'DE');
    expect(de?.applies).toBe('yes');
    expect(exemption(de, 'unlikely-to-result-in-risk')).toBe(true);
  });

  it('the data subjects are owed notice only on a high-risk finding: undetermined until legal records one (Art. 34(1))', async () => {
    const open = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' } });
    const undetermined = duty(open, R, 'individuals', 'DE');
    expect(undetermined?.applies).toBe('undetermined');
    expect(undetermined?.missingFacts).toContain('legalFindings.DE.risk');

    // A risk, but not a high risk: the authority is told, the people are not.
    const riskOnly = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' }, legalFindings: [finding('DE', 'risk'), finding('FR', 'risk')] });
    expect(duty(riskOnly, R, 'individuals', 'DE')).toBeUndefined();
    expect(duty(riskOnly, R, 'regulator', 'IE')?.applies).toBe('yes');

    // High risk in Germany only: German data subjects are owed notice, the French question stays open.
    const high = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' }, legalFindings: [finding('DE', 'high')] });
    const de = duty(high, R, 'individuals', 'DE');
    expect(de?.applies).toBe('yes');
    expect(de?.deadline.unit).toBe('without_undue_delay');
    expect(duty(high, R, 'individuals', 'FR')?.applies).toBe('undetermined');
  });

  it('flags the Art. 34(3)(a) encryption exemption of the notice to individuals', async () => {
    const result = await whatIf({ ...base, affected: deAndFr, organization: { mainEstablishment: 'IE' }, encrypted: true, keyExposed: false, legalFindings: [finding('DE', 'high')] });
    expect(exemption(duty(result, R, 'individuals', 'DE'), 'data-unintelligible')).toBe(true);
  });
});

describe('UK GDPR Arts. 33-34', () => {
  const R = 'uk-gdpr';

  it('the controller reports to the ICO within 72 hours, online or through the helpline (Art. 33(1))', async () => {
    const result = await whatIf({ ...base, affected: [{ jurisdiction: 'GB', count: 500 }] });
    expect(result.uncovered.filter((u) => u.jurisdiction === 'GB')).toEqual([]);
    const ico = duty(result, R, 'regulator');
    expect(ico?.applies).toBe('yes');
    // 2 March 15:00Z (15:00 GMT) + 72 h = 5 March 15:00Z.
    expect(ico?.dueAt).toBe(DUE_72H);
    expect(ico?.contact?.url).toBe('https://ico.org.uk/for-organisations/report-a-breach/personal-data-breach/');
    expect(ico?.contact?.channel).toMatch(/0303 123 1113/);
  });

  it('a processor tells its controller without undue delay and owes no report of its own (Art. 33(2))', async () => {
    const result = await whatIf({ ...base, role: 'processor', affected: [{ jurisdiction: 'GB', count: 500 }] });
    expect(duty(result, R, 'processor-to-controller')?.deadline.unit).toBe('without_undue_delay');
    expect(duty(result, R, 'regulator')).toBeUndefined();
    expect(duty(result, R, 'individuals')).toBeUndefined();
  });

  it('flags the no-risk exemption for safely encrypted data and on a finding of no likely risk', async () => {
    const encrypted = await whatIf({ ...base, affected: [{ jurisdiction: 'GB', count: 500 }], encrypted: true, keyExposed: false });
    expect(exemption(duty(encrypted, R, 'regulator'), 'unlikely-to-result-in-risk')).toBe(true);
    const noRisk = await whatIf({ ...base, affected: [{ jurisdiction: 'GB', count: 500 }], legalFindings: [finding('GB', 'unlikely')] });
    expect(exemption(duty(noRisk, R, 'regulator'), 'unlikely-to-result-in-risk')).toBe(true);
  });

  it('individuals are owed notice on a high-risk finding only (Art. 34(1))', async () => {
    const open = await whatIf({ ...base, affected: [{ jurisdiction: 'GB', count: 500 }] });
    expect(duty(open, R, 'individuals')?.applies).toBe('undetermined');
    const risk = await whatIf({ ...base, affected: [{ jurisdiction: 'GB', count: 500 }], legalFindings: [finding('GB', 'risk')] });
    expect(duty(risk, R, 'individuals')).toBeUndefined();
    const high = await whatIf({ ...base, affected: [{ jurisdiction: 'GB', count: 500 }], legalFindings: [finding('GB', 'high')] });
    expect(duty(high, R, 'individuals')?.applies).toBe('yes');
  });
});
