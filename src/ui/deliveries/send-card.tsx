import type { SendView } from '../../delivery/send-view.js';
import { Field, issueFor, PostForm, submitted } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { progressText } from './send-progress.js';

/** Names of a send's forms on the incident page (see FormFailure.form). */
export const pauseForm = (sendId: string): string => `send-pause-${sendId}`;
export const resumeForm = (sendId: string): string => `send-resume-${sendId}`;
export const cancelForm = (sendId: string): string => `send-cancel-${sendId}`;

const isActive = (send: SendView): boolean => send.status === 'running' || send.status === 'paused';

/**
 * One send: its state in words, a progress bar, the counts, pace and time left, and the actions its
 * state allows. The poller (30-delivery-progress.js) finds the `data-send-*` parts and keeps them
 * current; it shows or hides each form by its `data-send-when` when the state changes.
 */
export function SendCard(props: { ctx: PageContext; send: SendView; failure: FormFailure | null }) {
  const { ctx, send, failure } = props;
  const text = progressText(send);
  const active = isActive(send);
  return (
    <article
      class="send"
      aria-labelledby={`send-${send.id}-heading`}
      data-send-progress={active ? `/console/deliveries/${send.id}/progress` : undefined}
      data-send-status={send.status}
    >
      <h3 id={`send-${send.id}-heading`}>
        Send started <Instant iso={send.createdAt} />
      </h3>
      <p>
        Status:{' '}
        <span class={`badge status-${send.status}`} data-send-field="status">
          {text.status}
        </span>{' '}
        <span class="muted" data-send-field="statusReason">
          {send.statusReason ?? ''}
        </span>
      </p>
      <progress data-send-field="bar" value={send.sent + send.failed} max={Math.max(send.total, 1)} aria-label="Messages sent or failed, of all" />
      <p data-send-field="counts">{text.counts}</p>
      <p class="muted">
        <span data-send-field="rate">{text.rate}</span> <span data-send-field="eta">{text.eta}</span>
      </p>
      {send.finishedAt !== null && (
        <p>
          Finished <Instant iso={send.finishedAt} />
        </p>
      )}
      {/* Empty until the poller writes a change of state: every tick would be noise for a screen reader. */}
      <p class="send-announce" role="status" aria-live="polite" data-send-field="announce"></p>
      {active && <SendActions ctx={ctx} send={send} failure={failure} />}
    </article>
  );
}

/** Pause and resume by state, cancel while unfinished; each only for roles that may. */
function SendActions(props: { ctx: PageContext; send: SendView; failure: FormFailure | null }) {
  const { ctx, send, failure } = props;
  const base = `/console/deliveries/${send.id}`;
  return (
    <div class="actions send-actions">
      {ctx.can('stopSends') && (
        <div data-send-when="running" hidden={send.status !== 'running'}>
          <ReasonForm ctx={ctx} form={pauseForm(send.id)} action={`${base}/pause`} label="Reason for pausing (optional)" button="Pause this send" failure={failure} />
        </div>
      )}
      {ctx.can('startSends') && (
        <div data-send-when="paused" hidden={send.status !== 'paused'}>
          <PostForm ctx={ctx} action={`${base}/resume`} label="Resume this send">
            <button type="submit">Resume this send</button>
          </PostForm>
        </div>
      )}
      {ctx.can('stopSends') && (
        <div data-send-when="running paused">
          <ReasonForm ctx={ctx} form={cancelForm(send.id)} action={`${base}/cancel`} label="Reason for cancelling (optional)" button="Cancel this send" danger failure={failure} />
        </div>
      )}
    </div>
  );
}

function ReasonForm(props: { ctx: PageContext; form: string; action: string; label: string; button: string; danger?: boolean; failure: FormFailure | null }) {
  const { ctx, form, failure } = props;
  return (
    <PostForm ctx={ctx} action={props.action} label={props.button}>
      <Field form={form} name="reason" label={props.label} value={submitted(failure, form, 'reason')} error={issueFor(failure, form, 'reason')} />
      <button type="submit" class={props.danger === true ? 'danger' : undefined}>
        {props.button}
      </button>
    </PostForm>
  );
}
