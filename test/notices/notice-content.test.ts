import { describe, expect, it } from 'vitest';
import { canonicalContent, contentHash, localesOf, parseContent, withTranslations, type VersionContent } from '../../src/notices/notice-content.js';
import { fieldChanges } from '../../src/notices/notice-diff.js';

const base: VersionContent = {
  template: 'notices/individuals/en',
  locale: 'en',
  regimes: ['eu-gdpr'],
  stage: null,
  metadata: { organizationName: 'Acme Ltd' },
  fields: { natureOfBreach: 'A CRM export leaked.', contactPoint: 'dpo@acme.example' },
};

describe('content hash', () => {
  it('depends on the content, not on the order keys were written in', () => {
    const reordered: VersionContent = { ...base, fields: { contactPoint: 'dpo@acme.example', natureOfBreach: 'A CRM export leaked.' } };
    expect(contentHash(reordered)).toBe(contentHash(base));
    expect(contentHash(base)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('covers every item, the metadata, the template and the locale', () => {
    const variants: VersionContent[] = [
      { ...base, fields: { ...base.fields, contactPoint: 'dpo@acme.example ' } },
      { ...base, metadata: { organizationName: 'Acme Limited' } },
      { ...base, template: 'notices/individuals/zh-CN' },
      { ...base, locale: 'zh-CN' },
      { ...base, regimes: ['eu-gdpr', 'uk-gdpr'] },
    ];
    for (const variant of variants) expect(contentHash(variant)).not.toBe(contentHash(base));
  });

  // Pinned from the code before notices took several languages: approvals already given must still match.
  it('is unchanged for content stored before translations existed', () => {
    const storedNotice =
      '{"fields":{"contactPoint":"dpo@acme.example","natureOfBreach":"A CRM export leaked."},"locale":"en","metadata":{"organizationName":"Acme Ltd"},"regimes":["eu-gdpr"],"stage":null,"template":"notices/individuals/en"}';
    const storedReport =
      '{"fields":{"natureOfBreach":"A."},"locale":null,"metadata":{"organizationName":"Acme Ltd","summary":"x","title":"CRM export leaked"},"regimes":["eu-gdpr"],"stage":"notification","template":"reports/eu-gdpr"}';
    expect(contentHash(base)).toBe('sha256:9c8fd4bd14c0e15758a634f4b1b0a92cf89583c6a4ffefd3f91bc70c5dcc5dd7');
    expect(canonicalContent(base)).toBe(storedNotice);
    expect(contentHash(parseContent(storedNotice))).toBe('sha256:9c8fd4bd14c0e15758a634f4b1b0a92cf89583c6a4ffefd3f91bc70c5dcc5dd7');
    expect(contentHash(parseContent(storedReport))).toBe('sha256:822ffb6e7b5b2814be04b8759827dddf9624ab07d5ba296824d7b639330abf26');
    // A notice whose last translation was removed is a one-language notice again, hash and all.
    expect(canonicalContent(withTranslations(base, {}))).toBe(storedNotice);
    expect(contentHash(withTranslations(withTranslations(base, { 'zh-CN': { contactPoint: '联系' } }), {}))).toBe(contentHash(base));
  });

  it('covers every translation: one approval is one hash over every language', () => {
    const both = withTranslations(base, { 'zh-CN': { natureOfBreach: '导出文件泄露。', contactPoint: 'dpo@acme.example' } });
    expect(contentHash(both)).not.toBe(contentHash(base));
    expect(contentHash(withTranslations(base, { 'zh-CN': { natureOfBreach: '导出文件泄露', contactPoint: 'dpo@acme.example' } }))).not.toBe(contentHash(both));
    expect(contentHash(withTranslations(base, { 'zh-CN': {} }))).not.toBe(contentHash(base));
  });

  it('lists the locales primary first, then the translations in code order', () => {
    expect(localesOf(withTranslations({ ...base, locale: 'zh-CN' }, { fr: {}, en: {} }))).toEqual(['zh-CN', 'en', 'fr']);
    expect(localesOf({ ...base, locale: null })).toEqual([]);
  });
});

describe('field changes', () => {
  it('names each item that was added, changed or cleared, with its locale', () => {
    const next: VersionContent = { ...base, fields: { natureOfBreach: 'Changed.', measuresTaken: 'Closed the port.' } };
    expect(fieldChanges(base, next)).toEqual([
      { field: 'natureOfBreach', locale: 'en', from: 'A CRM export leaked.', to: 'Changed.' },
      { field: 'contactPoint', locale: 'en', from: 'dpo@acme.example', to: null },
      { field: 'measuresTaken', locale: 'en', from: null, to: 'Closed the port.' },
    ]);
  });

  it('keeps each locale apart: the same item in two languages is two changes', () => {
    const a = withTranslations(base, { 'zh-CN': { natureOfBreach: '旧文本', contactPoint: 'dpo@acme.example' } });
    const b = withTranslations(base, { 'zh-CN': { natureOfBreach: '新文本', contactPoint: 'dpo@acme.example' } });
    expect(fieldChanges(a, b)).toEqual([{ field: 'natureOfBreach', locale: 'zh-CN', from: '旧文本', to: '新文本' }]);
    expect(fieldChanges(base, a)).toEqual([
      { field: 'locales', from: 'en', to: 'en, zh-CN' },
      { field: 'natureOfBreach', locale: 'zh-CN', from: null, to: '旧文本' },
      { field: 'contactPoint', locale: 'zh-CN', from: null, to: 'dpo@acme.example' },
    ]);
  });

  it('a relabelled primary locale moves its items from one locale to the other', () => {
    const relabelled: VersionContent = { ...base, locale: 'zh-CN', template: 'notices/individuals/zh-CN' };
    expect(fieldChanges(base, relabelled)).toEqual([
      { field: 'template', from: 'notices/individuals/en', to: 'notices/individuals/zh-CN' },
      { field: 'locale', from: 'en', to: 'zh-CN' },
      { field: 'locales', from: 'en', to: 'zh-CN' },
      { field: 'natureOfBreach', locale: 'en', from: 'A CRM export leaked.', to: null },
      { field: 'contactPoint', locale: 'en', from: 'dpo@acme.example', to: null },
      { field: 'natureOfBreach', locale: 'zh-CN', from: null, to: 'A CRM export leaked.' },
      { field: 'contactPoint', locale: 'zh-CN', from: null, to: 'dpo@acme.example' },
    ]);
  });

  it('a report’s items carry no locale', () => {
    const report: VersionContent = { ...base, template: 'reports/eu-gdpr', locale: null, stage: 'notification' };
    expect(fieldChanges(report, { ...report, fields: { ...report.fields, contactPoint: 'x' } })).toEqual([{ field: 'contactPoint', from: 'dpo@acme.example', to: 'x' }]);
  });
});
