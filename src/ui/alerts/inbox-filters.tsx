import { ALERT_SEVERITIES } from '../../alerts/alert-severity.js';
import { Field, issueFor, Select } from '../components/forms.js';
import type { FormFailure } from '../form-action.js';

/** The inbox's query string as the alert list takes it (listAlertsSchema's names). */
export type InboxQuery = Record<string, string>;

/** An empty field of the filter form means "any", which the list says by leaving the filter out. */
export const inboxQuery = (params: URLSearchParams): InboxQuery => Object.fromEntries([...params].filter(([, value]) => value.trim() !== ''));

export function inboxHref(query: InboxQuery): string {
  const search = new URLSearchParams(query).toString();
  return search === '' ? '/console/alerts' : `/console/alerts?${search}`;
}

const ANY: [string, string] = ['', 'Any'];
const FORM = 'filters';

/** A GET form, so a filtered inbox is a link people can share and reload. */
export function InboxFilters(props: { query: InboxQuery; sources: string[]; failure: FormFailure | null }) {
  const { query, failure } = props;
  const select = (name: string, label: string, options: Array<[string, string]>) => (
    <Select form={FORM} name={name} label={label} options={[ANY, ...options]} value={query[name]} error={issueFor(failure, FORM, name)} />
  );
  const sources = query.source === undefined || props.sources.includes(query.source) ? props.sources : [...props.sources, query.source];
  return (
    <form method="get" action="/console/alerts" class="inbox-filters" role="search" aria-label="Filter alerts">
      <fieldset>
        <legend>Filter alerts</legend>
        <div class="filter-fields">
          <Field form={FORM} name="q" label="Title contains" type="search" value={query.q} error={issueFor(failure, FORM, 'q')} />
          {select('status', 'Status', [['firing', 'Open (firing)'], ['resolved', 'Resolved']])}
          {select('severity', 'Severity', ALERT_SEVERITIES.map((s): [string, string] => [s, s]))}
          {select('source', 'Source', sources.map((s): [string, string] => [s, s]))}
          {select('linked', 'On an incident', [['true', 'Linked to an incident'], ['false', 'Not linked']])}
          {select('snoozed', 'Snoozed', [['true', 'Snoozed now'], ['false', 'Not snoozed']])}
          <Field form={FORM} name="incidentId" label="Incident id" value={query.incidentId} error={issueFor(failure, FORM, 'incidentId')} />
        </div>
        {query.limit !== undefined && <input type="hidden" name="limit" value={query.limit} />}
        <div class="actions">
          <button type="submit">Show alerts</button>
          <a class="button secondary" href="/console/alerts">
            Clear filters
          </a>
        </div>
      </fieldset>
    </form>
  );
}
