import { describe, expect, it } from 'vitest';
import { contentHash, type VersionContent } from '../../src/notices/notice-content.js';
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
});

describe('field changes', () => {
  it('names each item that was added, changed or cleared', () => {
    const next: VersionContent = { ...base, locale: 'zh-CN', fields: { natureOfBreach: 'Changed.', measuresTaken: 'Closed the port.' } };
    expect(fieldChanges(base, next)).toEqual([
      { field: 'locale', from: 'en', to: 'zh-CN' },
      { field: 'natureOfBreach', from: 'A CRM export leaked.', to: 'Changed.' },
      { field: 'contactPoint', from: 'dpo@acme.example', to: null },
      { field: 'measuresTaken', from: null, to: 'Closed the port.' },
    ]);
  });
});
