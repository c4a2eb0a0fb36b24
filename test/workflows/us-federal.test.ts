import { describe, expect, it } from 'vitest';
import type { AssessmentFacts } from '../../src/obligations/assessment-facts.js';
import { duty, people, whatIf } from './support.js';

// Discovery on Monday 2 March 2026 at 15:00 UTC, 10:00 in New York (EST, UTC-5). Daylight saving
// time begins on 8 March 2026, so a day-counted limit that ends after that ends at 23:59:59.999 EDT
// (UTC-4), and one that ends after 1 November 2026 at 23:59:59.999 EST again.
const AWARE = '2026-03-02T15:00:00Z';
const ANY_US = [{ jurisdiction: 'US-CA', count: 600 }];

describe('FTC Safeguards Rule (16 CFR 314.4(j))', () => {
  const institution = { ftcFinancialInstitution: true };
  const base: Partial<AssessmentFacts> = { awarenessAt: AWARE, organization: institution, dataCategories: ['name', 'financial_account'], media: ['electronic'] };

  it('notifies the FTC at 500 consumers, not at 499 ("at least 500 consumers")', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-CA', 499) }), 'us-ftc-safeguards', 'regulator')).toBeUndefined();
    const at500 = duty(await whatIf({ ...base, affected: people('US-CA', 500) }), 'us-ftc-safeguards', 'regulator');
    expect(at500?.applies).toBe('yes');
    expect(at500?.jurisdiction).toBe('US');
  });

  it('counts consumers across states as one US-wide number', async () => {
    const split = await whatIf({ ...base, affected: [{ jurisdiction: 'US-CA', count: 300 }, { jurisdiction: 'US-TX', count: 200 }] });
    expect(duty(split, 'us-ftc-safeguards', 'regulator')).toBeDefined();
  });

  it('is due no later than 30 days after discovery, at midnight in Washington', async () => {
    // 2 March + 30 days = 1 April 2026, which ends at 23:59:59.999 EDT = 03:59:59.999Z on 2 April.
    const notice = duty(await whatIf({ ...base, affected: ANY_US }), 'us-ftc-safeguards', 'regulator');
    expect(notice?.dueAt).toBe('2026-04-02T03:59:59.999Z');
  });

  it('binds only financial institutions under the FTC', async () => {
    expect(duty(await whatIf({ ...base, organization: {}, affected: ANY_US }), 'us-ftc-safeguards', 'regulator')).toBeUndefined();
  });

  it('counts any customer information, not only the state-law elements: an email list of 600 customers', async () => {
    const emails = duty(await whatIf({ ...base, dataCategories: ['contact'], affected: ANY_US }), 'us-ftc-safeguards', 'regulator');
    expect(emails).toBeDefined();
  });

  it('flags the encryption rule while the key is safe, not once the key was accessed', async () => {
    const safe = duty(await whatIf({ ...base, affected: ANY_US, encrypted: true, keyExposed: false }), 'us-ftc-safeguards', 'regulator');
    expect(safe?.exemptions.find((e) => e.id === 'encrypted-data')?.likelyAvailable).toBe(true);
    const keyTaken = duty(await whatIf({ ...base, affected: ANY_US, encrypted: true, keyExposed: true }), 'us-ftc-safeguards', 'regulator');
    expect(keyTaken?.exemptions.find((e) => e.id === 'encrypted-data')?.likelyAvailable).toBe(false);
  });

  it('is not postponed by a law-enforcement request: only the FTC’s publication waits', async () => {
    const held = duty(await whatIf({ ...base, affected: ANY_US, lawEnforcementDelayUntil: '2026-06-30' }), 'us-ftc-safeguards', 'regulator');
    expect(held?.dueAt).toBe('2026-04-02T03:59:59.999Z');
  });

  it('applies to events discovered from 13 May 2024 (16 CFR 314.5)', async () => {
    const before = await whatIf({ ...base, awarenessAt: '2024-05-12T15:00:00Z', affected: ANY_US });
    expect(duty(before, 'us-ftc-safeguards', 'regulator')).toBeUndefined();
    const after = await whatIf({ ...base, awarenessAt: '2024-05-13T15:00:00Z', affected: ANY_US });
    expect(duty(after, 'us-ftc-safeguards', 'regulator')).toBeDefined();
  });

  it('600 residents with name and SSN: the FTC notice has a due time', async () => {
    const notice = duty(await whatIf({ ...base, dataCategories: ['name', 'national_id'], affected: ANY_US }), 'us-ftc-safeguards', 'regulator');
    expect(notice?.dueAt).not.toBeNull();
  });
});

describe('FTC Health Breach Notification Rule (16 CFR part 318)', () => {
  const vendor = { phrVendor: true };
  const base: Partial<AssessmentFacts> = { awarenessAt: AWARE, organization: vendor, dataCategories: ['name', 'health'] };

  it('notifies individuals no later than 60 calendar days after discovery', async () => {
    // 2 March + 60 days = 1 May 2026, ending 23:59:59.999 EDT = 03:59:59.999Z on 2 May.
    const notice = duty(await whatIf({ ...base, affected: people('US-CA', 3) }), 'us-ftc-hbnr', 'individuals');
    expect(notice?.dueAt).toBe('2026-05-02T03:59:59.999Z');
    expect(notice?.deadline.unit).toBe('calendar_days');
  });

  it('notifies the FTC with the individuals at 500, and logs 499 for the year', async () => {
    const at500 = await whatIf({ ...base, affected: people('US-CA', 500) });
    expect(duty(at500, 'us-ftc-hbnr', 'regulator')?.dueAt).toBe('2026-05-02T03:59:59.999Z');
    expect(duty(at500, 'us-ftc-hbnr', 'regulator-annual')).toBeUndefined();
    const at499 = await whatIf({ ...base, affected: people('US-CA', 499) });
    expect(duty(at499, 'us-ftc-hbnr', 'regulator')).toBeUndefined();
    // Discovered in 2026: the log is due 60 calendar days after 31 December 2026, on 1 March 2027
    // (31 days of January and 28 of February make 59), ending 23:59:59.999 EST = 04:59:59.999Z on 2 March.
    expect(duty(at499, 'us-ftc-hbnr', 'regulator-annual')?.dueAt).toBe('2027-03-02T04:59:59.999Z');
  });

  it('notifies the media of a state above 500 of its residents, not at 500', async () => {
    // HITECH 13402(e)(2), applied by 13407(c): "more than 500 residents of such State or jurisdiction".
    expect(duty(await whatIf({ ...base, affected: people('US-CA', 500) }), 'us-ftc-hbnr', 'media')).toBeUndefined();
    const media = duty(await whatIf({ ...base, affected: people('US-CA', 501) }), 'us-ftc-hbnr', 'media', 'US-CA');
    expect(media?.dueAt).toBe('2026-05-02T03:59:59.999Z');
  });

  it('does not bind HIPAA covered entities (16 CFR 318.1)', async () => {
    const hipaa = await whatIf({ ...base, organization: { phrVendor: true, hipaaCoveredEntity: true }, affected: ANY_US });
    expect(duty(hipaa, 'us-ftc-hbnr', 'individuals')).toBeUndefined();
  });

  it('has a service provider tell the vendor, within the same 60 calendar days', async () => {
    const provider = await whatIf({ awarenessAt: AWARE, role: 'processor', dataCategories: ['health'], affected: ANY_US });
    expect(duty(provider, 'us-ftc-hbnr', 'vendor-notice')?.dueAt).toBe('2026-05-02T03:59:59.999Z');
    const owner = await whatIf({ awarenessAt: AWARE, role: 'controller', dataCategories: ['health'], affected: ANY_US });
    expect(duty(owner, 'us-ftc-hbnr', 'vendor-notice')).toBeUndefined();
  });

  it('flags secured information while the key is safe, not once it was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: ANY_US, encrypted: true, keyExposed: false }), 'us-ftc-hbnr', 'individuals');
    expect(safe?.exemptions.find((e) => e.id === 'secured-information')?.likelyAvailable).toBe(true);
    const exposed = duty(await whatIf({ ...base, affected: ANY_US, encrypted: true, keyExposed: true }), 'us-ftc-hbnr', 'individuals');
    expect(exposed?.exemptions.find((e) => e.id === 'secured-information')?.likelyAvailable).toBe(false);
  });

  it('waits for law enforcement when asked (16 CFR 318.4(c))', async () => {
    // The delay runs to the end of 15 June 2026 in New York: 23:59:59.999 EDT = 03:59:59.999Z on 16 June.
    const held = duty(await whatIf({ ...base, affected: ANY_US, lawEnforcementDelayUntil: '2026-06-15' }), 'us-ftc-hbnr', 'individuals');
    expect(held?.dueAt).toBe('2026-06-16T03:59:59.999Z');
  });

  it('600 residents with name and SSN: the individuals notice has a due time', async () => {
    const notice = duty(await whatIf({ ...base, dataCategories: ['name', 'national_id'], affected: ANY_US }), 'us-ftc-hbnr', 'individuals');
    expect(notice?.dueAt).toBe('2026-05-02T03:59:59.999Z');
  });
});

describe('Banking agencies’ computer-security incident rule (12 CFR 53.3, 225.302, 304.23)', () => {
  const bank = { bankingOrganization: true };

  it('notifies the primary federal regulator within 36 hours of determining a notification incident', async () => {
    const notice = duty(await whatIf({ awarenessAt: AWARE, assessedNotifiableAt: AWARE, organization: bank, nature: { availability: true } }), 'us-banking-computer-security-incident', 'regulator');
    // 15:00Z on 2 March + 36 hours = 03:00Z on 4 March.
    expect(notice?.dueAt).toBe('2026-03-04T03:00:00.000Z');
    expect(notice?.jurisdiction).toBe('US');
  });

  it('counts from the determination, not from first awareness', async () => {
    const later = duty(
      await whatIf({ awarenessAt: AWARE, assessedNotifiableAt: '2026-03-03T09:30:00Z', organization: bank, nature: { integrity: true } }),
      'us-banking-computer-security-incident',
      'regulator',
    );
    expect(later?.dueAt).toBe('2026-03-04T21:30:00.000Z');
    const undecided = duty(await whatIf({ awarenessAt: AWARE, organization: bank, nature: { availability: true } }), 'us-banking-computer-security-incident', 'regulator');
    expect(undecided?.dueAt).toBeNull();
    expect(undecided?.missingFacts).toContain('assessedNotifiableAt');
  });

  it('needs actual harm to confidentiality, integrity or availability; open until the nature is recorded', async () => {
    const harmless = await whatIf({ awarenessAt: AWARE, organization: bank, nature: { confidentiality: false, integrity: false, availability: false } });
    expect(duty(harmless, 'us-banking-computer-security-incident', 'regulator')).toBeUndefined();
    const unrecorded = duty(await whatIf({ awarenessAt: AWARE, organization: bank }), 'us-banking-computer-security-incident', 'regulator');
    expect(unrecorded?.applies).toBe('undetermined');
  });

  it('binds banking organizations only, wherever the people are', async () => {
    expect(duty(await whatIf({ awarenessAt: AWARE, nature: { availability: true } }), 'us-banking-computer-security-incident', 'regulator')).toBeUndefined();
    const abroad = await whatIf({ awarenessAt: AWARE, organization: bank, nature: { availability: true }, affected: people('DE', 40) });
    expect(duty(abroad, 'us-banking-computer-security-incident', 'regulator')).toBeDefined();
  });

  it('has a bank service provider tell its bank customers as soon as possible, with the maintenance exception', async () => {
    const provider = duty(await whatIf({ awarenessAt: AWARE, assessedNotifiableAt: AWARE, organization: { bankServiceProvider: true }, nature: { availability: true } }), 'us-banking-computer-security-incident', 'bank-customers');
    expect(provider?.deadline.unit).toBe('as_soon_as_practicable');
    expect(provider?.urgent).toBe(true);
    expect(provider?.reason).toContain('four or more hours');
    expect(provider?.exemptions.map((e) => e.id)).toContain('scheduled-maintenance');
  });

  it('600 residents with name and SSN at a bank: the regulator notice is listed with its 36 hours', async () => {
    const notice = duty(
      await whatIf({ awarenessAt: AWARE, assessedNotifiableAt: AWARE, organization: bank, nature: { confidentiality: true }, affected: ANY_US, dataCategories: ['name', 'national_id'] }),
      'us-banking-computer-security-incident',
      'regulator',
    );
    expect(notice?.dueAt).toBe('2026-03-04T03:00:00.000Z');
  });
});

describe('NYDFS (23 NYCRR 500.17)', () => {
  const dfs = { dfsRegulated: true };

  it('notifies the Superintendent within 72 hours of determining a cybersecurity incident, owed in New York', async () => {
    const notice = duty(await whatIf({ awarenessAt: AWARE, assessedNotifiableAt: AWARE, organization: dfs, affected: people('US-CA', 12) }), 'us-nydfs-500', 'regulator');
    expect(notice?.dueAt).toBe('2026-03-05T15:00:00.000Z');
    expect(notice?.jurisdiction).toBe('US-NY');
  });

  it('gives notice of an extortion payment within 24 hours of the payment, and the written description within 30 days', async () => {
    // Paid at 02:30Z on 3 March, 21:30 on 2 March in New York.
    const paid = duty(
      await whatIf({ awarenessAt: AWARE, organization: dfs, nature: { ransomPaid: true }, extortionPaidAt: '2026-03-03T02:30:00Z' }),
      'us-nydfs-500',
      'extortion-payment',
    );
    expect(paid?.dueAt).toBe('2026-03-04T02:30:00.000Z');
    expect(paid?.stages.find((s) => s.id.endsWith(':paymentNotice'))?.dueAt).toBe('2026-03-04T02:30:00.000Z');
    // 30 days from the New York date of the payment, 2 March: 1 April 2026, ending 23:59:59.999 EDT.
    const description = paid?.stages.find((s) => s.id.endsWith(':writtenDescription'));
    expect(description?.dueAt).toBe('2026-04-02T03:59:59.999Z');
    expect(description?.requiredContents.map((c) => c.field)).toEqual(['reasonsPaymentNecessary', 'alternativesConsidered', 'alternativesDiligence', 'sanctionsDiligence']);
  });

  it('owes no extortion notice without a payment; open until it is recorded', async () => {
    expect(duty(await whatIf({ awarenessAt: AWARE, organization: dfs, nature: { ransomPaid: false } }), 'us-nydfs-500', 'extortion-payment')).toBeUndefined();
    const unknown = duty(await whatIf({ awarenessAt: AWARE, organization: dfs }), 'us-nydfs-500', 'extortion-payment');
    expect(unknown?.applies).toBe('undetermined');
    expect(unknown?.missingFacts).toEqual(expect.arrayContaining(['nature.ransomPaid', 'extortionPaidAt']));
  });

  it('binds DFS-regulated entities only', async () => {
    const other = await whatIf({ awarenessAt: AWARE, assessedNotifiableAt: AWARE, affected: people('US-NY', 600), nature: { ransomPaid: true } });
    expect(duty(other, 'us-nydfs-500', 'regulator')).toBeUndefined();
    expect(duty(other, 'us-nydfs-500', 'extortion-payment')).toBeUndefined();
  });

  it('600 New York residents with name and SSN at a DFS entity: the 72-hour notice is listed', async () => {
    const notice = duty(await whatIf({ awarenessAt: AWARE, assessedNotifiableAt: AWARE, organization: dfs, affected: people('US-NY', 600), dataCategories: ['name', 'national_id'] }), 'us-nydfs-500', 'regulator');
    expect(notice?.dueAt).toBe('2026-03-05T15:00:00.000Z');
  });
});

describe('HIPAA Breach Notification Rule (45 CFR 164.400-414)', () => {
  const entity = { hipaaCoveredEntity: true };
  const base: Partial<AssessmentFacts> = { awarenessAt: AWARE, organization: entity, dataCategories: ['name', 'health'] };

  it('treats any identifiable information a covered entity holds as PHI: names and addresses alone', async () => {
    const notice = duty(await whatIf({ ...base, dataCategories: ['name', 'contact'], affected: people('US-CA', 3) }), 'us-hipaa', 'individuals');
    expect(notice?.dueAt).toBe('2026-05-02T03:59:59.999Z');
  });

  it('reports to HHS at 500 individuals, and logs 499 for 60 days after the year ends', async () => {
    const at500 = await whatIf({ ...base, affected: people('US-CA', 500) });
    expect(duty(at500, 'us-hipaa', 'regulator')?.dueAt).toBe('2026-05-02T03:59:59.999Z');
    expect(duty(at500, 'us-hipaa', 'regulator-annual')).toBeUndefined();
    const at499 = await whatIf({ ...base, affected: people('US-CA', 499) });
    expect(duty(at499, 'us-hipaa', 'regulator')).toBeUndefined();
    // 60 days after 31 December 2026: 1 March 2027, ending 23:59:59.999 EST.
    expect(duty(at499, 'us-hipaa', 'regulator-annual')?.dueAt).toBe('2027-03-02T04:59:59.999Z');
  });

  it('notifies the media of a state above 500 residents (164.406: "more than 500")', async () => {
    expect(duty(await whatIf({ ...base, affected: people('US-CA', 500) }), 'us-hipaa', 'media')).toBeUndefined();
    expect(duty(await whatIf({ ...base, affected: people('US-CA', 501) }), 'us-hipaa', 'media', 'US-CA')).toBeDefined();
  });

  it('has a business associate tell the covered entity within 60 calendar days (164.410)', async () => {
    const associate = await whatIf({ ...base, organization: { hipaaBusinessAssociate: true }, affected: people('US-CA', 3) });
    const notice = duty(associate, 'us-hipaa', 'covered-entity-notice');
    expect(notice?.dueAt).toBe('2026-05-02T03:59:59.999Z');
    expect(notice?.requiredContents.map((c) => c.field)).toEqual(['affectedIndividuals', 'informationForIndividualNotice']);
    expect(duty(associate, 'us-hipaa', 'individuals')).toBeUndefined();
  });

  it('flags secured PHI while the key is safe, not once it was exposed', async () => {
    const safe = duty(await whatIf({ ...base, affected: ANY_US, encrypted: true, keyExposed: false }), 'us-hipaa', 'individuals');
    expect(safe?.exemptions.find((e) => e.id === 'secured-phi')?.likelyAvailable).toBe(true);
    const exposed = duty(await whatIf({ ...base, affected: ANY_US, encrypted: true, keyExposed: true }), 'us-hipaa', 'individuals');
    expect(exposed?.exemptions.find((e) => e.id === 'secured-phi')?.likelyAvailable).toBe(false);
  });

  it('makes the low-probability-of-compromise exemption available once legal records harm unlikely', async () => {
    const none = duty(await whatIf({ ...base, affected: ANY_US }), 'us-hipaa', 'individuals');
    expect(none?.exemptions.find((e) => e.id === 'low-probability-of-compromise')?.likelyAvailable).toBe(false);
    const found = duty(
      await whatIf({ ...base, affected: ANY_US, legalFindings: [{ jurisdiction: 'US', harm: 'unlikely', rationale: 'Risk assessment of the four factors: the laptop was recovered unopened.' }] }),
      'us-hipaa',
      'individuals',
    );
    expect(found?.exemptions.find((e) => e.id === 'low-probability-of-compromise')?.likelyAvailable).toBe(true);
  });

  it('waits for law enforcement when asked (164.412)', async () => {
    const held = duty(await whatIf({ ...base, affected: ANY_US, lawEnforcementDelayUntil: '2026-06-15' }), 'us-hipaa', 'individuals');
    expect(held?.dueAt).toBe('2026-06-16T03:59:59.999Z');
  });

  it('counts people recorded in a territory, and does not make a place covered (a sector rule)', async () => {
    const samoa = await whatIf({ ...base, affected: people('AS', 4) });
    expect(duty(samoa, 'us-hipaa', 'individuals')).toBeDefined();
    expect(samoa.uncovered.map((u) => u.jurisdiction)).toContain('AS');
  });

  it('needs a covered entity or business associate', async () => {
    const neither = await whatIf({ ...base, organization: {}, affected: ANY_US });
    expect(duty(neither, 'us-hipaa', 'individuals')).toBeUndefined();
    expect(duty(neither, 'us-hipaa', 'covered-entity-notice')).toBeUndefined();
  });

  it('600 residents with name and SSN at a covered entity: the individuals notice has a due time', async () => {
    const notice = duty(await whatIf({ ...base, dataCategories: ['name', 'national_id'], affected: ANY_US }), 'us-hipaa', 'individuals');
    expect(notice?.dueAt).toBe('2026-05-02T03:59:59.999Z');
  });
});
