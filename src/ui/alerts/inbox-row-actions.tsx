import type { AlertView } from '../../alerts/alert-query.js';
import { Field, issueFor, PostForm, Select, submitted } from '../components/forms.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { snoozeOptions } from './alert-action-forms.js';

/** The hidden field that marks a post as coming from an inbox row; it holds the inbox's address. */
export const INBOX_FIELD = 'inbox';

/** Form names per alert, so every row's fields have ids of their own. */
export const rowForm = (action: 'promote' | 'snooze', alertId: string): string => `${action}-${alertId}`;

/**
 * A row's quick actions: promote at once (with the alert's title and severity), or snooze for a
 * chosen time behind a disclosure. Overrides, merges and exact times are on the alert's page.
 */
export function InboxRowActions(props: { ctx: PageContext; alert: AlertView; inbox: string; failure: FormFailure | null }) {
  const { ctx, alert, inbox, failure } = props;
  const snooze = rowForm('snooze', alert.id);
  return (
    <div class="row-actions">
      <PostForm ctx={ctx} action={`/console/alerts/${alert.id}/promote`}>
        <input type="hidden" name={INBOX_FIELD} value={inbox} />
        <button type="submit" class="secondary" aria-label={`Promote to incident: ${alert.title}`}>
          Promote to incident
        </button>
      </PostForm>
      <details open={failure?.form === snooze}>
        <summary>Snooze…</summary>
        <PostForm ctx={ctx} action={`/console/alerts/${alert.id}/snooze`} label={`Snooze ${alert.title}`}>
          <input type="hidden" name={INBOX_FIELD} value={inbox} />
          <Select form={snooze} name="for" label="For" options={snoozeOptions()} value={submitted(failure, snooze, 'for')} />
          <Field form={snooze} name="reason" label="Reason" required value={submitted(failure, snooze, 'reason')} error={issueFor(failure, snooze, 'reason')} />
          <button type="submit" class="secondary" aria-label={`Snooze: ${alert.title}`}>
            Snooze
          </button>
        </PostForm>
      </details>
    </div>
  );
}
