import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { documentData } from '../../../src/notices/render/document-data.js';
import { withRecipientSlots } from '../../../src/notices/render/recipient-slots.js';
import type { RecipientRender, RecipientView } from '../../../src/notices/render/render-individual-notice.js';
import { TemplateRegistry } from '../../../src/notices/render/template-registry.js';

// A template that prints and tests every recipient value in every part of a message.
const dir = await mkdtemp(join(tmpdir(), 'breachline-slots-'));
await mkdir(join(dir, 'letter'));
await writeFile(join(dir, 'letter/subject.hbs'), 'Notice{{#if recipient.name}} for {{recipient.name}}{{/if}}  {{#if recipient.custom.a}}({{recipient.custom.a}}){{/if}}\n');
await writeFile(
  join(dir, 'letter/body.hbs'),
  [
    '{{#if recipient.name}}Dear {{recipient.name}},{{else}}Hello,{{/if}}',
    '',
    '',
    '',
    '{{#if recipient.custom.a}}A: {{recipient.custom.a}}   {{/if}}',
    '{{#unless recipient.custom.b}}no b{{/unless}}{{#if recipient.custom.b}}B={{recipient.custom.b}}/{{recipient.custom.b}}{{/if}}',
    '   ',
    'Yours   ',
  ].join('\n'),
);
afterAll(() => rm(dir, { recursive: true, force: true }));

const registry = await TemplateRegistry.load(dir);
const set = registry.get('letter')!;
const doc = documentData({ fields: [], values: {}, knownFields: [] });
const full: RecipientRender = (recipient) => {
  const out = registry.render(set, { recipient }, { doc });
  return { subject: out.subject, html: out.html!, text: out.text };
};

// Values with what escaping, folding and tidying act on: markup, quotes, runs of spaces, line breaks of every kind.
const value = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '  ', '\t', '\n', '\r', '\u2028', '<', '>', '&', '"', "'", '`', '=', '中', 'é', '\u00a0'), maxLength: 10 });
const recipient: fc.Arbitrary<RecipientView> = fc.record({
  name: fc.option(value, { nil: null }),
  custom: fc.dictionary(fc.constantFrom('a', 'b'), value),
});

describe('recipient slots', () => {
  it('give exactly what a full render gives, for any values', () => {
    const slotted = withRecipientSlots(full);
    fc.assert(
      fc.property(recipient, (r) => {
        expect(slotted(r)).toEqual(full(r));
      }),
      { numRuns: 2_000 },
    );
  });

  it('escape recipient values in HTML and keep them verbatim, on one line, in the subject and text', () => {
    const slotted = withRecipientSlots(full);
    slotted({ name: 'Jo', custom: { a: 'x' } });
    const out = slotted({ name: '<b>Eve</b>\r\nBcc: x@evil.example', custom: { a: '"{{a}}" & <i>' } });
    expect(out.html).toContain('Dear &lt;b&gt;Eve&lt;/b&gt;');
    expect(out.html).toContain('A: &quot;{{a}}&quot; &amp; &lt;i&gt;');
    expect(out.html).not.toMatch(/<b>|<i>/);
    expect(out.text).toContain('A: "{{a}}" & <i>');
    expect(out.subject).toBe('Notice for <b>Eve</b> Bcc: x@evil.example ("{{a}}" & <i>)');
  });

  it('still renders correctly beyond the kinds of recipient it remembers', () => {
    const slotted = withRecipientSlots(full);
    for (let i = 0; i < 300; i++) {
      const r = { name: i % 2 === 0 ? `R${i}` : null, custom: { [`k${i}`]: 'v', a: `a${i}` } };
      expect(slotted(r)).toEqual(full(r));
    }
  });
});
