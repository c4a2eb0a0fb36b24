import type { NoticeView } from '../../notices/notice-view.js';
import type { RequiredField } from '../../notices/render/content-model.js';
import { Field, issueFor, PostForm, submitted } from '../components/forms.js';
import type { FormFailure, FormValues } from '../form-action.js';
import type { PageContext } from '../page-context.js';

/**
 * The edit form's name. A refused submit-for-review is drawn on this form too: its field errors
 * name the blank items by the same paths (`fields.contactPoint`, `translations.en.contactPoint`),
 * so they land on the textareas where the missing words go.
 */
export const EDIT_FORM = 'edit';

/** The names of the edit's document-wide values; the items are `fields.<item>` and `translations.<locale>.<item>`. */
const METADATA_FIELDS = ['organizationName', 'title', 'summary'] as const;

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
    else if ((METADATA_FIELDS as readonly string[]).includes(name)) input[name] = value;
    else if (name.startsWith('fields.')) fields[name.slice('fields.'.length)] = value;
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

function ItemField(props: { field: RequiredField; name: string; stored: string | undefined; failure: FormFailure | null }) {
  const { field, name, failure } = props;
  // The regime's words name the item for a reader; the key and who requires it are the detail.
  const requirement = `${field.optional ? 'Optional. ' : ''}Item ${field.field}, required by ${field.requiredBy.join(', ')}`;
  return (
    <Field
      form={EDIT_FORM}
      name={name}
      type="textarea"
      rows={3}
      label={field.label}
      hint={requirement}
      value={submitted(failure, EDIT_FORM, name) ?? props.stored}
      error={issueFor(failure, EDIT_FORM, name)}
    />
  );
}

/**
 * A new version from the newest one: the document-wide values and every required item, per
 * language for a notice written in several. Saving a version under review or approved voids that.
 */
export function EditForm(props: { ctx: PageContext; notice: NoticeView; failure: FormFailure | null }) {
  const { ctx, notice, failure } = props;
  const latest = notice.latest;
  const metadataKeys = notice.kind === 'report' ? METADATA_FIELDS : (['organizationName'] as const);
  const metadataLabels = { organizationName: 'Organisation the document speaks for', title: 'Incident title', summary: 'Incident summary' };
  return (
    <section aria-labelledby="edit-heading">
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
          {metadataKeys.map((key) => (
            <Field
              form={EDIT_FORM}
              name={key}
              type={key === 'summary' ? 'textarea' : 'text'}
              label={metadataLabels[key]}
              value={submitted(failure, EDIT_FORM, key) ?? latest.metadata[key]}
              error={issueFor(failure, EDIT_FORM, key) ?? issueFor(failure, EDIT_FORM, `metadata.${key}`)}
            />
          ))}
        </fieldset>
        {latest.locales.length === 0 ? (
          <fieldset>
            <legend>Required items</legend>
            {notice.requiredFields.map((field) => (
              <ItemField field={field} name={`fields.${field.field}`} stored={latest.fields[field.field]} failure={failure} />
            ))}
          </fieldset>
        ) : (
          latest.locales.map((locale) => {
            const primary = locale === latest.locale;
            const stored = primary ? latest.fields : (latest.translations[locale] ?? {});
            return (
              <fieldset>
                <legend>
                  Items in {locale}
                  {primary ? ' (primary language)' : ''}
                </legend>
                {notice.requiredFields.map((field) => (
                  <ItemField field={field} name={primary ? `fields.${field.field}` : `translations.${locale}.${field.field}`} stored={stored[field.field]} failure={failure} />
                ))}
              </fieldset>
            );
          })
        )}
        <button type="submit">Save as version {latest.number + 1}</button>
      </PostForm>
    </section>
  );
}
