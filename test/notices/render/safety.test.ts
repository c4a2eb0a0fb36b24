import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { noticeRequirements } from '../../../src/notices/render/content-model.js';
import { createNoticeRenderer } from '../../../src/notices/render/renderer.js';
import { DEFAULT_TEMPLATES_DIR, TemplateFileError, TemplateRegistry } from '../../../src/notices/render/template-registry.js';
import { allFields, NOTICE_DATE, noticeInput, reportInput, setup } from '../notice-fixtures.js';

const { regimes, renderer } = await setup();
const gdprFields = allFields(noticeRequirements(regimes.filter((r) => r.id === 'eu-gdpr')).sections.map((f) => f.field));
const gdpr = { locale: 'en', regimes: ['eu-gdpr'], date: NOTICE_DATE };

describe('untrusted data stays data', () => {
  it('escapes markup in HTML and keeps it verbatim in text', () => {
    const input = noticeInput({ ...gdprFields, whatHappened: '<script>alert(1)</script> & "quotes"' }, '<img src=x onerror=alert(1)>');
    const out = renderer.renderIndividualNotice(input, gdpr);
    expect(out.html).not.toContain('<script>');
    expect(out.html).not.toContain('<img');
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(out.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(out.text).toContain('<script>alert(1)</script> & "quotes"');
  });

  it('never evaluates template code inside a value', () => {
    const value = '{{organization.name}} {{> layout}} {{#each x}}{{/each}} {{{title}}}';
    const out = renderer.renderIndividualNotice(noticeInput({ ...gdprFields, whatHappened: value }), gdpr);
    expect(out.text).toContain(value);
    expect(out.html).toContain('{{organization.name}} {{&gt; layout}} {{#each x}}{{/each}} {{{title}}}');
  });

  it.each(['Acme\r\nBcc: victim@example.com', 'Acme\nX-Header: 1', 'Acme\u2028Bcc: x'])('refuses a line break in anything that reaches a subject: %j', (name) => {
    const notice = { ...noticeInput(gdprFields), content: { organization: { name }, fields: gdprFields } };
    expect(() => renderer.renderIndividualNotice(notice, gdpr)).toThrow(InvalidInputError);
    const report = { ...reportInput({}), incident: { title: name, summary: 'x' } };
    expect(() => renderer.renderRegulatorReport(report, { regime: 'cn-csl' })).toThrow(/incident\.title must be one line/);
  });

  it('folds a line break in an escalation subject instead of blocking the alert', () => {
    const out = renderer.renderEscalationMail({
      incidentId: 'i',
      incident: { title: 'Leak\r\nBcc: victim@example.com', severity: 'high' },
      obligation: { regime: 'eu-gdpr', recipient: 'regulator', authority: 'SA', jurisdiction: 'DE', dueAt: null, status: 'pending', citation: 'GDPR Art. 33' },
      overdue: false,
    });
    expect(out.subject).not.toMatch(/[\r\n]/);
    expect(out.subject).toBe('[Breachline] Due soon: eu-gdpr regulator (DE) - Leak Bcc: victim@example.com');
  });
});

describe('template registry', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function copyWith(file: string, source: string): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'breachline-templates-'));
    await cp(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    await writeFile(join(dir, file), source);
    return dir;
  }

  it('loads the shipped templates', async () => {
    await expect(TemplateRegistry.load()).resolves.toBeInstanceOf(TemplateRegistry);
  });

  it.each([
    ['notices/individuals/en/body.hbs', '{{#> layout lang="en" title="x"}}{{#if x}}{{/layout}}', /^notices\/individuals\/en\/body\.hbs: if doesn't match layout/],
    ['reports/eu-gdpr/subject.hbs', '{{{organization.name}}}', /reports\/eu-gdpr\/subject\.hbs: line 1: triple-stash/],
    ['reports/eu-gdpr/body.hbs', '{{> no-such-partial}}', /reports\/eu-gdpr\/body\.hbs: calls partial\(s\) with no html version: no-such-partial/],
    ['reports/eu-gdpr/body.hbs', '<b>bold</b>', /reports\/eu-gdpr\/body\.hbs: line 1: a template rendered as both HTML and text/],
    ['reports/eu-gdpr/notes.md.hbs', 'x', /reports\/eu-gdpr\/notes\.md\.hbs: is not a known template file/],
    ['notices/individuals/en/subject.hbs', '{{any-shown recipient.name "x"}}', /subject\.hbs: line 1: a recipient value may only be printed/],
    ['notices/individuals/en/phrases.yaml', 'language: English', /notices\/individuals\/en\/phrases\.yaml: sampleRecipient: .*\n.*categories/],
    ['notices/individuals/en/phrases.yaml', 'x: [', /phrases\.yaml: /],
    ['notices/individuals/en/subject.hbs', 'x\n{{#each recipient.custom}}{{this}}{{/each}}', /subject\.hbs: line 2: a recipient value may only be printed/],
    ['partials/text/para.hbs', '{{> @partial-block}}{{lookup recipient "name"}}', /para\.hbs: line 1: a recipient value may only be printed/],
    ['partials/html/prose.hbs', '{{paragraphs @root.recipient.custom.note}}', /prose\.hbs: line 1: a recipient value may only be printed/],
    ['notices/individuals/en/subject.hbs', '{{#with recipient}}{{name}}{{/with}}', /subject\.hbs: line 1: a recipient value may only be printed/],
  ])('refuses a broken %s, naming it', async (file, source, message) => {
    const error = await TemplateRegistry.load(await copyWith(file, source)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateFileError);
    expect((error as Error).message).toMatch(message);
  });

  it('lets a template print and test recipient values, at any depth', async () => {
    const source = '{{#if recipient.custom.memberId}}{{#if x}}{{../recipient.custom.memberId}}{{/if}}{{else}}{{recipient.name}}{{/if}}{{@root.recipient.name}}';
    await expect(TemplateRegistry.load(await copyWith('notices/individuals/en/subject.hbs', source))).resolves.toBeInstanceOf(TemplateRegistry);
  });

  it('a misspelt field name in a template fails loudly instead of rendering a blank', async () => {
    const broken = await createNoticeRenderer(regimes, await copyWith('reports/eu-gdpr/body.hbs', '{{> report-item name="natureOfBreech"}}'));
    const fields = allFields(['natureOfBreach', 'categoriesAndNumberOfDataSubjects', 'categoriesAndNumberOfRecords', 'contactPoint', 'likelyConsequences', 'measuresTaken', 'reasonsForDelay']);
    expect(() => broken.renderRegulatorReport(reportInput(fields), { regime: 'eu-gdpr', stage: 'notification' })).toThrow(/unknown field "natureOfBreech"/);
  });

  it('a template that leaves out a required item is refused, so an incomplete report never leaves the renderer', async () => {
    const broken = await createNoticeRenderer(regimes, await copyWith('reports/uk-gdpr/body.hbs', '{{#> layout lang="en" title="t"}}{{> report-item name="natureOfBreach"}}{{/layout}}'));
    const fields = allFields(['natureOfBreach', 'numberOfPeopleAndRecords', 'contactPoint', 'likelyConsequences', 'measuresTaken', 'reasonsForDelay']);
    expect(() => broken.renderRegulatorReport(reportInput(fields), { regime: 'uk-gdpr', stage: 'notification' })).toThrow(/does not render required field\(s\): numberOfPeopleAndRecords, contactPoint/);
  });
});
