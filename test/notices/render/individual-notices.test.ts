import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { NOTICE_SECTIONS } from '../../../src/obligations/notice-sections.js';
import { noticeRequirements } from '../../../src/notices/render/content-model.js';
import { allFields, marker, NOTICE_DATE, noticeInput, setup } from '../notice-fixtures.js';

const { regimes, renderer } = await setup();
const withNotice = regimes.filter((r) => r.recipients.some((e) => e.recipient === 'individuals'));
const everySection = allFields(NOTICE_SECTIONS);
const render = (locale: string, ids: string[], fields = everySection, name = 'Alex Doe') =>
  renderer.renderIndividualNotice(noticeInput(fields, name), { locale, regimes: ids, date: NOTICE_DATE });
const count = (text: string, part: string) => text.split(part).length - 1;

describe('notices to individuals', () => {
  it('ships the languages of the affected people: en, zh-CN, de, fr, es, it, nl, pt-BR, ja, ko', () => {
    expect(renderer.locales).toEqual(expect.arrayContaining(['en', 'zh-CN', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'ja', 'ko']));
  });

  for (const locale of renderer.locales) {
    it(`${locale}: every section once, in HTML and text, declared in its language, dated in its own way`, () => {
      const out = render(locale, withNotice.map((r) => r.id));
      for (const section of NOTICE_SECTIONS) {
        expect(count(out.text, marker(section)), section).toBe(1);
        expect(count(out.html, marker(section)), section).toBe(1);
      }
      expect(out.html).toContain(`<html lang="${locale}">`);
      expect(out.text).toContain(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(NOTICE_DATE)));
      expect(out.subject).toContain('Acme Ltd');
      expect(out.html).toContain('Alex Doe');
      expect(out.text).not.toMatch(/undefined|\[object Object\]|\{\{|\[\[/);
    });

    it(`${locale}: an empty section is not sent, heading and all, and no paragraph repeats`, () => {
      const some = { whatHappened: marker('whatHappened'), contact: marker('contact') };
      const full = render(locale, ['eu-gdpr', 'cn-pipl'], everySection);
      const sparse = render(locale, ['us-fl-501.171'], { ...some, informationInvolved: marker('informationInvolved') });
      expect(sparse.text).not.toContain(marker('likelyConsequences'));
      // Fewer headings when fewer sections have words: the headings of empty sections are gone.
      expect(sparse.html.match(/<h[23]>/g)?.length ?? 0).toBeLessThan(full.html.match(/<h[23]>/g)?.length ?? 0);
      const paragraphs = full.text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
      expect(new Set(paragraphs).size).toBe(paragraphs.length);
    });

    it(`${locale}: a recipient without a name gets a greeting that presumes nothing`, () => {
      const out = renderer.prepareLocalizedNotice(noticeInput(everySection).content, { locale, regimes: ['eu-gdpr'], date: NOTICE_DATE, what: 'notice', itemsAt: 'fields' })({ name: null, custom: {} });
      expect(out.text).not.toMatch(/null|undefined/);
      expect(out.text).toContain(marker('whatHappened'));
    });
  }

  it('one section satisfies every law that asks for the concept: PIPL "possible harm", NDSMR "harmful consequences" and GDPR "likely consequences"', () => {
    const { sections } = noticeRequirements(regimes.filter((r) => ['cn-pipl', 'cn-ndsmr', 'eu-gdpr'].includes(r.id)));
    const consequences = sections.find((s) => s.field === 'likelyConsequences');
    expect(consequences?.covers.map((c) => `${c.regime}:${c.item}`)).toEqual(['cn-ndsmr:harmfulConsequences', 'cn-pipl:possibleHarm', 'eu-gdpr:likelyConsequences']);
    expect(sections.map((s) => s.field)).toEqual(['whatHappened', 'informationInvolved', 'likelyConsequences', 'whatWeAreDoing', 'whatYouCanDo', 'contact']);
    const out = render('en', ['cn-pipl', 'cn-ndsmr', 'eu-gdpr']);
    expect(count(out.text, marker('likelyConsequences'))).toBe(1);
  });

  it('California: the title "Notice of Data Breach" and the five headings, in order', () => {
    const out = render('en', ['us-ca-1798.82']);
    expect(out.html).toContain('<h1>Notice of Data Breach</h1>');
    expect(out.subject).toMatch(/^Notice of Data Breach/);
    const headings = ['What Happened', 'What Information Was Involved', 'What We Are Doing', 'What You Can Do', 'For More Information'];
    const positions = headings.map((h) => out.html.indexOf(`<h2>${h}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The credit bureaus go under "What You Can Do", the identity theft services under "What We Are Doing".
    expect(out.html.indexOf(marker('identityProtection'))).toBeGreaterThan(positions[2] as number);
    expect(out.html.indexOf(marker('identityProtection'))).toBeLessThan(positions[3] as number);
    expect(out.html.indexOf(marker('helpResources'))).toBeGreaterThan(positions[3] as number);
  });

  it('the notice in Chinese uses Chinese headings only, whatever law applies', () => {
    const out = render('zh-CN', ['cn-pipl', 'us-ca-1798.82']);
    expect(out.html).not.toMatch(/What Happened|Notice of Data Breach/);
    expect(out.subject).toBe('Acme Ltd：个人信息安全事件告知');
  });

  it('refuses an unknown locale, naming the known ones', () => {
    const attempt = () => render('xx', ['eu-gdpr']);
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/unknown locale "xx" \(known: .*de.*en.*zh-CN/);
  });

  it("uses the recipient's locale unless the caller forces one", () => {
    const input = { ...noticeInput(everySection), recipient: { name: 'Li Lei', locale: 'zh-CN' } };
    expect(renderer.renderIndividualNotice(input, { regimes: ['cn-pipl'], date: NOTICE_DATE }).html).toContain('lang="zh-CN"');
    expect(renderer.renderIndividualNotice(input, { locale: 'de', regimes: ['cn-pipl'], date: NOTICE_DATE }).html).toContain('lang="de"');
  });

  it('refuses an unknown regime, naming the known ones', () => {
    expect(() => render('en', ['xx-none'])).toThrow(/unknown regime "xx-none".*known: .*eu-gdpr/);
  });

  it('dates the letter as its language writes a day: the French first of the month is "1er"', () => {
    const on = (locale: string) => renderer.renderIndividualNotice(noticeInput(everySection), { locale, regimes: ['eu-gdpr'], date: '2026-12-01T09:00:00.000Z' }).text;
    expect(on('fr')).toContain('1er décembre 2026');
    expect(on('de')).toContain('1. Dezember 2026');
    expect(on('ja')).toContain('2026年12月1日');
  });

  it('names CJK fonts for Chinese, Japanese and Korean, each its own', () => {
    const html = render('en', ['eu-gdpr']).html;
    expect(html).toMatch(/:lang\(zh\)\{font-family:"PingFang SC"/);
    expect(html).toMatch(/:lang\(ja\)\{font-family:"Hiragino Kaku Gothic ProN"/);
    expect(html).toMatch(/:lang\(ko\)\{font-family:"Apple SD Gothic Neo"/);
  });
});
