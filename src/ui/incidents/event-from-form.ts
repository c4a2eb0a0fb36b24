import { text, type FormValues } from '../form-action.js';
import { instantFromInput } from '../utc-input.js';
import { EVENT_FORMS, type FieldSpec, type FormEventType, type RowsSpec } from './event-form-specs.js';

/**
 * A posted event form turned into the event object the API takes: typed text only, read by the
 * field names the form specs give. Whether the values are acceptable is the event schema's call.
 */

/** One field's value for the event; undefined leaves an empty optional field out. */
function fieldValue(field: FieldSpec, typed: string): string | undefined {
  if (typed.trim() === '' && field.required !== true) return undefined;
  return field.kind === 'instant' ? instantFromInput(typed) : typed;
}

/** The typed values by field name; a dotted name nests (`severity.circumstances.integrity`), a numeric field's value is a number. */
function readFields(fields: FieldSpec[], values: FormValues, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = fieldValue(field, text(values, `${prefix}${field.name}`));
    if (value === undefined) continue;
    const path = field.name.split('.');
    let into = out;
    for (const key of path.slice(0, -1)) into = (into[key] ??= {}) as Record<string, unknown>;
    // A number the schema can judge: a value that is not one stays text, and the schema names it.
    into[path.at(-1) as string] = field.numeric === true && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return out;
}

/** How many rows of a list the form posted (the highest row number seen, plus one). */
export function postedRows(rows: RowsSpec, values: FormValues): number {
  const pattern = new RegExp(`^${rows.name}\\.(\\d+)\\.`);
  return Object.keys(values).reduce((most, key) => Math.max(most, Number(pattern.exec(key)?.[1] ?? -1) + 1), 0);
}

/**
 * The event object the API would take, from the posted form. Blank rows at the end of a list are
 * left out; a blank row between filled ones is kept, so the schema names its row number.
 */
export function eventFromForm(type: FormEventType, values: FormValues): Record<string, unknown> {
  const spec = EVENT_FORMS[type];
  const event: Record<string, unknown> = { type, ...readFields(spec.fields, values, '') };
  if (spec.rows !== undefined) {
    const rows = spec.rows;
    const items = Array.from({ length: postedRows(rows, values) }, (_, i) => readFields(rows.fields, values, `${rows.name}.${i}.`));
    while (items.length > 0 && rows.fields.every((f) => text(values, `${rows.name}.${items.length - 1}.${f.name}`).trim() === '')) items.pop();
    event[rows.name] = items;
  }
  return event;
}
