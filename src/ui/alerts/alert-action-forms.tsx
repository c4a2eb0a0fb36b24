import type { AlertView } from '../../alerts/alert-query.js';
import { incidentSeverity } from '../../alerts/alert-severity.js';
import type { IncidentSummary } from '../../lifecycle/incident-view.js';
import { SEVERITIES } from '../../lifecycle/scope.js';
import { Field, issueFor, PostForm, Select, submitted } from '../components/forms.js';
import { utcText } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { SNOOZE_HOURS } from './snooze-input.js';

interface FormProps {
  ctx: PageContext;
  alert: AlertView;
  failure: FormFailure | null;
}

export const snoozeOptions = (): Array<[string, string]> => SNOOZE_HOURS.map((hours) => [String(hours), hours === 1 ? '1 hour' : `${hours} hours`]);

/** Opens an incident from the alert; empty fields take the alert's own title and severity. */
export function PromoteForm(props: FormProps) {
  const { ctx, alert, failure } = props;
  const form = 'promote';
  const severities: Array<[string, string]> = [['', `The alert’s (${incidentSeverity(alert.severity)})`], ...SEVERITIES.map((s): [string, string] => [s, s])];
  return (
    <PostForm ctx={ctx} action={`/console/alerts/${alert.id}/promote`} class="narrow" label="Promote to an incident">
      <Field form={form} name="title" label="Incident title" hint={`Leave empty to use the alert’s title: ${alert.title}`} value={submitted(failure, form, 'title')} error={issueFor(failure, form, 'title')} />
      <Select form={form} name="severity" label="Incident severity" options={severities} value={submitted(failure, form, 'severity')} error={issueFor(failure, form, 'severity')} />
      <Field form={form} name="summary" label="Summary (optional)" type="textarea" rows={3} value={submitted(failure, form, 'summary')} error={issueFor(failure, form, 'summary')} />
      <button type="submit">Promote to an incident</button>
    </PostForm>
  );
}

/** Links the alert to an open incident: one from the list, or any incident by its id. */
export function MergeForm(props: FormProps & { incidents: IncidentSummary[] }) {
  const { ctx, alert, failure } = props;
  const form = 'merge';
  const options: Array<[string, string]> = [
    ['', props.incidents.length === 0 ? 'No open incidents' : 'Choose an incident'],
    ...props.incidents.map((i): [string, string] => [i.id, `${i.title} (${i.severity}, ${i.phase}, opened ${utcText(i.createdAt)})`]),
  ];
  return (
    <PostForm ctx={ctx} action={`/console/alerts/${alert.id}/merge`} class="narrow" label="Merge into an incident">
      <Select form={form} name="incidentId" label="Open incident" options={options} value={submitted(failure, form, 'incidentId')} error={issueFor(failure, form, 'incidentId')} />
      <Field
        form={form}
        name="otherIncidentId"
        label="Or an incident id not listed"
        hint="Used instead of the list when filled in."
        value={submitted(failure, form, 'otherIncidentId')}
      />
      <button type="submit">Merge into the incident</button>
    </PostForm>
  );
}

/** Keeps the alert from opening incidents for a while; its deliveries are still counted. */
export function SnoozeForm(props: FormProps) {
  const { ctx, alert, failure } = props;
  const form = 'snooze';
  return (
    <PostForm ctx={ctx} action={`/console/alerts/${alert.id}/snooze`} class="narrow" label="Snooze">
      <Select form={form} name="for" label="Snooze for" options={snoozeOptions()} value={submitted(failure, form, 'for')} />
      <Field
        form={form}
        name="until"
        label="Or snooze until (UTC)"
        type="datetime-local"
        hint="A time here, in UTC, is used instead of the duration."
        value={submitted(failure, form, 'until')}
        error={issueFor(failure, form, 'until')}
      />
      <Field form={form} name="reason" label="Reason" required value={submitted(failure, form, 'reason')} error={issueFor(failure, form, 'reason')} />
      <button type="submit">Snooze this alert</button>
    </PostForm>
  );
}
