import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { missingRequiredFields } from '../../src/notices/index.js';
import { individualNoticeFields, reportFields } from '../../src/notices/required-fields.js';
import { allFields, noticeInput, reportInput, setup } from './notice-fixtures.js';

const { regimes, renderer } = await setup();

function refusal(render: () => unknown): InvalidInputError {
  try {
    render();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('rendered although a required field was missing');
}

describe('required fields', () => {
  for (const regime of regimes.filter((r) => r.recipients.some((e) => e.recipient === 'individuals'))) {
    const required = individualNoticeFields([regime]).filter((f) => !f.optional);
    for (const field of required) {
      it(`notice for ${regime.id}: without ${field.field}, or with it blank, the error names it`, () => {
        const { [field.field]: _removed, ...rest } = allFields(required.map((f) => f.field));
        const error = refusal(() => renderer.renderIndividualNotice(noticeInput(rest), { locale: 'en', regimes: [regime.id] }));
        expect(error.message).toBe(`notice: missing required fields: ${field.field}`);
        expect(error.issues).toEqual([{ path: `content.fields.${field.field}`, message: expect.stringContaining(regime.id) }]);
        expect(renderer.missingRequiredFields({ regimes: [regime.id] }, rest)).toEqual([field.field]);
        const blank = refusal(() => renderer.renderIndividualNotice(noticeInput({ ...rest, [field.field]: '  ' }), { locale: 'zh-CN', regimes: [regime.id] }));
        expect(blank.message).toContain(field.field);
      });
    }
  }

  for (const regime of regimes) {
    for (const entry of regime.recipients.filter((e) => e.recipient === 'regulator')) {
      for (const stage of entry.stages?.length ? entry.stages.map((s) => s.id) : [null]) {
        const required = reportFields(regime, entry, stage).filter((f) => !f.optional);
        if (required.length === 0) continue;
        it(`report ${regime.id} ${entry.id} ${stage ?? ''}: each missing field is named`, () => {
          const target = { regime: regime.id, obligation: entry.id, ...(stage === null ? {} : { stage }) };
          for (const field of required) {
            const { [field.field]: _removed, ...rest } = allFields(required.map((f) => f.field));
            expect(refusal(() => renderer.renderRegulatorReport(reportInput(rest), target)).message).toBe(`report: missing required fields: ${field.field}`);
            expect(renderer.missingRequiredFields(target, rest)).toEqual([field.field]);
          }
        });
      }
    }
  }

  it('lists every missing field at once, by name', () => {
    expect(missingRequiredFields(regimes, { regimes: ['cn-pipl'] }, { categoriesOfData: 'phone numbers' })).toEqual([
      'causeOfIncident',
      'possibleHarm',
      'remedialMeasures',
      'mitigationForIndividuals',
      'contactInformation',
    ]);
  });

  it('merges items several regimes share: GDPR and UK GDPR ask for the same four', () => {
    const fields = individualNoticeFields(regimes.filter((r) => r.id === 'eu-gdpr' || r.id === 'uk-gdpr'));
    expect(fields.map((f) => [f.field, f.requiredBy])).toEqual([
      ['natureOfBreach', ['eu-gdpr', 'uk-gdpr']],
      ['contactPoint', ['eu-gdpr', 'uk-gdpr']],
      ['likelyConsequences', ['eu-gdpr', 'uk-gdpr']],
      ['measuresTaken', ['eu-gdpr', 'uk-gdpr']],
    ]);
  });

  it('form items the template satisfies (California title and headings, HIPAA plain language) are not asked of the user', () => {
    const names = individualNoticeFields(regimes.filter((r) => r.id === 'us-ca-1798.82' || r.id === 'us-hipaa')).map((f) => f.field);
    expect(names).not.toContain('title');
    expect(names).not.toContain('headings');
    expect(names).not.toContain('plainLanguage');
    expect(names).toContain('typesOfPhi');
  });
});
