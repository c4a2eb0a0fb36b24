import type { Context } from 'hono';
import { InvalidInputError } from '../../errors.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { NoticeView, VersionView } from '../../notices/notice-view.js';
import type { RenderedVersion } from '../../notices/version-render.js';
import type { ConsoleDeps } from '../console-app.js';
import { ErrorSummary } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import { Layout, renderPage } from '../layout.js';
import { pageContext } from '../page-context.js';
import { actorNames, type ActorNames } from './actor-names.js';
import { EditForm } from './edit-form.js';
import { noticeTarget, noticeTitle, StatusBadge, versionHref } from './notice-labels.js';
import { RequiredChecklist } from './required-checklist.js';
import { Comments, ReviewActions } from './review-actions.js';
import { VersionDiff } from './version-diff.js';

/** Where the framed HTML of a version is served, in one of its languages. */
export const framedHref = (noticeId: string, number: number, locale: string | null): string =>
  `/console/framed/notices/${encodeURIComponent(noticeId)}/versions/${number}.html${locale === null ? '' : `?locale=${encodeURIComponent(locale)}`}`;

/**
 * A version as delivery would render it, with the same sample recipient as the API's preview; a
 * version the renderer refuses (a blank required item, a language it is not written in) explains why.
 */
export async function previewOrReason(deps: ConsoleDeps, noticeId: string, number: number, locale: string | null): Promise<RenderedVersion | { reason: string }> {
  try {
    return await deps.notices.queries.preview(noticeId, number, locale === null ? {} : { locale });
  } catch (error) {
    if (error instanceof InvalidInputError) return { reason: error.message };
    throw error;
  }
}

/** The review page of one version, drawn fresh or again after a refused post (with its status and reasons). */
export async function renderReviewPage(c: Context, deps: ConsoleDeps, noticeId: string, number: number, failure: FormFailure | null, locale: string | null = null): Promise<Response> {
  const { queries } = deps.notices;
  const notice = await queries.get(noticeId);
  const version = await queries.version(noticeId, number);
  const versions = await queries.versions(noticeId);
  const incident = await deps.incidents.get(notice.incidentId);
  const diff = number > 1 ? await queries.diff(noticeId, number - 1, number) : null;
  const rendered = await previewOrReason(deps, noticeId, number, locale);
  const names = await actorNames(
    deps.db,
    versions.flatMap((v) => [v.createdBy, v.submittedBy, v.decidedBy, ...v.comments.map((comment) => comment.author)].filter((ref) => ref !== null)),
  );
  const ctx = pageContext(c, deps.clock);
  const title = `${noticeTitle(notice)}, version ${number}`;
  return renderPage(
    c,
    <Layout ctx={ctx} title={title} section="incidents">
      <p class="breadcrumb">
        <a href={`/console/incidents/${encodeURIComponent(incident.id)}`}>Back to incident: {incident.title}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary failure={failure} />
      <VersionFacts incident={incident} notice={notice} version={version} names={names} />
      <RenderedDocument notice={notice} version={version} rendered={rendered} locale={locale} />
      {diff !== null && <VersionDiff diff={diff} />}
      <RequiredChecklist notice={notice} viewing={number} />
      <ReviewActions ctx={ctx} notice={notice} version={version} failure={failure} />
      <Comments ctx={ctx} noticeId={notice.id} version={version} names={names} failure={failure} />
      {ctx.can('writeNotices') && version.number === notice.latest.number && <EditForm ctx={ctx} notice={notice} failure={failure} />}
      <VersionList notice={notice} versions={versions} current={number} names={names} />
    </Layout>,
    failure?.status ?? 200,
  );
}

/** Who wrote, submitted and decided on the version, and when. */
function VersionFacts(props: { incident: IncidentView; notice: NoticeView; version: VersionView; names: ActorNames }) {
  const { notice, version, names } = props;
  const decided = version.status === 'approved' ? 'Approved by' : version.status === 'changes_requested' ? 'Sent back by' : 'Decided by';
  return (
    <dl class="version-facts">
      <dt>For</dt>
      <dd>{noticeTarget(notice, props.incident)}</dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge status={version.status} />
        {notice.approvedNumber !== null && notice.approvedNumber !== version.number && <span> (version {notice.approvedNumber} is the approved one)</span>}
      </dd>
      <dt>Written by</dt>
      <dd>
        {names(version.createdBy)}, <Instant iso={version.createdAt} />
      </dd>
      {version.submittedBy !== null && (
        <>
          <dt>Submitted for review by</dt>
          <dd>
            {names(version.submittedBy)}, <Instant iso={version.submittedAt} />
          </dd>
        </>
      )}
      {version.decidedBy !== null && (
        <>
          <dt>{decided}</dt>
          <dd>
            {names(version.decidedBy)}, <Instant iso={version.decidedAt} />
          </dd>
        </>
      )}
      <dt>Content hash</dt>
      <dd>
        <code>{version.contentHash}</code>
      </dd>
    </dl>
  );
}

/**
 * The HTML and the plain text side by side. The HTML is the renderer's own document, so it sits in
 * a sandboxed frame served with its own strict policy rather than inside this page.
 */
function RenderedDocument(props: { notice: NoticeView; version: VersionView; rendered: RenderedVersion | { reason: string }; locale: string | null }) {
  const { notice, version, rendered } = props;
  const shown = props.locale ?? version.locale;
  return (
    <section aria-labelledby="rendered-heading">
      <h2 id="rendered-heading">The document{shown === null ? '' : ` in ${shown}`}</h2>
      {version.locales.length > 1 && (
        <nav aria-label="Language of the document" class="locale-switch">
          <ul>
            {version.locales.map((locale) => (
              <li>
                <a href={`${versionHref(notice.id, version.number)}?locale=${encodeURIComponent(locale)}`} aria-current={locale === shown ? 'page' : undefined}>
                  {locale}
                  {locale === version.locale ? ' (primary)' : ''}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {'reason' in rendered ? (
        <p class="unrenderable">This version cannot be rendered yet: {rendered.reason}</p>
      ) : (
        <>
          <p>
            <strong>Subject:</strong> {rendered.subject}
          </p>
          <div class="side-by-side">
            <div>
              <h3>As HTML</h3>
              {rendered.html === null ? (
                <p>This document has no HTML form.</p>
              ) : (
                <iframe
                  class="rendered-html"
                  sandbox=""
                  src={framedHref(notice.id, version.number, props.locale)}
                  title={`HTML of version ${version.number}${shown === null ? '' : ` in ${shown}`}`}
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

function VersionList(props: { notice: NoticeView; versions: VersionView[]; current: number; names: ActorNames }) {
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">All versions</h2>
      <table>
        <caption>Versions of this document, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Written by</th>
            <th scope="col">Written</th>
            <th scope="col">Comments</th>
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr>
              <th scope="row">
                <a href={versionHref(props.notice.id, v.number)} aria-current={v.number === props.current ? 'page' : undefined}>
                  Version {v.number}
                </a>
              </th>
              <td>
                <StatusBadge status={v.status} />
              </td>
              <td>{props.names(v.createdBy)}</td>
              <td>
                <Instant iso={v.createdAt} />
              </td>
              <td>{v.comments.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
