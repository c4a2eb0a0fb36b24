import { describe, expect, it } from 'vitest';
import { assess } from '../../src/obligations/assess.js';
import { assessmentFactsSchema, type AssessmentFacts } from '../../src/obligations/assessment-facts.js';
import { loadRegimes } from '../../src/obligations/load-regimes.js';

const { regimes, calendars } = await loadRegimes();
const AWARE = '2026-03-06T10:00:00.000Z'; // a Friday

const facts = (extra: Partial<AssessmentFacts>): AssessmentFacts => ({
  awarenessAt: AWARE,
  organization: {},
  affected: [],
  dataCategories: ['name', 'national_id'],
  media: ['electronic'],
  ...extra,
});
const run = (f: AssessmentFacts) => new Map(assess(f, regimes, calendars, new Date(AWARE)).map((o) => [o.id, o]));
const people = (jurisdiction: string, count: number) => [{ jurisdiction, count }];

interface Expected {
  dueAt?: string | null;
  urgent?: boolean;
  missingFacts?: string[];
  reason?: string;
  stages?: Record<string, string | null>;
}
interface Case {
  name: string;
  facts: AssessmentFacts;
  present: Record<string, Expected>;
  absent?: string[];
}

const cases: Case[] = [
  {
    name: 'PIPL, DSL, CSL and NDSMR: any people in CN, urgent',
    facts: facts({ affected: people('CN', 10), dataCategories: ['name', 'health'] }),
    present: {
      'cn-pipl:regulator:CN': { dueAt: null, urgent: true, reason: '10 affected in CN; data categories include health (sensitive personal information, PIPL Art. 28)' },
      'cn-pipl:individuals:CN': { dueAt: null, urgent: true },
      'cn-dsl:regulator:CN': { dueAt: null, urgent: true },
      'cn-csl:individuals:CN': { dueAt: null, urgent: true },
      'cn-ndsmr:regulator:CN': { dueAt: null, urgent: true },
    },
    absent: ['cn-cac-incident-reporting:regulator:CN'],
  },
  {
    name: 'CAC: 999,999 people is below 较大',
    facts: facts({ affected: people('CN', 999_999) }),
    present: { 'cn-pipl:regulator:CN': { reason: '999,999 affected in CN >= 1 (any personal information)' } },
    absent: ['cn-cac-incident-reporting:regulator:CN', 'cn-cac-incident-reporting:regulator-cii:CN'],
  },
  {
    name: 'CAC: 1,000,000 people is 较大, 4 hours',
    facts: facts({ affected: people('CN', 1_000_000) }),
    present: {
      'cn-cac-incident-reporting:regulator:CN': {
        dueAt: '2026-03-06T14:00:00.000Z',
        reason: '1,000,000 affected in CN >= 1,000,000 (较大)',
        missingFacts: [],
        stages: {
          'cn-cac-incident-reporting:regulator:CN:initial': '2026-03-06T14:00:00.000Z',
          'cn-cac-incident-reporting:regulator:CN:supplementary': null,
          'cn-cac-incident-reporting:regulator:CN:finalSummary': null,
        },
      },
    },
    absent: ['cn-cac-incident-reporting:regulator-cii:CN', 'cn-cac-incident-reporting:regulator-state-organ:CN'],
  },
  {
    name: 'CAC: critical infrastructure operator, 1 hour, and the 30-day summary from handlingEndedAt',
    facts: facts({ affected: people('CN', 12_000_000), organization: { criticalInfrastructure: true }, handlingEndedAt: '2026-04-10T02:00:00.000Z' }),
    present: {
      'cn-cac-incident-reporting:regulator-cii:CN': {
        dueAt: '2026-03-06T11:00:00.000Z',
        reason: '12,000,000 affected in CN >= 10,000,000 (重大); organization.criticalInfrastructure is true',
        stages: { 'cn-cac-incident-reporting:regulator-cii:CN:finalSummary': '2026-05-10T15:59:59.999Z' },
      },
    },
    absent: ['cn-cac-incident-reporting:regulator:CN'],
  },
  {
    name: 'CAC: state organ, 2 hours; 100,000,000 is 特别重大',
    facts: facts({ affected: people('CN', 100_000_000), organization: { stateOrgan: true } }),
    present: {
      'cn-cac-incident-reporting:regulator-state-organ:CN': {
        dueAt: '2026-03-06T12:00:00.000Z',
        reason: '100,000,000 affected in CN >= 100,000,000 (特别重大)',
      },
    },
    absent: ['cn-cac-incident-reporting:regulator:CN', 'cn-cac-incident-reporting:regulator-cii:CN'],
  },
  {
    name: 'a German data subject brings GDPR, 72 hours',
    facts: facts({ affected: people('DE', 1) }),
    present: {
      'eu-gdpr:regulator:DE': { dueAt: '2026-03-09T10:00:00.000Z', urgent: false, reason: '1 affected in DE (DE is an EEA member state)' },
      'eu-gdpr:individuals:DE': { dueAt: null, urgent: true },
    },
    absent: ['uk-gdpr:regulator:GB', 'eu-nis2:regulator:EU'],
  },
  {
    name: 'Norway (EEA) brings GDPR; GB brings UK GDPR instead',
    facts: facts({ affected: [{ jurisdiction: 'NO', count: 5 }, { jurisdiction: 'GB', count: 7 }] }),
    present: {
      'eu-gdpr:regulator:NO': { dueAt: '2026-03-09T10:00:00.000Z' },
      'uk-gdpr:regulator:GB': { dueAt: '2026-03-09T10:00:00.000Z', reason: '7 affected in GB' },
      'uk-gdpr:individuals:GB': { urgent: true },
    },
    absent: ['eu-gdpr:regulator:GB'],
  },
  {
    name: 'a missing awareness fact leaves GDPR without a due time',
    facts: facts({ awarenessAt: null, affected: people('FR', 3) }),
    present: { 'eu-gdpr:regulator:FR': { dueAt: null, missingFacts: ['awarenessAt'] } },
  },
  {
    name: 'NIS2: 24 h early warning, 72 h notification, final report one month after the notification',
    facts: facts({
      organization: { nis2Entity: 'important' },
      stagesSubmittedAt: { 'eu-nis2:regulator:EU:notification': '2026-03-08T09:00:00.000Z' },
    }),
    present: {
      'eu-nis2:regulator:EU': {
        dueAt: '2026-03-07T10:00:00.000Z',
        stages: {
          'eu-nis2:regulator:EU:earlyWarning': '2026-03-07T10:00:00.000Z',
          'eu-nis2:regulator:EU:notification': '2026-03-09T10:00:00.000Z',
          'eu-nis2:regulator:EU:finalReport': '2026-04-08T21:59:59.999Z',
          'eu-nis2:regulator:EU:finalReportAfterHandling': null,
        },
      },
      'eu-nis2:recipients-of-services:EU': { urgent: true },
    },
  },
  {
    name: 'DORA: 24-hour backstop until the incident is classified as major',
    facts: facts({ organization: { doraEntity: true } }),
    present: { 'eu-dora:regulator:EU': { dueAt: '2026-03-07T10:00:00.000Z', missingFacts: ['assessedNotifiableAt'] } },
    absent: ['eu-nis2:regulator:EU'],
  },
  {
    name: 'DORA: 4 hours from classification',
    facts: facts({ organization: { doraEntity: true }, assessedNotifiableAt: '2026-03-06T12:00:00.000Z' }),
    present: { 'eu-dora:regulator:EU': { dueAt: '2026-03-06T16:00:00.000Z', missingFacts: [] } },
  },
  {
    name: 'HIPAA: 500 people in US-CA count for the US-wide rule; HHS at 500, no media notice at 500',
    facts: facts({ organization: { hipaaCoveredEntity: true }, dataCategories: ['name', 'health'], affected: people('US-CA', 500) }),
    present: {
      'us-hipaa:individuals:US': { dueAt: '2026-05-06T03:59:59.999Z', reason: '500 affected in US: 500 in US-CA (US-CA is part of US)' },
      'us-hipaa:regulator:US': { dueAt: '2026-05-06T03:59:59.999Z', reason: '500 affected in US >= 500' },
    },
    absent: ['us-hipaa:media:US-CA', 'us-hipaa:regulator-annual:US'],
  },
  {
    name: 'HIPAA: 501 residents of one state bring the media notice',
    facts: facts({ organization: { hipaaCoveredEntity: true }, dataCategories: ['health'], affected: people('US-CA', 501) }),
    present: { 'us-hipaa:media:US-CA': { dueAt: '2026-05-06T03:59:59.999Z', reason: '501 affected in US-CA > 500' } },
  },
  {
    name: 'HIPAA: 499 people go to the annual log, 60 days after year end',
    facts: facts({ organization: { hipaaCoveredEntity: true }, dataCategories: ['health_insurance'], affected: people('US', 499) }),
    present: { 'us-hipaa:regulator-annual:US': { dueAt: '2027-03-02T04:59:59.999Z', reason: '499 affected in US < 500 (annual submission)' } },
    absent: ['us-hipaa:regulator:US', 'us-hipaa:media:US'],
  },
  {
    name: 'HIPAA needs a covered entity',
    facts: facts({ dataCategories: ['health'], affected: people('US-CA', 5000) }),
    present: {},
    absent: ['us-hipaa:individuals:US', 'us-hipaa:regulator:US', 'us-hipaa:media:US-CA'],
  },
  {
    name: 'SEC: no due time until materiality is determined',
    facts: facts({ organization: { secRegistrant: true }, affected: people('US-CA', 3) }),
    present: { 'us-sec-8k-1.05:regulator:US': { dueAt: null, urgent: false, missingFacts: ['materialityDeterminedAt'] } },
  },
  {
    name: 'SEC: 4 business days skipping the observed Independence Day',
    facts: facts({ organization: { secRegistrant: true }, materialityDeterminedAt: '2026-07-02T14:00:00.000Z' }),
    present: { 'us-sec-8k-1.05:regulator:US': { dueAt: '2026-07-10T03:59:59.999Z' } },
  },
  {
    name: 'California: 30 days for individuals; no AG sample at 500 residents',
    facts: facts({ affected: people('US-CA', 500) }),
    present: { 'us-ca-1798.82:individuals:US-CA': { dueAt: '2026-04-06T06:59:59.999Z' } },
    absent: ['us-ca-1798.82:regulator:US-CA'],
  },
  {
    name: 'California: 501 residents bring the AG sample, 15 days after individuals are notified',
    facts: facts({ affected: people('US-CA', 501), individualsNotifiedAt: '2026-03-20T17:00:00.000Z' }),
    present: { 'us-ca-1798.82:regulator:US-CA': { dueAt: '2026-04-05T06:59:59.999Z', reason: '501 affected in US-CA > 500 (California residents)' } },
  },
  {
    name: 'California: credentials alone are personal information; name and contact are not',
    facts: facts({ affected: people('US-CA', 10), dataCategories: ['credentials'] }),
    present: { 'us-ca-1798.82:individuals:US-CA': { reason: 'data categories include credentials (personal information, Cal. Civ. Code 1798.82(h)(2))' } },
  },
  {
    name: 'US state laws need their data categories',
    facts: facts({ affected: [{ jurisdiction: 'US-CA', count: 900 }, { jurisdiction: 'US-TX', count: 900 }], dataCategories: ['name', 'contact'] }),
    present: {},
    absent: ['us-ca-1798.82:individuals:US-CA', 'us-tx-bcc-521.053:individuals:US-TX', 'us-tx-bcc-521.053:regulator:US-TX'],
  },
  {
    name: 'New York: 30 days; the AG notice follows the individual notice; DFS 72 hours from determining the incident occurred',
    facts: facts({ affected: people('US-NY', 20), organization: { dfsRegulated: true }, assessedNotifiableAt: AWARE }),
    present: {
      'us-ny-gbl-899-aa:individuals:US-NY': { dueAt: '2026-04-06T03:59:59.999Z' },
      'us-ny-gbl-899-aa:regulator:US-NY': { dueAt: null, urgent: false, missingFacts: ['individualsNotifiedAt'] },
      'us-nydfs-500:regulator:US-NY': { dueAt: '2026-03-09T10:00:00.000Z' },
    },
  },
  {
    name: 'Texas: 249 residents, no Attorney General notice',
    facts: facts({ affected: people('US-TX', 249) }),
    present: { 'us-tx-bcc-521.053:individuals:US-TX': { dueAt: '2026-05-06T04:59:59.999Z' } },
    absent: ['us-tx-bcc-521.053:regulator:US-TX'],
  },
  {
    name: 'Texas: 250 residents, Attorney General within 30 days (Central time)',
    facts: facts({ affected: people('US-TX', 250) }),
    present: { 'us-tx-bcc-521.053:regulator:US-TX': { dueAt: '2026-04-06T04:59:59.999Z', reason: '250 affected in US-TX >= 250 (Texas residents)' } },
    absent: ['us-tx-bcc-521.053:consumer-reporting-agencies:US-TX'],
  },
  {
    name: 'Texas: more than 10,000 residents bring the consumer reporting agencies',
    facts: facts({ affected: people('US-TX', 10_001) }),
    // 521.053(h): the agencies are told without unreasonable delay, so there is no fixed time and the duty reads as urgent.
    present: { 'us-tx-bcc-521.053:consumer-reporting-agencies:US-TX': { dueAt: null, urgent: true } },
  },
  {
    name: 'Florida: 499 residents, no Department of Legal Affairs notice',
    facts: facts({ affected: people('US-FL', 499) }),
    present: { 'us-fl-501.171:individuals:US-FL': { dueAt: '2026-04-06T03:59:59.999Z' } },
    absent: ['us-fl-501.171:regulator:US-FL'],
  },
  {
    name: 'Florida: 500 residents bring the regulator; 1,001 the consumer reporting agencies',
    facts: facts({ affected: people('US-FL', 1_001) }),
    present: {
      'us-fl-501.171:regulator:US-FL': { dueAt: '2026-04-06T03:59:59.999Z' },
      'us-fl-501.171:consumer-reporting-agencies:US-FL': { dueAt: null },
    },
  },
  {
    name: 'Massachusetts: as soon as practicable, urgent',
    facts: facts({ affected: people('US-MA', 2), dataCategories: ['name', 'financial_account'] }),
    present: { 'us-ma-93h:regulator:US-MA': { dueAt: null, urgent: true }, 'us-ma-93h:individuals:US-MA': { urgent: true } },
  },
  {
    name: 'Singapore: significant scale at 500 brings the PDPC only, 3 days from assessment',
    facts: facts({ affected: people('SG', 500), dataCategories: ['contact'], assessedNotifiableAt: AWARE, legalFindings: [{ jurisdiction: 'SG', harm: 'unlikely', rationale: 'Contact details only.' }] }),
    present: {
      'sg-pdpa:regulator:SG': {
        dueAt: '2026-03-09T15:59:59.999Z',
        reason: '500 affected in SG >= 500 (significant scale, Reg 4)',
        stages: { 'sg-pdpa:regulator:SG:assessment': '2026-04-05T15:59:59.999Z' },
      },
    },
    absent: ['sg-pdpa:individuals:SG'],
  },
  {
    name: 'Singapore: 499 people with only contact data are not notifiable once legal finds no significant harm (s 26B(1)(a))',
    facts: facts({ affected: people('SG', 499), dataCategories: ['contact'], legalFindings: [{ jurisdiction: 'SG', harm: 'unlikely', rationale: 'Contact details only.' }] }),
    present: {},
    absent: ['sg-pdpa:regulator:SG', 'sg-pdpa:individuals:SG'],
  },
  {
    name: 'Singapore: 499 people with only contact data wait on legal’s finding of significant harm',
    facts: facts({ affected: people('SG', 499), dataCategories: ['contact'] }),
    present: { 'sg-pdpa:regulator:SG': { missingFacts: ['legalFindings.SG.harm', 'assessedNotifiableAt'] } },
  },
  {
    name: 'Singapore: significant harm brings individuals too',
    facts: facts({ affected: people('SG', 3), dataCategories: ['name', 'health'] }),
    present: { 'sg-pdpa:regulator:SG': { dueAt: null, missingFacts: ['assessedNotifiableAt'] }, 'sg-pdpa:individuals:SG': { urgent: true } },
  },
  {
    name: 'Australia: urgent, with the 30-day assessment crossing the April DST end',
    facts: facts({ affected: people('AU', 40) }),
    present: { 'au-ndb:regulator:AU': { dueAt: null, urgent: true, stages: { 'au-ndb:regulator:AU:assessment': '2026-04-05T13:59:59.999Z' } } },
  },
  {
    name: 'Japan: 1,000 people with only a name is listed for legal to judge the purpose',
    facts: facts({ affected: people('JP', 1_000), dataCategories: ['name'] }),
    present: { 'jp-appi:regulator:JP': { reason: 'only if the leak was possibly done with an unauthorized purpose' } },
  },
  {
    name: 'Japan: more than 1,000 people, 30-day final report and a prompt preliminary one',
    facts: facts({ affected: people('JP', 1_001), dataCategories: ['name'] }),
    present: {
      'jp-appi:regulator:JP': {
        dueAt: '2026-04-05T14:59:59.999Z',
        urgent: true,
        reason: '1,001 affected in JP > 1,000 (data subjects)',
        stages: { 'jp-appi:regulator:JP:preliminary': null, 'jp-appi:regulator:JP:finalUnauthorizedPurpose': '2026-05-05T14:59:59.999Z' },
      },
    },
  },
  {
    name: 'Canada (CA, not California): PIPEDA as soon as feasible',
    facts: facts({ affected: people('CA', 12) }),
    present: { 'ca-pipeda:regulator:CA': { dueAt: null, urgent: true }, 'ca-pipeda:individuals:CA': { urgent: true } },
    absent: ['us-ca-1798.82:individuals:US-CA'],
  },
  {
    name: 'Brazil: sensitive data, 3 business days',
    facts: facts({ affected: people('BR', 10), dataCategories: ['health'] }),
    present: {
      'br-lgpd:regulator:BR': { dueAt: '2026-03-12T02:59:59.999Z', reason: 'data categories include health (sensitive data, LGPD Art. 5 II)' },
      'br-lgpd:individuals:BR': { dueAt: '2026-03-12T02:59:59.999Z' },
    },
  },
  {
    // Resolução CD/ANPD nº 15/2024 Annex Art. 6 § 8 and Art. 9 § 6: both deadlines count double for small agents.
    name: 'Brazil: doubled for a small processing agent, to the ANPD and to data subjects',
    facts: facts({ affected: people('BR', 10), dataCategories: ['credentials'], organization: { smallProcessingAgent: true } }),
    present: {
      'br-lgpd:regulator:BR': { dueAt: '2026-03-17T02:59:59.999Z', reason: 'deadline x2: organization.smallProcessingAgent is true' },
      'br-lgpd:individuals:BR': { dueAt: '2026-03-17T02:59:59.999Z' },
    },
  },
  {
    name: 'India: no duty before DPDP Act s 8(6) and Rule 7 commence on 13 May 2027',
    facts: facts({ affected: people('IN', 1) }),
    present: {},
    absent: ['in-dpdp:regulator:IN', 'in-dpdp:individuals:IN'],
  },
  {
    name: 'India: aware the minute before commencement (India time): still no duty',
    facts: facts({ affected: people('IN', 1), awarenessAt: '2027-05-12T23:59:00+05:30' }),
    present: {},
    absent: ['in-dpdp:regulator:IN', 'in-dpdp:individuals:IN'],
  },
  {
    name: 'India: aware on the day of commencement: 72 hours to the Board, urgent initial intimation',
    facts: facts({ affected: people('IN', 1), awarenessAt: '2027-05-12T18:30:00.000Z' }),
    present: {
      'in-dpdp:regulator:IN': { dueAt: '2027-05-15T18:30:00.000Z', urgent: true },
      'in-dpdp:individuals:IN': { dueAt: null, urgent: true },
    },
  },
  {
    name: 'Korea: 1,000 data subjects, 72 hours',
    facts: facts({ affected: people('KR', 1_000), dataCategories: ['name'] }),
    present: {
      'kr-pipa:regulator:KR': { dueAt: '2026-03-09T10:00:00.000Z', reason: '1,000 affected in KR >= 1,000 (data subjects)' },
      'kr-pipa:individuals:KR': { dueAt: '2026-03-09T10:00:00.000Z' },
    },
  },
  {
    name: 'Korea: 999 data subjects with only a name is left to legal (external access)',
    facts: facts({ affected: people('KR', 999), dataCategories: ['name'] }),
    present: { 'kr-pipa:regulator:KR': { reason: 'only if the leak came through unauthorized external access' } },
  },
];

describe('assess, regime by regime', () => {
  it.each(cases)('$name', ({ facts: f, present, absent = [] }) => {
    const found = run(f);
    for (const [id, expected] of Object.entries(present)) {
      const obligation = found.get(id);
      expect(obligation, id).toBeDefined();
      const { stages, reason, ...fields } = expected;
      expect(obligation).toMatchObject(fields);
      if (reason !== undefined) expect(obligation?.reason).toContain(reason);
      for (const [stageId, dueAt] of Object.entries(stages ?? {})) {
        expect(obligation?.stages.find((s) => s.id === stageId)?.dueAt, stageId).toBe(dueAt);
      }
    }
    for (const id of absent) expect(found.has(id), id).toBe(false);
  });
});

describe('assess, across regimes', () => {
  const everything = facts({
    affected: [
      { jurisdiction: 'CN', count: 1_500_000 },
      { jurisdiction: 'DE', count: 40 },
      { jurisdiction: 'US-CA', count: 600 },
      { jurisdiction: 'BR', count: 30 },
    ],
    dataCategories: ['name', 'national_id', 'health'],
    organization: { hipaaCoveredEntity: true, secRegistrant: true },
    encrypted: true,
  });

  it('gives stable ids in the shared id format, the same on every run', () => {
    const first = assess(everything, regimes, calendars, new Date(AWARE));
    for (const o of first) expect(o.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/);
    expect(assess(everything, regimes, calendars, new Date(AWARE))).toEqual(first);
  });

  it('refuses a count of zero (which would drop every duty unseen) and takes null for people not counted yet', () => {
    const zero = assessmentFactsSchema.safeParse({ ...everything, affected: [{ jurisdiction: 'US-NY', count: 0 }] });
    expect(zero.success).toBe(false);
    expect(zero.error?.issues[0]?.path).toEqual(['affected', 0, 'count']);
    const uncounted = run(facts({ affected: [{ jurisdiction: 'US-CA', count: null }] }));
    // The notice to residents has no threshold: owed. The Attorney General's sample turns on more than 500: open.
    expect(uncounted.get('us-ca-1798.82:individuals:US-CA')?.applies).toBe('yes');
    expect(uncounted.get('us-ca-1798.82:regulator:US-CA')?.applies).toBe('undetermined');
    expect(uncounted.get('us-ca-1798.82:regulator:US-CA')?.missingFacts).toContain('affected.US-CA.count');
  });

  it('settles a threshold from a floor once the floor passes it, and keeps it open below', () => {
    const floor = (count: number) => run(facts({ affected: [{ jurisdiction: 'US-CA', count, countBasis: 'atLeast' }] })).get('us-ca-1798.82:regulator:US-CA');
    expect(floor(501)?.applies).toBe('yes');
    expect(floor(400)?.applies).toBe('undetermined');
  });

  it('sorts urgent duties first, then by due time, then those without one, ties by id', () => {
    expect(assess(everything, regimes, calendars, new Date(AWARE)).map((o) => [o.id, o.urgent, o.dueAt])).toEqual([
      ['cn-cac-incident-reporting:police:CN', true, null],
      ['cn-csl:individuals:CN', true, null],
      ['cn-csl:regulator:CN', true, null],
      ['cn-dsl:individuals:CN', true, null],
      ['cn-dsl:regulator:CN', true, null],
      ['cn-ndsmr:individuals:CN', true, null],
      ['cn-ndsmr:regulator:CN', true, null],
      ['cn-pipl:individuals:CN', true, null],
      ['cn-pipl:regulator:CN', true, null],
      ['eu-gdpr:individuals:DE', true, null],
      ['cn-cac-incident-reporting:regulator:CN', false, '2026-03-06T14:00:00.000Z'],
      ['eu-gdpr:regulator:DE', false, '2026-03-09T10:00:00.000Z'],
      ['br-lgpd:individuals:BR', false, '2026-03-12T02:59:59.999Z'],
      ['br-lgpd:regulator:BR', false, '2026-03-12T02:59:59.999Z'],
      ['us-ca-1798.82:individuals:US-CA', false, '2026-04-06T06:59:59.999Z'],
      ['us-hipaa:individuals:US', false, '2026-05-06T03:59:59.999Z'],
      ['us-hipaa:media:US-CA', false, '2026-05-06T03:59:59.999Z'],
      ['us-hipaa:regulator:US', false, '2026-05-06T03:59:59.999Z'],
      ['br-lgpd:incident-record:BR', false, null],
      ['eu-gdpr:breach-documentation:EEA', false, null],
      ['us-ca-1798.82:regulator:US-CA', false, null],
      ['us-sec-8k-1.05:regulator:US', false, null],
    ]);
  });

  it('lists encryption exemptions as likely available without dropping the duty', () => {
    const found = run(everything);
    const hipaa = found.get('us-hipaa:individuals:US');
    expect(hipaa?.exemptions.find((e) => e.id === 'secured-phi')?.likelyAvailable).toBe(true);
    expect(hipaa?.exemptions.find((e) => e.id === 'law-enforcement-delay')?.likelyAvailable).toBe(false);
    expect(hipaa?.reason).toContain('exemption secured-phi likely available, for legal to invoke');
    expect(found.get('eu-gdpr:individuals:DE')?.exemptions.find((e) => e.id === 'data-unintelligible')?.likelyAvailable).toBe(true);
    const clear = run({ ...everything, encrypted: false }).get('us-hipaa:individuals:US');
    expect(clear?.exemptions.every((e) => !e.likelyAvailable)).toBe(true);
  });

  it('carries the regime file facts legal needs onto each obligation', () => {
    const cac = run(everything).get('cn-cac-incident-reporting:regulator:CN');
    expect(cac).toMatchObject({
      regime: 'cn-cac-incident-reporting',
      jurisdiction: 'CN',
      recipient: 'regulator',
      timeZone: 'Asia/Shanghai',
      deadline: { amount: 4, unit: 'hours', from: 'awarenessAt' },
      dueSoonAt: '2026-03-06T13:00:00.000Z',
    });
    expect(['statute', 'regulator', 'secondary']).toContain(cac?.verification);
    expect(cac?.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cac?.requiredContents.map((c) => c.field)).toContain('preliminaryCauseAnalysis');
    expect(cac?.source[0]).toMatch(/^http/);
  });
});
