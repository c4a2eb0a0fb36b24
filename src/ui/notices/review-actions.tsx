import type { NoticeView, VersionView } from '../../notices/notice-view.js';
import { Field, issueFor, PostForm, submitted } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import type { ActorNames } from './actor-names.js';
import { versionHref } from './notice-labels.js';

export const COMMENT_FORM = 'comment';
export const REQUEST_CHANGES_FORM = 'request-changes';
export const APPROVE_FORM = 'approve';

/** The posts about one version live under its page's address. */
export const versionAction = (noticeId: string, number: number, action: string): string => `${versionHref(noticeId, number)}/${action}`;

/**
 * What may happen to this version now: offered only to roles that may do it and only in the states
 * the review allows (the server checks both again). Only the newest version moves; an older one
 * points there.
 */
export function ReviewActions(props: { ctx: PageContext; notice: NoticeView; version: VersionView; failure: FormFailure | null }) {
  const { ctx, notice, version, failure } = props;
  const n = version.number;
  if (n !== notice.latest.number) {
    return (
      <section aria-labelledby="review-heading">
        <h2 id="review-heading">Review</h2>
        <p>
          Version {n} is not the newest, so it can no longer be reviewed. <a href={versionHref(notice.id, notice.latest.number)}>Review version {notice.latest.number}</a>.
        </p>
      </section>
    );
  }
  const canSubmit = ctx.can('writeNotices') && (version.status === 'draft' || version.status === 'changes_requested');
  const canDecide = ctx.can('reviewNotices') && version.status === 'in_review';
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      {!canSubmit && !canDecide && <p>{waitingFor(version)}</p>}
      <div class="actions review-actions">
        {canSubmit && (
          <PostForm ctx={ctx} action={versionAction(notice.id, n, 'submit')}>
            <button type="submit">Submit version {n} for legal review</button>
          </PostForm>
        )}
        {canDecide && (
          <PostForm ctx={ctx} action={versionAction(notice.id, n, 'approve')}>
            <button type="submit">Approve version {n}</button>
          </PostForm>
        )}
        {canDecide && (
          <PostForm ctx={ctx} action={versionAction(notice.id, n, 'request-changes')} class="request-changes" label={`Request changes to version ${n}`}>
            <Field
              form={REQUEST_CHANGES_FORM}
              name="body"
              type="textarea"
              label="What must change"
              hint="The author reads this comment on the version."
              value={submitted(failure, REQUEST_CHANGES_FORM, 'body')}
              error={issueFor(failure, REQUEST_CHANGES_FORM, 'body')}
              required
            />
            <button type="submit" class="secondary">
              Request changes to version {n}
            </button>
          </PostForm>
        )}
      </div>
    </section>
  );
}

/** Why nothing is offered: who acts next, so a reader knows the page is not broken. */
function waitingFor(version: VersionView): string {
  switch (version.status) {
    case 'in_review':
      return `Version ${version.number} waits for legal's decision.`;
    case 'approved':
      return `Version ${version.number} is approved. Editing it makes a new version, which needs approval again.`;
    case 'superseded':
      return `Version ${version.number} was replaced by a newer one.`;
    default:
      return `Version ${version.number} is being written; whoever drafts notices submits it for review.`;
  }
}

/** The version's comments, oldest first, and a form to add one. */
export function Comments(props: { ctx: PageContext; noticeId: string; version: VersionView; names: ActorNames; failure: FormFailure | null }) {
  const { ctx, version, failure } = props;
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments on version {version.number}</h2>
      {version.comments.length === 0 ? (
        <p>No comments yet.</p>
      ) : (
        <ol class="comments">
          {version.comments.map((comment) => (
            <li>
              <p class="comment-meta">
                {props.names(comment.author)}, <Instant iso={comment.createdAt} />
              </p>
              <p class="comment-body">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      {ctx.can('writeNotices') && (
        <PostForm ctx={ctx} action={versionAction(props.noticeId, version.number, 'comments')} label={`Comment on version ${version.number}`}>
          <Field
            form={COMMENT_FORM}
            name="body"
            type="textarea"
            label={`Comment on version ${version.number}`}
            value={submitted(failure, COMMENT_FORM, 'body')}
            error={issueFor(failure, COMMENT_FORM, 'body')}
            required
          />
          <button type="submit" class="secondary">
            Add comment to version {version.number}
          </button>
        </PostForm>
      )}
    </section>
  );
}
