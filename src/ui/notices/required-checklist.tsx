import type { NoticeView } from '../../notices/notice-view.js';
import type { RequiredField } from '../../notices/render/content-model.js';
import { languageLabel } from '../components/language-label.js';
import { itemName, itemState, metadataIssues, writableItems, type ItemState } from './item-states.js';
import { CoverLines, coverLine, METADATA_LABELS } from './notice-labels.js';

/** Each state in words and a mark, so it never rests on colour. */
const STATES: Readonly<Record<ItemState, { mark: string; words: string; class: string }>> = {
  present: { mark: '✓', words: 'Present', class: 'check-present' },
  missing: { mark: '✗', words: 'Missing', class: 'check-missing' },
  suggested: { mark: '!', words: 'Suggested text to replace', class: 'check-suggested' },
  optional: { mark: '–', words: 'Optional', class: 'check-optional' },
};

function StateMark(props: { state: ItemState }) {
  const state = STATES[props.state];
  return (
    <span class={state.class}>
      <span aria-hidden="true">{state.mark} </span>
      {state.words}
    </span>
  );
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * One language's sections (or a report's items): what each must cover under which law, and where
 * it stands. A section no law asks for appears only while it holds suggested text, which blocks
 * review as surely as a blank required one.
 */
function ChecklistTable(props: { notice: NoticeView; locale: string | null; caption: string }) {
  const { notice, locale } = props;
  const { required, others } = writableItems(notice);
  const suggestedOthers = others.filter((field) => notice.placeholders.includes(itemName(notice, locale, field.field)));
  const row = (field: RequiredField, requiredByLaw: boolean) => {
    const state = itemState(notice, locale, field.field);
    return (
      <tr class={state === 'missing' || state === 'suggested' ? state : undefined}>
        <th scope="row">{field.label}</th>
        <td>{requiredByLaw ? <CoverLines covers={field.covers} /> : <span class="muted">No law this notice answers asks for it; it prints when written.</span>}</td>
        <td>
          <StateMark state={state} />
        </td>
      </tr>
    );
  };
  return (
    <table class="checklist">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{notice.kind === 'report' ? 'Item' : 'Section'}</th>
          <th scope="col">What it must cover</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {required.map((field) => row(field, true))}
        {suggestedOthers.map((field) => row(field, false))}
      </tbody>
    </table>
  );
}

/** The version's standing in one sentence: ready, or how much is left and why it cannot go to review. */
function standing(notice: NoticeView): string {
  const number = notice.latest.number;
  const missing = notice.missingFields.length;
  const suggested = notice.placeholders.length;
  if (missing === 0 && suggested === 0) return `Version ${number} says everything the regimes require.`;
  const parts = [
    missing === 0 ? null : `${plural(missing, 'required item is', 'required items are')} missing`,
    suggested === 0 ? null : `${plural(suggested, 'item still holds', 'items still hold')} suggested text to confirm or rewrite`,
  ].filter((part) => part !== null);
  return `Version ${number} cannot go to review yet: ${parts.join(', and ')}.`;
}

/**
 * What the regime files require of the newest version, per language for a notice in several,
 * since each must say everything: each section in words, the laws' items it covers, and its state.
 * Then what the letter's form satisfies on its own, and the document-wide values still to fix.
 */
export function RequiredChecklist(props: { notice: NoticeView; viewing: number; fixWhere: string }) {
  const { notice } = props;
  const locales = notice.latest.locales;
  const metadata = metadataIssues(notice);
  return (
    <section class="required-checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">Required contents</h2>
      <p>
        {standing(notice)}
        {props.viewing !== notice.latest.number && ` This checklist is for version ${notice.latest.number}, the newest.`}
      </p>
      {locales.length === 0 ? (
        <ChecklistTable notice={notice} locale={null} caption="Items the report must carry" />
      ) : (
        locales.map((locale) => (
          <ChecklistTable
            notice={notice}
            locale={locale}
            caption={`Sections the notice must carry in ${languageLabel(locale)}${locale === notice.latest.locale ? ', the primary language' : ''}`}
          />
        ))
      )}
      {notice.satisfiedByForm.length > 0 && (
        <>
          <h3>Satisfied by the letter's form</h3>
          <p class="muted">Every notice template gives these (its title, headings, type and date); nobody writes them.</p>
          <ul class="by-form">
            {notice.satisfiedByForm.map((item) => (
              <li>
                <span class="check-present">
                  <span aria-hidden="true">✓ </span>
                </span>
                {coverLine(item)}
              </li>
            ))}
          </ul>
        </>
      )}
      {metadata.length > 0 && (
        <ul class="metadata-issues">
          {metadata.map(({ key, state }) => (
            <li class={STATES[state].class}>
              {state === 'missing'
                ? `${METADATA_LABELS[key]} is blank: fill it in ${props.fixWhere}.`
                : `${METADATA_LABELS[key]} still holds suggested text in [[ ]]: confirm or rewrite it ${props.fixWhere}.`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
