import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../../src/notices/index.js';
import { withTranslations, type VersionContent } from '../../src/notices/notice-content.js';
import { prepareIndividualNotice } from '../../src/notices/prepared-notice.js';
import { individualNoticeFields } from '../../src/notices/required-fields.js';
import { allFields, marker, setup } from './notice-fixtures.js';

const { regimes, renderer } = await setup();
const required = individualNoticeFields(regimes.filter((r) => r.id === 'cn-pipl' || r.id === 'eu-gdpr')).map((f) => f.field);
const zh = Object.fromEntries(required.map((f) => [f, `中文-${f}。`]));
const en = allFields(required);

/** The walkthrough's notice: primary zh-CN for 1.2 million people in China, en for 40,000 in Germany. */
const chatNotice: VersionContent = withTranslations(
  { template: 'notices/individuals/zh-CN', locale: 'zh-CN', regimes: ['cn-pipl', 'eu-gdpr'], stage: null, metadata: { organizationName: 'Acme Chat' }, fields: zh },
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

describe('a prepared notice to individuals', () => {
  const prepared = prepareIndividualNotice(renderer, chatNotice);

  it('is written in its locales, the primary first', () => {
    expect(prepared.locales).toEqual(['zh-CN', 'en']);
  });

  it('renders each recipient in their locale, and in the primary one when they name none', () => {
    const li = prepared.render({ name: 'Li Lei', locale: 'zh-CN', custom: {} });
    expect(li.html).toContain('lang="zh-CN"');
    expect(li.html).toContain('尊敬的Li Lei：');
    expect(li.text).toContain('中文-possibleHarm。');
    expect(li.subject).toBe('Acme Chat：个人信息泄露事件告知');
    const max = prepared.render({ name: 'Max Mustermann', locale: 'en', custom: {} });
    expect(max.html).toContain('lang="en"');
    expect(max.html).toContain('Dear Max Mustermann,');
    for (const field of required) expect(max.text).toContain(marker(field));
    expect(max.text).not.toContain('中文');
    expect(max.subject).toBe('Notice of Data Breach from Acme Chat');
    const unknown = prepared.render({ name: 'Wang Fang', locale: null, custom: {} });
    expect(unknown.html).toContain('lang="zh-CN"');
  });

  it('greets a recipient without a name sensibly in every locale', () => {
    const zhText = prepared.render({ name: null, locale: 'zh-CN', custom: {} });
    expect(zhText.text).toContain('尊敬的用户：');
    expect(zhText.html).toContain('<p>尊敬的用户：</p>');
    const enText = prepared.render({ name: null, locale: 'en', custom: {} });
    expect(enText.text).toMatch(/^Hello,$/m);
    expect(enText.html).toContain('<p>Hello,</p>');
    expect(enText.text).not.toMatch(/Dear ?,/);
  });

  it('refuses a recipient whose locale the notice is not written in, naming its locales', () => {
    const error = refusal(() => prepareIndividualNotice(renderer, { ...chatNotice, translations: undefined }).render({ name: 'Max', locale: 'en', custom: {} }));
    expect(error.message).toBe('this notice is not written in "en" (its locales: zh-CN)');
    expect(error.issues).toEqual([{ path: 'locale', message: error.message }]);
    expect(() => prepared.render({ name: 'Jean', locale: 'fr', custom: {} })).toThrow(/not written in "fr" \(its locales: zh-CN, en\)/);
  });

  it('renders what a one-off render of the same words renders', () => {
    const one = renderer.renderIndividualNotice({ content: { organization: { name: 'Acme Chat' }, fields: en }, recipient: { name: 'Jo Bloggs' } }, { locale: 'en', regimes: ['cn-pipl', 'eu-gdpr'] });
    prepared.render({ name: 'Someone Else', locale: 'en', custom: {} });
    expect(prepared.render({ name: 'Jo Bloggs', locale: 'en', custom: {} })).toEqual(one);
  });

  it('is refused as a whole while any locale misses a required item, naming the locale and the item', () => {
    const { possibleHarm: _omitted, ...gap } = zh;
    const incomplete = withTranslations({ ...chatNotice, template: 'notices/individuals/en', locale: 'en', fields: en }, { 'zh-CN': gap });
    const error = refusal(() => prepareIndividualNotice(renderer, incomplete));
    expect(error.message).toBe('notice in zh-CN: missing required fields: possibleHarm');
    expect(error.issues).toEqual([{ path: 'translations.zh-CN.possibleHarm', message: expect.stringContaining('cn-pipl') }]);
    const both = refusal(() => prepareIndividualNotice(renderer, { ...incomplete, fields: { ...en, contactPoint: ' ' } }));
    expect(both.issues.map((i) => i.path)).toEqual(['fields.contactPoint', 'translations.zh-CN.possibleHarm']);
  });

  it('checks the stored words before any template sees them', () => {
    const error = refusal(() => prepareIndividualNotice(renderer, { ...chatNotice, metadata: { organizationName: 'Acme\r\nBcc: x@evil.example' } }));
    expect(error.issues[0]?.path).toBe('metadata.organizationName');
    expect(refusal(() => prepareIndividualNotice(renderer, { ...chatNotice, translations: { 'zh-CN': zh } })).issues[0]?.path).toBe('translations');
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
      '{{> heading text="What Happened"}}',
      '{{#if recipient.custom.memberId}}{{#> para}}Your member number: {{recipient.custom.memberId}}{{/para}}{{/if}}\n{{> heading text="What Happened"}}',
    );
    await writeFile(body, withMember);
    await writeFile(join(dir, 'notices/individuals/en/subject.hbs'), 'Notice of Data Breach from {{organization.name}}{{#if recipient.name}} for {{recipient.name}}{{/if}}\n');
    const custom = await createNoticeRenderer(regimes, dir);
    const notice = prepareIndividualNotice(custom, { ...chatNotice, template: 'notices/individuals/en', locale: 'en', fields: en, translations: { 'zh-CN': zh } });

    notice.render({ name: 'Jo', locale: 'en', custom: { memberId: 'M-1' } });
    const hostile = notice.render({ name: '<img src=x onerror=alert(1)>\r\nBcc: victim@example.com', locale: null, custom: { memberId: '<script>alert("x")</script> & {{organization.name}}' } });
    expect(hostile.html).not.toMatch(/<img|<script/);
    expect(hostile.html).toContain('Dear &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(hostile.html).toContain('Your member number: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{organization.name}}');
    expect(hostile.text).toContain('Your member number: <script>alert("x")</script> & {{organization.name}}');
    expect(hostile.subject).toBe('Notice of Data Breach from Acme Chat for <img src=x onerror=alert(1)> Bcc: victim@example.com');
    expect(notice.render({ name: null, locale: 'en', custom: {} }).text).not.toContain('member number');
    // The other locale's template does not use the column: the value stays out of it.
    expect(notice.render({ name: 'Li', locale: 'zh-CN', custom: { memberId: 'M-2' } }).text).not.toContain('M-2');
  });
});
