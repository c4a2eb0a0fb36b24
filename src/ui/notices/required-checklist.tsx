import type { NoticeView } from '../../notices/notice-view.js';
import type { RequiredField } from '../../notices/render/content-model.js';

/** One item's state in one language, in words and a mark, so it does not rest on colour. */
function ItemState(props: { field: RequiredField; missing: boolean }) {
  if (props.missing) return <span class="check-missing"><span aria-hidden="true">✗ </span>Missing</span>;
  return <span class="check-present"><span aria-hidden="true">✓ </span>{props.field.optional ? 'Optional' : 'Present'}</span>;
}

function ChecklistTable(props: { caption: string; fields: RequiredField[]; missing: readonly string[] }) {
  return (
    <table class="checklist">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">What it must say</th>
          <th scope="col">Required by</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {props.fields.map((field) => (
          <tr class={props.missing.includes(field.field) ? 'missing' : undefined}>
            <th scope="row">{field.field}</th>
            <td>
              {field.label}
              {field.citation !== null && <span class="muted"> ({field.citation})</span>}
            </td>
            <td>{field.requiredBy.join(', ')}</td>
            <td>
              <ItemState field={field} missing={props.missing.includes(field.field)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What the regime files require of the newest version, ticked or missing: per language for a
 * notice in several, since each must say everything. Blank document-wide values (the organisation,
 * a report's title and summary) are listed after.
 */
export function RequiredChecklist(props: { notice: NoticeView; viewing: number }) {
  const { notice } = props;
  const required = new Set(notice.requiredFields.map((f) => f.field));
  const blankValues = notice.missingFields.filter((name) => !required.has(name) && !name.startsWith('translations.'));
  const locales = notice.latest.locales;
  return (
    <section class="required-checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">Required contents</h2>
      <p>
        {notice.missingFields.length === 0
          ? `Version ${notice.latest.number} says everything the regimes require.`
          : notice.missingFields.length === 1
            ? `Version ${notice.latest.number} still misses 1 required item; it cannot go to review until that is written.`
            : `Version ${notice.latest.number} still misses ${notice.missingFields.length} required items; it cannot go to review until they are written.`}
        {props.viewing !== notice.latest.number && ` This checklist is for version ${notice.latest.number}, the newest.`}
      </p>
      {locales.length === 0 ? (
        <ChecklistTable caption="Items the report must carry" fields={notice.requiredFields} missing={notice.missingFields} />
      ) : (
        locales.map((locale) => (
          <ChecklistTable
            caption={`Items the notice must carry in ${locale}${locale === notice.latest.locale ? ' (primary language)' : ''}`}
            fields={notice.requiredFields}
            missing={notice.missingByLocale[locale] ?? []}
          />
        ))
      )}
      {blankValues.length > 0 && <p class="check-missing">Also blank: {blankValues.join(', ')}.</p>}
    </section>
  );
}
