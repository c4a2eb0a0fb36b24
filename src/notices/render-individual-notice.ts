import { InvalidInputError } from '../errors.js';
import type { Regime } from '../obligations/regime-schema.js';
import { assertAllRendered, documentData } from './document-data.js';
import { checkRequiredFields, individualNoticeInputSchema, parseInput } from './notice-input.js';
import { individualNoticeFields } from './required-fields.js';
import { TemplateRenderError } from './template-helpers.js';
import type { TemplateRegistry } from './template-registry.js';

export interface IndividualNoticeOptions {
  /** Overrides the recipient's own locale. */
  locale?: string;
  /** Ids of the regimes whose notice to individuals this one message must satisfy. */
  regimes: readonly string[];
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

const NOTICES = 'notices/individuals';

/** The regimes named, each checked to exist and to have a notice to individuals. */
export function noticeRegimes(definitions: readonly Regime[], ids: readonly string[]): Regime[] {
  const withNotice = definitions.filter((r) => r.recipients.some((e) => e.recipient === 'individuals'));
  const known = withNotice.map((r) => r.id).join(', ');
  if (ids.length === 0) throw new InvalidInputError('name at least one regime', [{ path: 'regimes', message: `name at least one of: ${known}` }]);
  return ids.map((id, index) => {
    const regime = withNotice.find((r) => r.id === id);
    if (regime === undefined) {
      const message = `unknown regime "${id}" or it has no notice to individuals (known: ${known})`;
      throw new InvalidInputError(message, [{ path: `regimes.${index}`, message }]);
    }
    return regime;
  });
}

/**
 * One recipient's notice: the content shared by every recipient plus their personalisation,
 * rendered in their locale. Every item any of the named regimes requires must be filled; the
 * error names the missing ones.
 */
export function renderIndividualNotice(
  registry: TemplateRegistry,
  definitions: readonly Regime[],
  input: unknown,
  options: IndividualNoticeOptions,
): RenderedMessage {
  const { content, recipient } = parseInput(individualNoticeInputSchema, input, 'notice');
  const locale = options.locale ?? recipient.locale;
  const locales = registry.namesUnder(NOTICES);
  const set = locale === undefined ? undefined : registry.get(`${NOTICES}/${locale}`);
  if (set === undefined) {
    const message = `${locale === undefined ? 'no locale given' : `unknown locale "${locale}"`} (known: ${locales.join(', ')})`;
    throw new InvalidInputError(message, [{ path: 'locale', message }]);
  }
  const regimes = noticeRegimes(definitions, options.regimes);
  const fields = individualNoticeFields(regimes);
  checkRequiredFields(fields, content.fields, 'notice');
  const doc = documentData({
    fields,
    values: content.fields,
    knownFields: individualNoticeFields(definitions).map((f) => f.field),
    regimes: regimes.map((r) => r.id),
    knownRegimes: definitions.map((r) => r.id),
  });
  const view = { organization: content.organization, recipient: { name: recipient.name, custom: recipient.custom ?? {} } };
  const rendered = registry.render(set, view, { doc });
  if (rendered.html === null) throw new TemplateRenderError(`template ${set.key} has no HTML body`);
  assertAllRendered(set.key, doc);
  return { subject: rendered.subject, html: rendered.html, text: rendered.text };
}
