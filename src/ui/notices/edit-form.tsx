import type { NoticeMetadata } from '../../notices/notice-content.js';
import type { NoticeView } from '../../notices/notice-view.js';
import { holdsPlaceholder } from '../../notices/render/placeholders.js';
import type { RequiredField } from '../../notices/render/content-model.js';
import { Field, issueFor, PostForm, submitted } from '../components/forms.js';
import { languageLabel } from '../components/language-label.js';
import type { FormFailure, FormValues } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { valuesIn, writableItems } from './item-states.js';
import { CoverLines, METADATA_LABELS } from './notice-labels.js';

/**
 * The edit form's name. A refused submit-for-review is drawn on this form too: its field errors
 * name the blank items by the same paths (`fields.contact`, `translations.en.contact`), so they
 * land on the textareas where the missing words go.
 */
export const EDIT_FORM = 'edit';

/** The names of the edit's document-wide values; the items are `fields.<item>` and `translations.<locale>.<item>`. */
const METADATA_FIELDS = ['organizationName', 'senderName', 'senderAddress', 'title', 'summary'] as const;
/**
 * The API cannot clear a sender (a notice always goes out from someone), so an empty box means
 * "not given yet" and is left out, rather than refusing the whole edit over it.
 */
const OMITTED_WHEN_EMPTY = new Set<string>(['senderName', 'senderAddress']);

/** Browsers send textarea line breaks as CRLF; the stored words use LF, so an untouched item stays unchanged. */
const lf = (value: string): string => value.replace(/\r\n?/g, '\n');

/**
 * The posted edit form as the API's edit input: every item of every language is sent, so an
 * unchanged item stays as it was and a cleared one is cleared, as the domain's edit defines.
 */
export function editInput(values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  const translations: Record<string, Record<string, string>> = {};
  for (const [name, raw] of Object.entries(values)) {
    const value = lf(Array.isArray(raw) ? (raw[0] ?? '') : raw);
    if (name === 'basedOn') input.basedOn = Number(value);
    else if ((METADATA_FIELDS as readonly string[]).includes(name)) {
      if (!(OMITTED_WHEN_EMPTY.has(name) && value.trim() === '')) input[name] = value;
    } else if (name.startsWith('fields.')) fields[name.slice('fields.'.length)] = value;
    else if (name.startsWith('translations.')) {
      // Item names are camelCase without dots, so the last dot separates the locale from the item.
      const rest = name.slice('translations.'.length);
      const dot = rest.lastIndexOf('.');
      (translations[rest.slice(0, dot)] ??= {})[rest.slice(dot + 1)] = value;
    }
  }
  if (Object.keys(fields).length > 0) input.fields = fields;
  if (Object.keys(translations).length > 0) input.translations = translations;
  return input;
}

const SUGGESTED = 'Contains suggested text in [[ ]]: confirm or rewrite it.';

/** The words under a box: what it must cover (one law's item a line), and a warning while it holds suggested text. */
function ItemHint(props: { field: RequiredField; requiredByLaw: boolean; suggested: boolean }) {
  const { field } = props;
  return (
    <>
      {props.suggested && (
        <>
          <strong class="suggested-note">{SUGGESTED}</strong>
          <br />
        </>
      )}
      {!props.requiredByLaw ? (
        'Optional: no law this notice answers asks for it; it prints when written.'
      ) : (
        <>
          {field.optional && 'Optional. '}
          Must cover:
          <br />
          <CoverLines covers={field.covers} />
        </>
      )}
    </>
  );
}

function ItemField(props: { field: RequiredField; name: string; stored: string | undefined; requiredByLaw: boolean; failure: FormFailure | null }) {
  const { field, name, failure } = props;
  const value = submitted(failure, EDIT_FORM, name) ?? props.stored;
  return (
    <Field
      form={EDIT_FORM}
      name={name}
      type="textarea"
      rows={4}
      label={field.label}
      hint={<ItemHint field={field} requiredByLaw={props.requiredByLaw} suggested={holdsPlaceholder(value)} />}
      value={value}
      error={issueFor(failure, EDIT_FORM, name)}
    />
  );
}

/**
 * One language's boxes: the sections the laws require, then the others in a collapsed list. The
 * list opens by itself when one of its sections holds suggested text or was refused, since either
 * keeps the version from review. A report has only its required items.
 */
function LanguageItems(props: { notice: NoticeView; locale: string | null; failure: FormFailure | null }) {
  const { notice, locale, failure } = props;
  const { required, others } = writableItems(notice);
  const stored = valuesIn(notice, locale);
  const name = (field: RequiredField) => (locale === null || locale === notice.latest.locale ? `fields.${field.field}` : `translations.${locale}.${field.field}`);
  const needsOpening = others.some((field) => holdsPlaceholder(stored[field.field]) || issueFor(failure, EDIT_FORM, name(field)) !== undefined);
  const legend =
    locale === null ? 'Items the report must carry' : `Sections in ${languageLabel(locale)}${locale === notice.latest.locale ? ', the primary language' : ''}`;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {required.map((field) => (
        <ItemField field={field} name={name(field)} stored={stored[field.field]} requiredByLaw failure={failure} />
      ))}
      {others.length > 0 && (
        <details class="other-sections" open={needsOpening}>
          <summary>Other sections (optional)</summary>
          {others.map((field) => (
            <ItemField field={field} name={name(field)} stored={stored[field.field]} requiredByLaw={false} failure={failure} />
          ))}
        </details>
      )}
    </fieldset>
  );
}

const METADATA_FORM: Readonly<Record<keyof NoticeMetadata, { label: string; hint?: string; type?: 'email' | 'textarea' }>> = {
  organizationName: { label: 'Organisation the document speaks for' },
  senderName: { label: METADATA_LABELS.senderName, hint: 'The name the reader sees as who the notice is from.' },
  senderAddress: { label: METADATA_LABELS.senderAddress, hint: 'The address the notice comes from and replies go to.', type: 'email' },
  title: { label: 'Incident title' },
  summary: { label: 'Summary for the authority', hint: 'Written for the authority; the responders’ own summary is internal and starts here as suggested text.', type: 'textarea' },
};

/**
 * A new version from the newest one: the document-wide values and every section, per language for
 * a notice written in several. Saving a version under review or approved voids that.
 */
export function EditForm(props: { ctx: PageContext; notice: NoticeView; failure: FormFailure | null }) {
  const { ctx, notice, failure } = props;
  const latest = notice.latest;
  const metadataKeys = notice.kind === 'report' ? (['organizationName', 'title', 'summary'] as const) : (['organizationName', 'senderName', 'senderAddress'] as const);
  return (
    <section aria-labelledby="edit-heading" id="edit">
      <h2 id="edit-heading">Edit version {latest.number}</h2>
      {(latest.status === 'in_review' || latest.status === 'approved') && (
        <p class="warning">
          Version {latest.number} is {latest.status === 'approved' ? 'approved' : 'in legal review'}; saving an edit replaces it with a new draft that needs review again.
        </p>
      )}
      <PostForm ctx={ctx} action={`/console/notices/${encodeURIComponent(notice.id)}/versions`} class="edit-form" label={`Edit version ${latest.number}`}>
        <input type="hidden" name="basedOn" value={String(latest.number)} />
        <fieldset>
          <legend>The whole document</legend>
          {metadataKeys.map((key) => {
            const spec = METADATA_FORM[key];
            const value = submitted(failure, EDIT_FORM, key) ?? latest.metadata[key];
            const suggested = holdsPlaceholder(value);
            return (
              <Field
                form={EDIT_FORM}
                name={key}
                type={spec.type}
                label={spec.label}
                hint={suggested ? `${SUGGESTED} ${spec.hint ?? ''}`.trim() : spec.hint}
                value={value}
                error={issueFor(failure, EDIT_FORM, key) ?? issueFor(failure, EDIT_FORM, `metadata.${key}`)}
              />
            );
          })}
        </fieldset>
        {latest.locales.length === 0 ? (
          <LanguageItems notice={notice} locale={null} failure={failure} />
        ) : (
          latest.locales.map((locale) => <LanguageItems notice={notice} locale={locale} failure={failure} />)
        )}
        <button type="submit">Save as version {latest.number + 1}</button>
      </PostForm>
    </section>
  );
}
