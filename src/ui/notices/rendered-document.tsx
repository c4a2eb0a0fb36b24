import type { FieldIssue } from '../../errors.js';
import { InvalidInputError } from '../../errors.js';
import type { NoticeView, VersionView } from '../../notices/notice-view.js';
import type { RenderedVersion } from '../../notices/version-render.js';
import type { ConsoleDeps } from '../console-app.js';
import { languageLabel } from '../components/language-label.js';
import type { PageContext } from '../page-context.js';
import { versionHref } from './notice-labels.js';
import { listWords, refusedItems } from './render-refusal.js';

/** A version the renderer refuses: its message, and the items it names. */
export interface Unrendered {
  reason: string;
  issues: FieldIssue[];
}

/** Where the framed HTML of a version is served, in one of its languages. */
export const framedHref = (noticeId: string, number: number, locale: string | null): string =>
  `/console/framed/notices/${encodeURIComponent(noticeId)}/versions/${number}.html${locale === null ? '' : `?locale=${encodeURIComponent(locale)}`}`;

/**
 * A version as delivery would render it, with the same sample recipient as the API's preview; a
 * version the renderer refuses (a blank required item, a language it is not written in) explains why.
 */
export async function previewOrReason(deps: ConsoleDeps, noticeId: string, number: number, locale: string | null): Promise<RenderedVersion | Unrendered> {
  try {
    return await deps.notices.queries.preview(noticeId, number, locale === null ? {} : { locale });
  } catch (error) {
    if (error instanceof InvalidInputError) return { reason: error.message, issues: error.issues };
    throw error;
  }
}

/**
 * Why the version cannot be shown, in a reviewer's words: what it has no text for, and where that
 * is written. The renderer's own message follows as the detail, never on its own.
 */
function Unrenderable(props: { ctx: PageContext; notice: NoticeView; version: VersionView; shown: string | null; refusal: Unrendered }) {
  const { ctx, notice, version, refusal } = props;
  const items = refusedItems(notice, refusal.issues);
  const where = props.shown === null ? '' : ` in ${languageLabel(props.shown)}`;
  const what = notice.kind === 'report' ? 'items' : 'sections';
  const newest = notice.latest.number;
  let fix: string;
  if (version.number !== newest) fix = `Version ${version.number} is not the newest: version ${newest} is where the text is written now.`;
  else if (ctx.can('writeNotices')) fix = `Write the ${what} marked Missing in the checklist below, or edit them in the form at the bottom of this page.`;
  else fix = `The checklist below marks the ${what} still to write; responders and legal write them.`;
  return (
    <div class="unrenderable">
      <p>
        <strong>
          Version {version.number} cannot be shown{where}
          {version.number === newest ? ' yet' : ''}
          {items.length > 0 ? `: it has nothing written for ${listWords(items)}.` : props.shown === null ? '.' : ': it is not written in that language.'}
        </strong>{' '}
        {items.length > 0 ? fix : version.locales.length > 1 ? 'Choose one of its languages above.' : ''}
        {version.number !== newest && (
          <>
            {' '}
            <a href={versionHref(notice.id, newest)}>Open version {newest}</a>
          </>
        )}
      </p>
      <p class="muted">The renderer said: {refusal.reason}</p>
    </div>
  );
}

/**
 * The notice as its reader gets it: who it is from, its subject, then the HTML and the plain text
 * side by side, each at its full length. The HTML is the renderer's own document, so it sits in a
 * frame sandboxed without scripts and served with its own strict policy rather than inside this page.
 */
export function RenderedDocument(props: { ctx: PageContext; notice: NoticeView; version: VersionView; rendered: RenderedVersion | Unrendered; locale: string | null }) {
  const { notice, version, rendered } = props;
  const shown = props.locale ?? version.locale;
  return (
    <section aria-labelledby="rendered-heading" class="rendered-document">
      <h2 id="rendered-heading">The document{shown === null ? '' : ` in ${languageLabel(shown)}`}</h2>
      {version.locales.length > 1 && (
        <nav aria-label="Language of the document" class="locale-switch">
          <ul>
            {version.locales.map((locale) => (
              <li>
                <a href={`${versionHref(notice.id, version.number)}?locale=${encodeURIComponent(locale)}`} aria-current={locale === shown ? 'page' : undefined}>
                  {languageLabel(locale)}
                  {locale === version.locale ? ', primary' : ''}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {'reason' in rendered ? (
        <Unrenderable ctx={props.ctx} notice={notice} version={version} shown={shown} refusal={rendered} />
      ) : (
        <>
          <dl class="message-header">
            {notice.kind === 'individuals' && (
              <>
                <dt>From:</dt>
                <dd>{rendered.from ?? <span class="muted">no sender named yet (MAIL_FROM would apply)</span>}</dd>
              </>
            )}
            <dt>Subject:</dt>
            <dd>{rendered.subject}</dd>
          </dl>
          <div class="side-by-side">
            <div>
              <h3>As HTML</h3>
              {rendered.html === null ? (
                <p>This document has no HTML form.</p>
              ) : (
                <iframe
                  class="rendered-html"
                  sandbox="allow-same-origin"
                  src={framedHref(notice.id, version.number, props.locale)}
                  title={`HTML of version ${version.number}${shown === null ? '' : ` in ${languageLabel(shown)}`}`}
                ></iframe>
              )}
            </div>
            <div>
              <h3>As plain text</h3>
              <pre class="rendered-text" lang={shown ?? undefined}>
                {rendered.text}
              </pre>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
