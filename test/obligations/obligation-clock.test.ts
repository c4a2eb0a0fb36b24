import { describe, expect, it } from 'vitest';
import type { AssessmentFacts } from '../../src/obligations/assessment-facts.js';
import { loadCalendars } from '../../src/obligations/load-regimes.js';
import { runClock, type ClockContext } from '../../src/obligations/obligation-clock.js';
import { calendarSchema, type DeadlineSpec } from '../../src/obligations/regime-schema.js';

const calendars = await loadCalendars();
const facts = (extra: Partial<AssessmentFacts> = {}): AssessmentFacts => ({
  awarenessAt: '2026-03-06T10:00:00.000Z',
  organization: {},
  affected: [],
  dataCategories: [],
  ...extra,
});
const context = (f: AssessmentFacts, zone = 'Europe/Brussels', calendar?: string): ClockContext => ({
  facts: f,
  zone,
  calendar: calendar === undefined ? undefined : calendars.get(calendar),
  obligationId: 'x:regulator:EU',
  regimeId: 'x',
});
const dora: DeadlineSpec = {
  amount: 4,
  unit: 'hours',
  from: 'assessedNotifiableAt',
  notLaterThan: { amount: 24, unit: 'hours', from: 'awarenessAt' },
};

describe('runClock', () => {
  it('names a missing clock fact instead of guessing a due time', () => {
    expect(runClock({ amount: 30, unit: 'calendar_days', from: 'handlingEndedAt' }, context(facts()))).toEqual({
      amount: 30,
      dueAt: null,
      dueSoonAt: null,
      urgent: false,
      missingFacts: ['handlingEndedAt'],
    });
  });

  it('treats a duty with no number as urgent with no due instant', () => {
    expect(runClock({ amount: null, unit: 'without_undue_delay', from: 'awarenessAt' }, context(facts()))).toMatchObject({
      dueAt: null,
      urgent: true,
      missingFacts: [],
    });
    expect(runClock({ amount: null, unit: 'unspecified', from: 'individualsNotifiedAt' }, context(facts()))).toMatchObject({
      dueAt: null,
      urgent: false,
      missingFacts: ['individualsNotifiedAt'],
    });
  });

  it('uses the backstop while the main fact is missing, and whichever limit is earlier once known', () => {
    expect(runClock(dora, context(facts()))).toMatchObject({ dueAt: '2026-03-07T10:00:00.000Z', missingFacts: ['assessedNotifiableAt'] });
    expect(runClock(dora, context(facts({ assessedNotifiableAt: '2026-03-06T12:00:00.000Z' })))).toMatchObject({
      dueAt: '2026-03-06T16:00:00.000Z',
      dueSoonAt: '2026-03-06T15:00:00.000Z',
      missingFacts: [],
    });
    expect(runClock(dora, context(facts({ assessedNotifiableAt: '2026-03-07T08:00:00.000Z' })))).toMatchObject({
      dueAt: '2026-03-07T10:00:00.000Z',
    });
  });

  it('starts a later stage from the submission of an earlier one', () => {
    const spec: DeadlineSpec = { amount: 1, unit: 'months', from: 'stage:notification' };
    expect(runClock(spec, context(facts()))).toMatchObject({ dueAt: null, missingFacts: ['stagesSubmittedAt.x:regulator:EU:notification'] });
    const submitted = facts({ stagesSubmittedAt: { 'x:regulator:EU:notification': '2026-03-08T09:00:00.000Z' } });
    expect(runClock(spec, context(submitted)).dueAt).toBe('2026-04-08T21:59:59.999Z');
  });

  it('doubles the amount for a small processing agent', () => {
    const spec: DeadlineSpec = {
      amount: 3,
      unit: 'business_days',
      from: 'awarenessAt',
      multiplied: { factor: 2, when: 'smallProcessingAgent', citation: 'Res. 15/2024' },
    };
    expect(runClock(spec, context(facts(), 'America/Sao_Paulo', 'br-national'))).toMatchObject({ amount: 3, dueAt: '2026-03-12T02:59:59.999Z' });
    const small = facts({ organization: { smallProcessingAgent: true } });
    expect(runClock(spec, context(small, 'America/Sao_Paulo', 'br-national'))).toMatchObject({ amount: 6, dueAt: '2026-03-17T02:59:59.999Z' });
  });

  it('reports a year missing from a listed holiday calendar as a missing fact', () => {
    const listed = calendarSchema.parse({ id: 'xx-listed', name: 'Listed', jurisdiction: 'BR', covers: { from: 2027, to: 2027 }, holidays: [{ date: '2027-12-25', name: 'Natal' }] });
    const late = facts({ awarenessAt: '2027-12-30T13:00:00.000Z' });
    expect(runClock({ amount: 3, unit: 'business_days', from: 'awarenessAt' }, { ...context(late, 'America/Sao_Paulo'), calendar: listed })).toMatchObject({
      dueAt: null,
      missingFacts: ['holiday calendar xx-listed for 2028'],
    });
  });

  it('counts Brazil’s business days in any year, its holidays being rules', () => {
    // Thu 30 December 2027: Fri 31 December, then New Year's Day on a Saturday (not moved), Mon 3 and Tue 4 January 2028;
    // the end of 4 January in São Paulo (UTC-3) is 02:59:59.999Z on the 5th.
    const late = facts({ awarenessAt: '2027-12-30T13:00:00.000Z' });
    expect(runClock({ amount: 3, unit: 'business_days', from: 'awarenessAt' }, context(late, 'America/Sao_Paulo', 'br-national'))).toMatchObject({
      dueAt: '2028-01-05T02:59:59.999Z',
      missingFacts: [],
    });
  });

  it('rejects a clock fact that is not an instant', () => {
    expect(() => runClock({ amount: 72, unit: 'hours', from: 'awarenessAt' }, context(facts({ awarenessAt: 'yesterday' })))).toThrow(
      'awarenessAt is not an instant',
    );
  });
});
