import { describe, expect, it } from 'vitest';
import { assessmentFactsSchema } from '../../src/obligations/assessment-facts.js';

describe('assessmentFactsSchema', () => {
  it('accepts the shared vocabulary and normalises instants to UTC', () => {
    const parsed = assessmentFactsSchema.parse({
      awarenessAt: '2026-03-06T11:00:00+01:00',
      handlingEndedAt: null,
      stagesSubmittedAt: { 'eu-nis2:regulator:EU:notification': '2026-03-08T10:00:00+01:00' },
      organization: { nis2Entity: 'essential', smallProcessingAgent: true },
      affected: [{ jurisdiction: 'US-CA', count: 501 }],
      dataCategories: ['name', 'health'],
      encrypted: true,
    });
    expect(parsed.awarenessAt).toBe('2026-03-06T10:00:00.000Z');
    expect(parsed.stagesSubmittedAt).toEqual({ 'eu-nis2:regulator:EU:notification': '2026-03-08T09:00:00.000Z' });
  });

  it.each([
    ['an unknown data category', { dataCategories: ['shoe_size'] }, 'dataCategories.0'],
    ['a jurisdiction listed twice', { affected: [{ jurisdiction: 'DE', count: 1 }, { jurisdiction: 'DE', count: 2 }] }, 'affected'],
    ['an unknown organisation fact', { organization: { bank: true } }, 'organization'],
    ['a clock fact that is not an instant', { occurredAt: 'last week' }, 'occurredAt'],
  ])('rejects %s', (_name, change, path) => {
    const result = assessmentFactsSchema.safeParse({ awarenessAt: null, organization: {}, affected: [], dataCategories: [], ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
