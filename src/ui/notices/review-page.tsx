import type { Context } from 'hono';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { NoticeView, VersionView } from '../../notices/notice-view.js';
import type { ConsoleDeps } from '../console-app.js';
import { ErrorSummary } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import { Layout, renderPage } from '../layout.js';
import { pageContext } from '../page-context.js';
import { actorNames, type ActorNames } from './actor-names.js';
import { EditForm } from './edit-form.js';
import { noticeTarget, noticeTitle, StatusBadge, versionHref } from './notice-labels.js';
import { previewOrReason, RenderedDocument } from './rendered-document.js';
import { RequiredChecklist } from './required-checklist.js';
import { Comments, ReviewActions } from './review-actions.js';
import { VersionDiff } from './version-diff.js';

/**
 * The review page of one version, drawn fresh or again after a refused post (with its status and
 * reasons), in a reviewer's reading order: the facts, the notice as its reader gets it, what the
 * laws require of it, the decision, what changed, the discussion, then the editing and history.
 */
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
  const editable = ctx.can('writeNotices') && version.number === notice.latest.number;
  // Where the checklist sends a reader to fix what it lists: only the newest version has an edit form.
  let fixWhere = 'in the edit form below';
  if (!ctx.can('writeNotices')) fixWhere = 'in the edit form responders and legal see';
  else if (!editable) fixWhere = `in the edit form of version ${notice.latest.number}`;
  return renderPage(
    c,
    <Layout ctx={ctx} title={title} section="incidents">
      <p class="breadcrumb">
        <a href={`/console/incidents/${encodeURIComponent(incident.id)}`}>Back to incident: {incident.title}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary failure={failure} />
      <VersionFacts incident={incident} notice={notice} version={version} names={names} />
      <RenderedDocument ctx={ctx} notice={notice} version={version} rendered={rendered} locale={locale} />
      <RequiredChecklist notice={notice} viewing={number} fixWhere={fixWhere} />
      <ReviewActions ctx={ctx} notice={notice} version={version} failure={failure} />
      {diff !== null && <VersionDiff notice={notice} diff={diff} />}
      <Comments ctx={ctx} noticeId={notice.id} version={version} names={names} failure={failure} />
      {editable && <EditForm ctx={ctx} notice={notice} failure={failure} />}
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
