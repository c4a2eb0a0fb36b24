import type { LanguagePlan } from '../../delivery/recipient-languages.js';
import type { LanguageReason } from '../../notices/render/notice-languages.js';
import { languageLabel } from '../components/language-label.js';

const REASON_WORDS: Readonly<Record<LanguageReason, string>> = {
  locale: 'their own language',
  jurisdiction: 'official language where they live',
  primary: 'the notice’s primary language',
};

/** The languages some recipients read that the notice is not written in yet: a send is refused until each is added. */
export const languagesToAdd = (plan: LanguagePlan): string[] => [
  ...new Set(plan.groups.filter((g) => !g.written && g.reads !== null).map((g) => g.reads as string)),
];

/**
 * Who reads which language, before anything is sent: each group of recipients (same locale and
 * jurisdiction columns), the language the notice reaches them in and why, and whether it is
 * written in it, so the languages still missing are plain before a send is refused over them.
 */
export function LanguagePlanTable(props: { plan: LanguagePlan }) {
  const { plan } = props;
  if (plan.groups.length === 0) return null;
  const toAdd = languagesToAdd(plan);
  return (
    <>
      <table class="language-plan">
        <caption>Who reads which language</caption>
        <thead>
          <tr>
            <th scope="col">Recipients’ locale</th>
            <th scope="col">Jurisdiction</th>
            <th scope="col">Recipients</th>
            <th scope="col">Read the notice in</th>
            <th scope="col">Notice written in it</th>
          </tr>
        </thead>
        <tbody>
          {plan.groups.map((group) => (
            <tr>
              <th scope="row">{group.locale ?? '-'}</th>
              <td>{group.jurisdiction ?? '-'}</td>
              <td>{group.recipients.toLocaleString('en')}</td>
              <td>
                {group.reads === null ? 'not decided until the notice is drafted' : languageLabel(group.reads)},{' '}
                <span class="muted">{REASON_WORDS[group.reason]}</span>
              </td>
              <td>
                {group.written ? (
                  <span class="check-present">
                    <span aria-hidden="true">✓ </span>Yes
                  </span>
                ) : (
                  <span class="check-missing">
                    <span aria-hidden="true">✗ </span>No
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.noticeLocales.length === 0 ? (
        <p class="warning">No notice to individuals is drafted yet{toAdd.length > 0 ? `; these recipients read ${toAdd.map(languageLabel).join(', ')}` : ''}.</p>
      ) : (
        toAdd.length > 0 && (
          <p class="warning">
            Before sending, add {toAdd.length === 1 ? 'this language' : 'these languages'} to the notice to individuals: {toAdd.map(languageLabel).join(', ')}. A send is
            refused while any recipient’s language is missing.
          </p>
        )
      )}
    </>
  );
}
