import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { individualNoticeFields } from '../../src/notices/required-fields.js';
import { allFields, marker, noticeInput, setup } from './notice-fixtures.js';

const { regimes, renderer } = await setup();
const withNotice = regimes.filter((r) => r.recipients.some((e) => e.recipient === 'individuals'));
const everyField = allFields(individualNoticeFields(regimes).map((f) => f.field));

describe('notices to individuals', () => {
  it('ships en and zh-CN', () => {
    expect(renderer.locales).toEqual(expect.arrayContaining(['en', 'zh-CN']));
  });

  for (const locale of ['en', 'zh-CN']) {
    for (const regime of withNotice) {
      it(`${locale}: renders every required item of ${regime.id}, in HTML and in text`, () => {
        const out = renderer.renderIndividualNotice(noticeInput(everyField), { locale, regimes: [regime.id] });
        for (const field of individualNoticeFields([regime])) {
          expect(out.html, field.field).toContain(marker(field.field));
          expect(out.text, field.field).toContain(marker(field.field));
        }
        // Items of regimes that do not apply stay out.
        const foreign = individualNoticeFields(withNotice.filter((r) => r.id !== regime.id)).filter((f) => !individualNoticeFields([regime]).some((g) => g.field === f.field));
        for (const field of foreign) expect(out.text).not.toContain(marker(field.field));
        expect(out.subject).toContain('Acme Ltd');
        expect(out.html).toContain('Alex Doe');
        expect(out.text).not.toMatch(/undefined|\[object Object\]/);
      });
    }

    it(`${locale}: one notice satisfies every regime at once`, () => {
      const out = renderer.renderIndividualNotice(noticeInput(everyField), { locale, regimes: withNotice.map((r) => r.id) });
      for (const field of individualNoticeFields(withNotice)) expect(out.text).toContain(marker(field.field));
    });
  }

  it('California: the title "Notice of Data Breach" and the five headings, in order', () => {
    const out = renderer.renderIndividualNotice(noticeInput(everyField), { locale: 'en', regimes: ['us-ca-1798.82'] });
    expect(out.html).toContain('<h1>Notice of Data Breach</h1>');
    expect(out.subject).toMatch(/^Notice of Data Breach/);
    const headings = ['What Happened', 'What Information Was Involved', 'What We Are Doing', 'What You Can Do', 'For More Information'];
    const positions = headings.map((h) => out.html.indexOf(`<h2>${h}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const h of headings) expect(out.text).toContain(`== ${h} ==`);
  });

  it('zh-CN with California: the mandated English title and headings appear beside the Chinese ones', () => {
    const out = renderer.renderIndividualNotice(noticeInput(everyField), { locale: 'zh-CN', regimes: ['cn-pipl', 'us-ca-1798.82'] });
    expect(out.html).toContain('(Notice of Data Breach)</h1>');
    expect(out.html).toContain('<h2>发生了什么 (What Happened)</h2>');
    const pipl = renderer.renderIndividualNotice(noticeInput(everyField), { locale: 'zh-CN', regimes: ['cn-pipl'] });
    expect(pipl.html).not.toContain('What Happened');
  });

  it('zh-CN PIPL: the three Art. 57 items under their statutory wording', () => {
    const out = renderer.renderIndividualNotice(noticeInput(everyField), { locale: 'zh-CN', regimes: ['cn-pipl'] });
    const items: Array<[string, string]> = [
      ['信息种类', 'categoriesOfData'],
      ['原因', 'causeOfIncident'],
      ['可能造成的危害', 'possibleHarm'],
      ['我们已采取的补救措施', 'remedialMeasures'],
      ['您可以采取的减轻危害的措施', 'mitigationForIndividuals'],
      ['联系方式', 'contactInformation'],
    ];
    for (const [label, field] of items) expect(out.html).toContain(`<h3>${label}</h3>\n<p>${marker(field)}</p>`);
    expect(out.subject).toBe('Acme Ltd：个人信息泄露事件告知');
  });

  it('a regime-specific section appears only when that regime applies', () => {
    const ma = renderer.renderIndividualNotice(noticeInput(everyField), { locale: 'en', regimes: ['us-ma-93h'] });
    const gdpr = renderer.renderIndividualNotice(noticeInput(everyField), { locale: 'en', regimes: ['eu-gdpr'] });
    expect(ma.html).toContain('<h2>Your Rights Under Massachusetts Law</h2>');
    expect(gdpr.html).not.toContain('Massachusetts');
  });

  it('Australia: the notice carries the s 26WK statement items the regime file lists', () => {
    const { otherEntities: _omitted, ...withoutOptional } = everyField;
    const out = renderer.renderIndividualNotice(noticeInput(withoutOptional), { locale: 'en', regimes: ['au-ndb'] });
    for (const field of ['entityIdentityAndContact', 'descriptionOfBreach', 'kindsOfInformation', 'recommendedSteps']) expect(out.text).toContain(marker(field));
    expect(out.html).not.toContain('Other organisations involved');
  });

  it('refuses an unknown locale, naming the known ones', () => {
    const attempt = () => renderer.renderIndividualNotice(noticeInput(everyField), { locale: 'fr', regimes: ['eu-gdpr'] });
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/unknown locale "fr" \(known: en, zh-CN\)/);
  });

  it("uses the recipient's locale unless the caller forces one", () => {
    const input = { ...noticeInput(everyField), recipient: { name: 'Li Lei', locale: 'zh-CN' } };
    expect(renderer.renderIndividualNotice(input, { regimes: ['cn-pipl'] }).html).toContain('lang="zh-CN"');
    expect(renderer.renderIndividualNotice(input, { locale: 'en', regimes: ['cn-pipl'] }).html).toContain('lang="en"');
  });

  it('refuses an unknown regime, naming the known ones', () => {
    expect(() => renderer.renderIndividualNotice(noticeInput(everyField), { locale: 'en', regimes: ['xx-none'] })).toThrow(/unknown regime "xx-none".*known: .*eu-gdpr/);
  });
});
