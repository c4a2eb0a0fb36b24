import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { withTranslations, type VersionContent } from '../../src/notices/notice-content.js';
import { prepareIndividualNotice, type NoticeRecipient } from '../../src/notices/prepared-notice.js';
import { noticeRequirements } from '../../src/notices/render/content-model.js';
import { createNoticeRenderer } from '../../src/notices/render/renderer.js';
import { DEFAULT_TEMPLATES_DIR } from '../../src/notices/render/template-registry.js';
import { allFields, marker, NOTICE_DATE, setup } from './notice-fixtures.js';

const { regimes, renderer } = await setup();
const required = noticeRequirements(regimes.filter((r) => r.id === 'cn-pipl' || r.id === 'eu-gdpr')).sections.map((f) => f.field);
const zh = Object.fromEntries(required.map((f) => [f, `中文-${f}。`]));
const en = allFields(required);

/** The walkthrough's notice: primary zh-CN for 1.2 million people in China, en for 40,000 in Germany. */
const chatNotice: VersionContent = withTranslations(
  { template: 'notices/individuals/zh-CN', locale: 'zh-CN', regimes: ['cn-pipl', 'eu-gdpr'], stage: null, metadata: { organizationName: 'Acme Chat', senderName: 'Acme Chat Privacy', senderAddress: 'privacy@acme.example' }, fields: zh },
  { en },
);

const refusal = (attempt: () => unknown): InvalidInputError => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('was not refused');
};

const person = (name: string | null, locale: string | null, jurisdiction: string | null = null, custom: Record<string, string> = {}): NoticeRecipient => ({ name, locale, jurisdiction, custom });

describe('a prepared notice to individuals', () => {
  const prepared = prepareIndividualNotice(renderer, chatNotice, NOTICE_DATE);

  it('is written in its locales, the primary first, and names its sender', () => {
    expect(prepared.locales).toEqual(['zh-CN', 'en']);
    expect(prepared.sender).toEqual({ name: 'Acme Chat Privacy', address: 'privacy@acme.example' });
  });

  it('renders each recipient in their locale, and in the primary one when they name none', () => {
    const li = prepared.render(person('Li Lei', 'zh-CN'));
    expect(li.html).toContain('lang="zh-CN"');
    expect(li.html).toContain('尊敬的Li Lei：');
    expect(li.text).toContain('中文-likelyConsequences。');
    expect(li.subject).toBe('Acme Chat：个人信息安全事件告知');
    const max = prepared.render(person('Max Mustermann', 'en'));
    expect(max.html).toContain('lang="en"');
    expect(max.html).toContain('Dear Max Mustermann,');
    for (const field of required) expect(max.text).toContain(marker(field));
    expect(max.text).not.toContain('中文');
    expect(max.subject).toBe('Notice of Data Breach from Acme Chat');
    expect(prepared.render(person('Wang Fang', null)).html).toContain('lang="zh-CN"');
  });

  it('chooses the language: the recipient’s own locale (its language when the variant has no template), else where they live, else the primary', () => {
    expect(prepared.languageOf({ locale: 'en-GB', jurisdiction: 'CN' })).toEqual({ locale: 'en', reason: 'locale' });
    expect(prepared.languageOf({ locale: null, jurisdiction: 'US-CA' })).toEqual({ locale: 'en', reason: 'jurisdiction' });
    expect(prepared.languageOf({ locale: null, jurisdiction: 'CN' })).toEqual({ locale: 'zh-CN', reason: 'jurisdiction' });
    expect(prepared.languageOf({ locale: null, jurisdiction: 'DE' })).toEqual({ locale: 'de', reason: 'jurisdiction' });
    expect(prepared.languageOf({ locale: 'pl', jurisdiction: 'PL' })).toEqual({ locale: 'zh-CN', reason: 'primary' });
    expect(prepared.languageOf({ locale: null, jurisdiction: null })).toEqual({ locale: 'zh-CN', reason: 'primary' });
    expect(prepared.render(person('Jo', null, 'GB')).html).toContain('lang="en"');
  });

  it('greets a recipient without a name sensibly', () => {
    const zhText = prepared.render(person(null, 'zh-CN'));
    expect(zhText.text).toContain('尊敬的用户：');
    expect(zhText.html).toContain('<p>尊敬的用户：</p>');
    const enText = prepared.render(person(null, 'en'));
    expect(enText.text).not.toMatch(/Dear ?,|null/);
  });

  it('refuses a recipient whose language the notice is not written in, naming its locales', () => {
    const error = refusal(() => prepareIndividualNotice(renderer, { ...chatNotice, translations: undefined }, NOTICE_DATE).render(person('Max', 'en')));
    expect(error.message).toBe('this notice is not written in "en" (its locales: zh-CN)');
    expect(error.issues).toEqual([{ path: 'locale', message: error.message }]);
    // A German resident reads German, which this notice is not written in: never silently another language.
    expect(() => prepared.render(person('Jean', null, 'DE'))).toThrow(/not written in "de" \(its locales: zh-CN, en\)/);
  });

  it('renders what a one-off render of the same words renders', () => {
    const one = renderer.renderIndividualNotice(
      { content: { organization: { name: 'Acme Chat' }, fields: en }, recipient: { name: 'Jo Bloggs' } },
      { locale: 'en', regimes: ['cn-pipl', 'eu-gdpr'], date: NOTICE_DATE },
    );
    prepared.render(person('Someone Else', 'en'));
    expect(prepared.render(person('Jo Bloggs', 'en'))).toEqual(one);
  });

  it('is refused while any locale still holds suggested text, naming each', () => {
    const suggested = withTranslations(chatNotice, { en: { ...en, informationInvolved: '[[The personal information involved includes names.]]' } });
    const error = refusal(() => prepareIndividualNotice(renderer, suggested, NOTICE_DATE));
    expect(error.issues.map((i) => i.path)).toEqual(['translations.en.informationInvolved']);
  });

  it('is refused as a whole while any locale misses a required item, naming the locale and the item', () => {
    const { likelyConsequences: _omitted, ...gap } = zh;
    const incomplete = withTranslations({ ...chatNotice, template: 'notices/individuals/en', locale: 'en', fields: en }, { 'zh-CN': gap });
    const error = refusal(() => prepareIndividualNotice(renderer, incomplete, NOTICE_DATE));
    expect(error.message).toBe('notice in zh-CN: missing required fields: likelyConsequences');
    expect(error.issues).toEqual([{ path: 'translations.zh-CN.likelyConsequences', message: expect.stringContaining('cn-pipl') }]);
    const both = refusal(() => prepareIndividualNotice(renderer, { ...incomplete, fields: { ...en, contact: ' ' } }, NOTICE_DATE));
    expect(both.issues.map((i) => i.path)).toEqual(['fields.contact', 'translations.zh-CN.likelyConsequences']);
  });

  it('checks the stored words before any template sees them', () => {
    const error = refusal(() => prepareIndividualNotice(renderer, { ...chatNotice, metadata: { organizationName: 'Acme\r\nBcc: x@evil.example' } }, NOTICE_DATE));
    expect(error.issues[0]?.path).toBe('metadata.organizationName');
    expect(refusal(() => prepareIndividualNotice(renderer, { ...chatNotice, translations: { 'zh-CN': zh } }, NOTICE_DATE)).issues[0]?.path).toBe('translations');
  });
});

describe('recipient values in a prepared notice', () => {
  // An organisation's own template using a custom column, in the body and the subject.
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stay data: escaped in HTML, verbatim in the text, one line in the subject', async () => {
    dir = await mkdtemp(join(tmpdir(), 'breachline-prepared-'));
    await cp(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    const body = join(dir, 'notices/individuals/en/body.hbs');
    const withMember = (await readFile(body, 'utf8')).replace(
      '{{> section name="whatHappened" heading="What Happened"}}',
      '{{#if recipient.custom.memberId}}{{#> para}}Your member number: {{recipient.custom.memberId}}{{/para}}{{/if}}\n{{> section name="whatHappened" heading="What Happened"}}',
    );
    await writeFile(body, withMember);
    await writeFile(join(dir, 'notices/individuals/en/subject.hbs'), 'Notice of Data Breach from {{organization.name}}{{#if recipient.name}} for {{recipient.name}}{{/if}}\n');
    const custom = await createNoticeRenderer(regimes, dir);
    const notice = prepareIndividualNotice(custom, { ...chatNotice, template: 'notices/individuals/en', locale: 'en', fields: en, translations: { 'zh-CN': zh } }, NOTICE_DATE);

    notice.render(person('Jo', 'en', null, { memberId: 'M-1' }));
    const hostile = notice.render(person('<img src=x onerror=alert(1)>\r\nBcc: victim@example.com', null, null, { memberId: '<script>alert("x")</script> & {{organization.name}}' }));
    expect(hostile.html).not.toMatch(/<img|<script/);
    expect(hostile.html).toContain('Dear &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(hostile.html).toContain('Your member number: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{organization.name}}');
    expect(hostile.text).toContain('Your member number: <script>alert("x")</script> & {{organization.name}}');
    expect(hostile.subject).toBe('Notice of Data Breach from Acme Chat for <img src=x onerror=alert(1)> Bcc: victim@example.com');
    expect(notice.render(person(null, 'en')).text).not.toContain('member number');
    // The other locale's template does not use the column: the value stays out of it.
    expect(notice.render(person('Li', 'zh-CN', null, { memberId: 'M-2' })).text).not.toContain('M-2');
  });
});
