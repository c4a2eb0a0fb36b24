import type { FieldIssue } from '../../errors.js';
import type { NoticeMetadata } from '../../notices/notice-content.js';
import type { NoticeView } from '../../notices/notice-view.js';
import { languageLabel } from '../components/language-label.js';
import { itemLabel } from './item-states.js';
import { METADATA_LABELS } from './notice-labels.js';

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const isMetadataKey = (key: string): key is keyof NoticeMetadata => Object.hasOwn(METADATA_LABELS, key);

/**
 * What a renderer's refusal names, in words: the sections or report items left blank
 * (`fields.contact`, `translations.de.contact`) and the document-wide values (`metadata.senderName`).
 * Anything else (an unknown language) names no item and is left to the caller to word.
 */
export function refusedItems(notice: NoticeView, issues: readonly FieldIssue[]): string[] {
  const labels = issues.flatMap(({ path }) => {
    const parts = path.split('.');
    const last = parts.at(-1) ?? '';
    if (parts[0] === 'metadata') return isMetadataKey(last) ? [METADATA_LABELS[last]] : [last];
    if (parts.includes('fields') || parts[0] === 'translations') return [itemLabel(notice, last)];
    return [];
  });
  return [...new Set(labels)];
}

/** The renderer words a blank item as "<what>: missing required fields: a, b"; anything else it says is passed on as it is. */
const MISSING = /missing required fields: (.+)$/;

/**
 * The diff's reasons for leaving a version's text out ("version 1: notice in en: missing required
 * fields: contact; version 2: ..."), one plain sentence each: which version, in which language,
 * and which sections it has no words for.
 */
export function textDiffRefusals(notice: NoticeView, unavailable: string): string[] {
  return unavailable.split(/; (?=version \d+: )/).map((part) => {
    const match = /^version (\d+): (?:notice in ([^:]+)|report|notice): (.*)$/s.exec(part);
    if (match === null) return `The rendered text cannot be compared: ${part}`;
    const [, number, locale, why = ''] = match;
    const which = `Version ${number}${locale === undefined ? '' : ` in ${languageLabel(locale)}`}`;
    const missing = MISSING.exec(why)?.[1];
    if (missing === undefined) return `${which} cannot be shown as text: ${why}`;
    const labels = missing.split(', ').map((field) => itemLabel(notice, field));
    return `${which} cannot be shown as text: it has nothing written for ${listWords(labels)}. Only its changes item by item are listed.`;
  });
}
