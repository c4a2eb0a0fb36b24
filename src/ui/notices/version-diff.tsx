import { diffWords } from 'diff';
import type { FieldChange, NoticeDiff } from '../../notices/notice-diff.js';
import type { NoticeView } from '../../notices/notice-view.js';
import { languageLabel } from '../components/language-label.js';
import { itemLabel } from './item-states.js';
import { METADATA_LABELS } from './notice-labels.js';
import { textDiffRefusals } from './render-refusal.js';

type PatchLine = { kind: 'file' | 'hunk' | 'added' | 'removed' | 'same'; text: string };

/**
 * The domain's unified patch, line by line, for drawing: each file section (one per locale) becomes
 * one "version 1 (en) → version 2 (en)" line, and the patch's own bookkeeping lines are dropped.
 */
function patchLines(patch: string): PatchLine[] {
  const lines: PatchLine[] = [];
  let from = '';
  for (const line of patch.split('\n')) {
    if (line.startsWith('===') || line.startsWith('\\') || line === '') continue;
    // File headers carry a tab and an (empty) header after the name.
    if (line.startsWith('--- ')) from = line.slice(4).split('\t')[0]!;
    else if (line.startsWith('+++ ')) lines.push({ kind: 'file', text: `${from} → ${line.slice(4).split('\t')[0]!}` });
    else if (line.startsWith('@@')) lines.push({ kind: 'hunk', text: line });
    else if (line.startsWith('+')) lines.push({ kind: 'added', text: line.slice(1) });
    else if (line.startsWith('-')) lines.push({ kind: 'removed', text: line.slice(1) });
    else lines.push({ kind: 'same', text: line.slice(1) });
  }
  return lines;
}

/** Inserted and deleted text, marked in words too (not by colour alone): screen readers hear "added"/"removed". */
function Added(props: { text: string }) {
  return (
    <ins>
      <span class="notice-sr-only">added: </span>
      {props.text}
    </ins>
  );
}

function Removed(props: { text: string }) {
  return (
    <del>
      <span class="notice-sr-only">removed: </span>
      {props.text}
    </del>
  );
}

/** One item's old and new value, word by word. */
function WordDiff(props: { change: FieldChange }) {
  const parts = diffWords(props.change.from ?? '', props.change.to ?? '');
  return (
    <span class="word-diff">
      {parts.map((part) => (part.added ? <Added text={part.value} /> : part.removed ? <Removed text={part.value} /> : part.value))}
    </span>
  );
}

/** A changed item in words: a section or report item by its label, a document-wide value by its name; the rest (locale, regimes) as the domain names it. */
function changedItem(notice: NoticeView, field: string): string {
  const key = field.startsWith('metadata.') ? field.slice('metadata.'.length) : null;
  if (key !== null) return Object.hasOwn(METADATA_LABELS, key) ? METADATA_LABELS[key as keyof typeof METADATA_LABELS] : key;
  return field.includes('.') ? field : itemLabel(notice, field);
}

const changeLabel = (change: FieldChange): string =>
  change.from === null ? 'added' : change.to === null ? 'removed' : 'changed';

/** What changed from the previous version: item by item, then the rendered text line by line. */
export function VersionDiff(props: { notice: NoticeView; diff: NoticeDiff }) {
  const { notice, diff } = props;
  return (
    <section class="version-diff" aria-labelledby="diff-heading">
      <h2 id="diff-heading">
        Changes from version {diff.from} to version {diff.to}
      </h2>
      {diff.changes.length === 0 ? (
        <p>No item changed.</p>
      ) : (
        <table>
          <caption>Items that changed (removed words struck through, added words underlined)</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Language</th>
              <th scope="col">Change</th>
              <th scope="col">Words</th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.map((change) => (
              <tr>
                <th scope="row">{changedItem(notice, change.field)}</th>
                <td>{change.locale === undefined ? 'all' : languageLabel(change.locale)}</td>
                <td>{changeLabel(change)}</td>
                <td>
                  <WordDiff change={change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Rendered text</h3>
      {diff.textUnavailable !== null && textDiffRefusals(notice, diff.textUnavailable).map((sentence) => <p class="muted">{sentence}</p>)}
      {diff.textPatch === null ? (
        <p>There is no rendered text to compare.</p>
      ) : (
        <pre class="patch" aria-label="Line changes of the rendered text">
          {patchLines(diff.textPatch).map((line) => (
            <span class={`patch-line patch-${line.kind}`}>
              {line.kind === 'added' ? (
                <>
                  <span aria-hidden="true">+ </span>
                  <Added text={line.text} />
                </>
              ) : line.kind === 'removed' ? (
                <>
                  <span aria-hidden="true">− </span>
                  <Removed text={line.text} />
                </>
              ) : line.kind === 'same' ? (
                `  ${line.text}`
              ) : (
                line.text
              )}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
    </section>
  );
}
