import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { BY_FORM, NOTICE_SECTIONS } from '../../../src/obligations/notice-sections.js';
import { noticeRequirements, reportFields } from '../../../src/notices/render/content-model.js';
import { allFields, NOTICE_DATE, noticeInput, reportInput, setup } from '../notice-fixtures.js';

const { regimes, renderer } = await setup();
const withNotice = regimes.filter((r) => r.recipients.some((e) => e.recipient === 'individuals'));

function refusal(render: () => unknown): InvalidInputError {
  try {
    render();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('rendered although a required field was missing');
}

describe('the notice content model', () => {
  it('maps every item each regime requires of a notice to individuals to a section or to the letter’s form', () => {
    for (const regime of withNotice) {
      for (const item of regime.recipients.filter((e) => e.recipient === 'individuals').flatMap((e) => e.requiredContents)) {
        expect([...NOTICE_SECTIONS, BY_FORM], `${regime.id} ${item.field}`).toContain(item.section);
      }
    }
  });

  for (const regime of withNotice) {
    const { sections } = noticeRequirements([regime]);
    for (const section of sections.filter((s) => !s.optional)) {
      it(`notice for ${regime.id}: without the section ${section.field}, or with it blank, the error names it and the law`, () => {
        const { [section.field]: _removed, ...rest } = allFields(sections.map((s) => s.field));
        const error = refusal(() => renderer.renderIndividualNotice(noticeInput(rest), { locale: 'en', regimes: [regime.id], date: NOTICE_DATE }));
        expect(error.message).toBe(`notice: missing required fields: ${section.field}`);
        expect(error.issues).toEqual([{ path: `content.fields.${section.field}`, message: expect.stringContaining(regime.id) }]);
        const blank = refusal(() => renderer.renderIndividualNotice(noticeInput({ ...rest, [section.field]: '  ' }), { locale: 'zh-CN', regimes: [regime.id], date: NOTICE_DATE }));
        expect(blank.message).toContain(section.field);
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
          }
        });
      }
    }
  }

  it('GDPR and UK GDPR ask for the same four sections; each section lists both laws’ items', () => {
    const { sections } = noticeRequirements(regimes.filter((r) => r.id === 'eu-gdpr' || r.id === 'uk-gdpr'));
    expect(sections.map((s) => [s.field, s.requiredBy])).toEqual([
      ['whatHappened', ['eu-gdpr', 'uk-gdpr']],
      ['likelyConsequences', ['eu-gdpr', 'uk-gdpr']],
      ['whatWeAreDoing', ['eu-gdpr', 'uk-gdpr']],
      ['contact', ['eu-gdpr', 'uk-gdpr']],
    ]);
    expect(sections.find((s) => s.field === 'contact')?.covers.map((c) => c.regime)).toEqual(['eu-gdpr', 'uk-gdpr']);
  });

  it('items the letter’s form satisfies (California title and headings, the date of the notice, HIPAA plain language) ask nobody for words', () => {
    const { sections, byForm } = noticeRequirements(regimes.filter((r) => r.id === 'us-ca-1798.82' || r.id === 'us-hipaa'));
    expect(byForm.map((i) => i.item)).toEqual(expect.arrayContaining(['title', 'headings', 'presentation', 'dateOfNotice', 'plainLanguage']));
    expect(sections.map((s) => s.field)).not.toContain('title');
    expect(sections.map((s) => s.field)).toContain('informationInvolved');
  });

  it('a section only optional items map to is never demanded (Australia’s other entities involved)', () => {
    const { sections } = noticeRequirements(regimes.filter((r) => r.id === 'au-ndb'));
    expect(sections.find((s) => s.field === 'otherInformation')?.optional).toBe(true);
    expect(sections.find((s) => s.field === 'whatHappened')?.optional).toBe(false);
  });
});
