import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowValidator } from '../../src/recipients/recipient-row.js';

const validator = new RowValidator(['en', 'zh-CN']);

// Names that exercise the named columns and the key order of an object (integer-like keys first).
const columnName = fc.oneof(fc.constantFrom('name', 'locale', 'jurisdiction', '__proto__', 'constructor', '0', '10', '2', 'plan', ''), fc.string({ maxLength: 6 }));
// Values that reach every check: blank, padded, valid or not, and longer than a field may be.
const value = fc.oneof(
  fc.constantFrom('', '  ', ' a@example.com ', 'A@Example.COM', 'not-an-email', 'en', ' ZH-cn ', 'xx', 'de', 'us-ca', 'QQ', 'US-'),
  fc.string({ maxLength: 8 }),
  fc.constant('x'.repeat(1001)),
);

/** A CSV header as the reader hands it over: trimmed, unique, with an email column. */
const header = fc.array(columnName, { maxLength: 6 }).map((names) => [...new Set(['email', ...names.map((name) => name.trim())])]);

/** The object the reader used to build from a CSV row for `check`. */
function fieldsOf(names: readonly string[], record: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.create(null);
  names.forEach((name, i) => {
    if (name !== '') fields[name] = record[i];
  });
  return fields;
}

describe('RowValidator.csvColumns', () => {
  it('answers as check() does on an object built from the row', () => {
    const rows = header.chain((names) => fc.tuple(fc.constant(names), fc.array(value, { minLength: names.length, maxLength: names.length })));
    fc.assert(
      fc.property(rows, ([names, record]) => {
        expect(validator.csvColumns(names)(record)).toEqual(validator.check(fieldsOf(names, record)));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the custom fields as JSON in the order an object lists them', () => {
    const check = validator.csvColumns(['plan', 'email', '10', '__proto__', '2']);
    expect(check(['gold', 'a@example.com', 'ten', 'p', ' two '])).toMatchObject({ ok: true, custom: '{"2":"two","10":"ten","plan":"gold","__proto__":"p"}' });
  });
});
