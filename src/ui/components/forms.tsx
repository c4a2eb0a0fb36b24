import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../../errors.js';
import { CSRF_FIELD } from '../console-csrf.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';

/** A post form of this session: the CSRF token rides along as a hidden field. */
export function PostForm(props: { ctx: PageContext; action: string; children?: Child; class?: string; label?: string }) {
  return (
    <form method="post" action={props.action} class={props.class} aria-label={props.label}>
      <input type="hidden" name={CSRF_FIELD} value={props.ctx.csrfToken} />
      {props.children}
    </form>
  );
}

/**
 * A field's id: its form and name made safe for ids, so two forms on one page that both ask for a
 * "reason" do not share one. Errors are matched by name, which is the API's field path.
 */
export const fieldId = (form: string, name: string): string => `${form}--${name}`.replace(/[^A-Za-z0-9_-]/g, '-');

/** The first message the server gave for this field, if the last post failed on it. */
export const issueFor = (failure: FormFailure | null | undefined, form: string, name: string): string | undefined =>
  failure?.form === form ? failure.fields.find((issue) => issue.path === name)?.message : undefined;

/** What the person typed, when the page is drawn again after a refused post. */
export function submitted(failure: FormFailure | null | undefined, form: string, name: string): string | undefined {
  if (failure?.form !== form) return undefined;
  const value = failure.values[name];
  return Array.isArray(value) ? value[0] : value;
}

interface FieldProps {
  /** The form's name on this page (see FormFailure.form). */
  form: string;
  label: string;
  name: string;
  type?: 'text' | 'number' | 'email' | 'date' | 'datetime-local' | 'search' | 'password' | 'textarea';
  value?: string | number | null | undefined;
  /** Words under the label; markup for hints of several lines. */
  hint?: Child;
  error?: string | undefined;
  required?: boolean;
  min?: number;
  autocomplete?: string;
  rows?: number;
}

/** A labelled input whose hint and error are read out with it (aria-describedby). */
export function Field(props: FieldProps) {
  const id = fieldId(props.form, props.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [props.hint !== undefined ? hintId : null, props.error !== undefined ? errorId : null].filter((x) => x !== null).join(' ');
  const common = {
    id,
    name: props.name,
    required: props.required,
    'aria-invalid': props.error !== undefined ? 'true' : undefined,
    'aria-describedby': described === '' ? undefined : described,
  };
  return (
    <div class={props.error !== undefined ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint !== undefined && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error !== undefined && (
        <p class="error-message" id={errorId}>
          {props.error}
        </p>
      )}
      {props.type === 'textarea' ? (
        <textarea {...common} rows={props.rows ?? 4}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value ?? undefined} min={props.min} autocomplete={props.autocomplete} />
      )}
    </div>
  );
}

/** A labelled select; `options` are [value, label] pairs. */
export function Select(props: {
  form: string;
  label: string;
  name: string;
  options: Array<[string, string]>;
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  hint?: string | undefined;
}) {
  const id = fieldId(props.form, props.name);
  const described = [props.hint !== undefined ? `${id}-hint` : null, props.error !== undefined ? `${id}-error` : null].filter((x) => x !== null).join(' ');
  return (
    <div class={props.error !== undefined ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint !== undefined && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error !== undefined && (
        <p class="error-message" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error !== undefined ? 'true' : undefined}
        aria-describedby={described === '' ? undefined : described}
      >
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What was wrong with the last post, at the top of the page, with links to each field. */
export function ErrorSummary(props: { failure: FormFailure | null | undefined }) {
  const { failure } = props;
  if (failure == null) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>That did not work</h2>
      <p>{failure.detail}</p>
      {failure.fields.length > 0 && (
        <ul>
          {failure.fields.map((issue: FieldIssue) => (
            <li>
              <a href={`#${fieldId(failure.form, issue.path)}`}>
                {issue.path}: {issue.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
