import { describe, expect, it } from 'vitest';
import type { ObligationInput } from '../../src/lifecycle/events.js';
import type { Obligation } from '../../src/lifecycle/incident-context.js';
import { mergeAssessment } from '../../src/lifecycle/obligation-assessment.js';

const input = (id: string, dueAt: string | null = '2026-03-09T10:00:00.000Z'): ObligationInput => ({
  id,
  regime: 'EU-GDPR',
  jurisdiction: 'DE',
  recipient: 'regulator',
  authority: 'BfDI',
  dueAt,
  citation: 'GDPR Art. 33(1)',
});
const stored = (id: string, status: Obligation['status'], overdueSince: string | null = null): Obligation => ({
  ...input(id),
  status,
  assessedAt: '2026-03-06T10:00:00.000Z',
  dueSoonAt: null,
  dueSoonSince: null,
  overdueSince,
  notRequired: null,
  approvedVersion: null,
  submission: null,
});
const later = '2026-03-07T10:00:00.000Z';

describe('mergeAssessment', () => {
  it('adds new obligations as pending', () => {
    expect(mergeAssessment([], [input('a')], later)).toEqual([{ ...stored('a', 'pending'), assessedAt: later }]);
    const [withDueSoon] = mergeAssessment([], [{ ...input('b'), dueSoonAt: '2026-03-08T10:00:00.000Z' }], later);
    expect(withDueSoon).toMatchObject({ dueSoonAt: '2026-03-08T10:00:00.000Z', dueSoonSince: null });
  });

  it('drops an untouched obligation that no longer applies, keeps one with work on it', () => {
    const merged = mergeAssessment([stored('untouched', 'pending'), stored('started', 'drafting')], [], later);
    expect(merged.map((o) => o.id)).toEqual(['started']);
  });

  it('keeps status and takes the new due time; a moved due time is no longer overdue', () => {
    const [same] = mergeAssessment([stored('a', 'in_review', later)], [input('a')], later);
    expect(same).toMatchObject({ status: 'in_review', overdueSince: later });
    const [moved] = mergeAssessment([stored('a', 'in_review', later)], [input('a', '2026-03-10T10:00:00.000Z')], later);
    expect(moved).toMatchObject({ status: 'in_review', overdueSince: null, dueAt: '2026-03-10T10:00:00.000Z' });
  });
});
