import { describe, expect, it } from 'vitest';
import { evaluate, type ApplicabilityContext } from '../../src/obligations/applicability.js';
import type { Condition } from '../../src/obligations/condition-schema.js';
import type { DataCategory } from '../../src/lifecycle/scope.js';

const context = (count: number, categories: DataCategory[] = [], organization: ApplicabilityContext['organization'] = {}): ApplicabilityContext => ({
  jurisdiction: 'CN',
  count,
  dataCategories: new Set(categories),
  organization,
});

const grade: Condition = {
  anyOf: [
    { affected: { atLeast: 100_000_000 }, label: '特别重大' },
    { affected: { atLeast: 10_000_000 }, label: '重大' },
    { affected: { atLeast: 1_000_000 }, label: '较大' },
  ],
};

describe('evaluate', () => {
  it.each([
    [999_999, false, '999,999 affected in CN < 1,000,000 (较大)'],
    [1_000_000, true, '1,000,000 affected in CN >= 1,000,000 (较大)'],
    [1_200_000, true, '1,200,000 affected in CN >= 1,000,000 (较大)'],
    [10_000_000, true, '10,000,000 affected in CN >= 10,000,000 (重大)'],
    [100_000_000, true, '100,000,000 affected in CN >= 100,000,000 (特别重大)'],
  ])('grades %i people: met %s', (count, met, reason) => {
    const verdict = evaluate(grade, context(count));
    expect(verdict.met).toBe(met);
    expect(verdict.reasons).toContain(reason);
    expect(verdict.counted).toBe(true);
  });

  it.each([
    [{ moreThan: 500 }, 500, false, '500 affected in CN <= 500'],
    [{ moreThan: 500 }, 501, true, '501 affected in CN > 500'],
    [{ below: 500 }, 499, true, '499 affected in CN < 500'],
    [{ below: 500 }, 500, false, '500 affected in CN >= 500'],
  ])('count test %j with %i people', (test, count, met, reason) => {
    expect(evaluate({ affected: test }, context(count))).toEqual({ met, reasons: [reason], counted: true, missing: [] });
  });

  it('needs a name together with an identifier for a state-law definition', () => {
    const definition: Condition = {
      allOf: [{ dataCategories: { anyOf: ['name'] } }, { dataCategories: { anyOf: ['national_id', 'drivers_license'] }, label: 'PI' }],
    };
    expect(evaluate(definition, context(1, ['name', 'drivers_license']))).toEqual({
      met: true,
      reasons: ['data categories include name', 'data categories include drivers_license (PI)'],
      counted: false,
      missing: [],
    });
    expect(evaluate(definition, context(1, ['name', 'contact']))).toEqual({
      met: false,
      reasons: ['data categories include none of national_id, drivers_license (PI)'],
      counted: false,
      missing: [],
    });
  });

  it('explains organisation facts, negated or enumerated', () => {
    const notCii: Condition = { not: { organization: { fact: 'criticalInfrastructure' } } };
    expect(evaluate(notCii, context(1))).toMatchObject({ met: true, reasons: ['organization.criticalInfrastructure is not true'] });
    expect(evaluate(notCii, context(1, [], { criticalInfrastructure: true })).met).toBe(false);
    const nis2: Condition = { organization: { fact: 'nis2Entity', in: ['essential', 'important'] } };
    expect(evaluate(nis2, context(0, [], { nis2Entity: 'important' }))).toMatchObject({ met: true, reasons: ['organization.nis2Entity is important'] });
    expect(evaluate(nis2, context(0, [], { nis2Entity: null }))).toMatchObject({
      met: false,
      reasons: ['organization.nis2Entity is not set, not essential or important'],
    });
  });

  it('keeps a judgement as a stated condition for legal', () => {
    const verdict = evaluate({ anyOf: [{ affected: { moreThan: 1000 } }, { judgement: 'the leak had an unauthorized purpose' }] }, context(1000));
    expect(verdict).toEqual({ met: true, reasons: ['only if the leak had an unauthorized purpose (legal to judge)'], counted: false, missing: [] });
  });
});
