import type Handlebars from 'handlebars';
import { hasText, type RequiredField } from './required-fields.js';

/** A template that names something the document does not know: an author's mistake, never the user's. */
export class TemplateRenderError extends Error {
  override name = 'TemplateRenderError';
}

/**
 * What one render knows beyond its view, handed to helpers as `@data`: the fields this document
 * must or may carry, every field name its templates may use, the regimes or stage that apply, and
 * the fields it actually rendered (checked afterwards so no required item is left out).
 */
export interface DocumentData {
  fields: ReadonlyMap<string, RequiredField>;
  values: Readonly<Record<string, string | undefined>>;
  knownFields: ReadonlySet<string>;
  regimes: ReadonlySet<string>;
  knownRegimes: ReadonlySet<string>;
  stage: string | null;
  knownStages: ReadonlySet<string>;
  rendered: Set<string>;
}

type Options = Handlebars.HelperOptions & { data: { doc: DocumentData } };

const docOf = (options: Options): DocumentData => options.data.doc;

function known(set: ReadonlySet<string>, name: unknown, what: string): string {
  if (typeof name !== 'string' || !set.has(name)) {
    throw new TemplateRenderError(`unknown ${what} ${JSON.stringify(name)} (known: ${[...set].join(', ') || 'none'})`);
  }
  return name;
}

/**
 * Helpers take names, not values, so a misspelt field, regime or stage fails loudly instead of
 * rendering a blank, which strict mode cannot catch inside `{{#if}}` or partial parameters.
 */
export function registerHelpers(env: typeof Handlebars): void {
  env.registerHelper('shown', (name: unknown, options: Options) => {
    const doc = docOf(options);
    const field = doc.fields.get(known(doc.knownFields, name, 'field'));
    return field !== undefined && (!field.optional || hasText(doc.values[field.field]));
  });
  env.registerHelper('field-value', (name: unknown, options: Options) => {
    const doc = docOf(options);
    const field = known(doc.knownFields, name, 'field');
    const value = doc.values[field];
    if (!doc.fields.has(field) || !hasText(value)) throw new TemplateRenderError(`field "${field}" is rendered without {{#if (shown "${field}")}} and has no value`);
    doc.rendered.add(field);
    return value.trim();
  });
  env.registerHelper('field-label', (name: unknown, options: Options) => {
    const doc = docOf(options);
    return doc.fields.get(known(doc.knownFields, name, 'field'))?.label ?? '';
  });
  env.registerHelper('field-citation', (name: unknown, options: Options) => {
    const doc = docOf(options);
    return doc.fields.get(known(doc.knownFields, name, 'field'))?.citation ?? '';
  });
  env.registerHelper('regime', (id: unknown, options: Options) => {
    const doc = docOf(options);
    return doc.regimes.has(known(doc.knownRegimes, id, 'regime'));
  });
  env.registerHelper('stage', (id: unknown, options: Options) => {
    const doc = docOf(options);
    return doc.stage === known(doc.knownStages, id, 'stage');
  });
  // A ternary for hash values: `title=(pick (regime "us-ca-1798.82") "..." "...")`.
  env.registerHelper('pick', (condition: unknown, whenTrue: unknown, whenFalse: unknown) => (condition === true ? whenTrue : whenFalse));
  // HTML only: escapes the text, then keeps its paragraphs and line breaks visible.
  env.registerHelper('paragraphs', (text: unknown) => {
    const paragraphs = String(text ?? '')
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0)
      .map((p) => `<p>${p.split(/\r?\n/).map((line) => env.escapeExpression(line)).join('<br>\n')}</p>`);
    return new env.SafeString(paragraphs.join('\n'));
  });
}
