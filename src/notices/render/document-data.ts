import type { DocumentData } from './template-helpers.js';
import type { RequiredField } from './content-model.js';
import { TemplateRenderError } from './template-helpers.js';

/** The helpers' view of one document: what it requires and what its templates may name. */
export function documentData(options: {
  fields: readonly RequiredField[];
  values: Readonly<Record<string, string | undefined>>;
  knownFields: Iterable<string>;
  stage?: string | null;
  knownStages?: Iterable<string>;
}): DocumentData {
  return {
    fields: new Map(options.fields.map((f) => [f.field, f])),
    values: options.values,
    knownFields: new Set(options.knownFields),
    stage: options.stage ?? null,
    knownStages: new Set(options.knownStages ?? []),
    rendered: new Set(),
  };
}

/**
 * After a render: a required item the template never printed is a template defect, refused here
 * so an incomplete notice never leaves the renderer.
 */
export function assertAllRendered(key: string, doc: DocumentData): void {
  const skipped = [...doc.fields.values()].filter((f) => !f.optional && !doc.rendered.has(f.field)).map((f) => f.field);
  if (skipped.length > 0) throw new TemplateRenderError(`template ${key} does not render required field(s): ${skipped.join(', ')}`);
}

/** The filled fields in the regime file's order, for a regulator's portal or an API client. */
export function filledFields(doc: DocumentData): Record<string, { label: string; citation: string | null; value: string }> {
  const out: Record<string, { label: string; citation: string | null; value: string }> = {};
  for (const field of doc.fields.values()) {
    const value = doc.values[field.field]?.trim();
    if (value !== undefined && value.length > 0) out[field.field] = { label: field.label, citation: field.citation, value };
  }
  return out;
}
