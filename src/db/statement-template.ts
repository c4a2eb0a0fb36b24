import { CompiledQuery, type Compilable } from 'kysely';

/**
 * A query built and compiled once, then run with new values. Building and compiling a kysely
 * query (and passing it through the camel-case plugin) costs several times what SQLite spends
 * running a one-row upsert, and the intake hot path runs one per delivery. kysely still writes
 * the SQL for the dialect, so this stays portable; results still pass through the plugins.
 *
 * `build` receives one distinct placeholder per field and must use each where its value goes.
 */
export function statementTemplate<F extends string>(fields: readonly F[], build: (values: Record<F, string>) => Compilable) {
  const placeholders = Object.fromEntries(fields.map((field, i) => [field, `\u0000placeholder:${i}\u0000`])) as Record<F, string>;
  const compiled = build(placeholders).compile();
  const order = compiled.parameters.map((parameter) => {
    const field = fields.find((f) => placeholders[f] === parameter);
    // Every parameter must come from a field, or a value would be frozen into every run.
    if (field === undefined) throw new Error(`statement template: parameter ${String(parameter)} is not a field`);
    return field;
  });
  return <R>(values: Record<F, unknown>): CompiledQuery<R> => CompiledQuery.raw(compiled.sql, order.map((field) => values[field])) as CompiledQuery<R>;
}
