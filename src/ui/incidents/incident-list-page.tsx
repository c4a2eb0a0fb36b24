import type { Context } from 'hono';
import { PHASES } from '../../lifecycle/incident-transitions.js';
import { SEVERITIES } from '../../lifecycle/scope.js';
import { ErrorSummary, Field, issueFor, PostForm, Select, submitted } from '../components/forms.js';
import { Countdown, Instant } from '../components/time.js';
import type { ConsoleDeps } from '../console-app.js';
import type { ConsoleEnv } from '../console-env.js';
import type { FormFailure } from '../form-action.js';
import { Layout, renderPage } from '../layout.js';
import { pageContext, type PageContext } from '../page-context.js';
import { stateWords } from './lifecycle-tracks.js';

/** A console page shows a longer page of incidents than the API's default. */
const PAGE_SIZE = 50;
const FILTERS = ['phase', 'severity', 'q'] as const;
export const OPEN_FORM = 'open-incident';

const options = (any: string, values: readonly string[]): Array<[string, string]> => [['', any], ...values.map((v): [string, string] => [v, stateWords(v)])];

/** The filters the person chose (empty ones left out, as the list query does not take them). */
function chosenFilters(c: Context): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const name of [...FILTERS, 'cursor']) {
    const value = c.req.query(name)?.trim();
    if (value !== undefined && value !== '') chosen[name] = value;
  }
  return chosen;
}

function OpenIncidentForm(props: { ctx: PageContext; failure: FormFailure | null }) {
  const { ctx, failure } = props;
  const value = (name: string) => submitted(failure, OPEN_FORM, name);
  const error = (name: string) => issueFor(failure, OPEN_FORM, name);
  return (
    <section class="panel open-incident" aria-labelledby="open-heading">
      <h2 id="open-heading">Open an incident</h2>
      <PostForm ctx={ctx} action="/console/incidents" label="Open an incident">
        <Field form={OPEN_FORM} name="title" label="Title" value={value('title')} error={error('title')} required />
        <Select form={OPEN_FORM} name="severity" label="Severity" options={options('Choose…', SEVERITIES)} value={value('severity')} error={error('severity')} required />
        <Field form={OPEN_FORM} name="summary" label="Summary" type="textarea" rows={2} hint="What is known so far." value={value('summary')} error={error('summary')} />
        <button type="submit">Open incident</button>
      </PostForm>
    </section>
  );
}

function Filters(props: { chosen: Record<string, string> }) {
  const { chosen } = props;
  return (
    <form method="get" action="/console/incidents" class="filters" role="search" aria-label="Filter incidents">
      <Select form="filters" name="phase" label="Phase" options={options('Any phase', PHASES)} value={chosen.phase} />
      <Select form="filters" name="severity" label="Severity" options={options('Any severity', SEVERITIES)} value={chosen.severity} />
      <Field form="filters" name="q" label="Search title and summary" type="search" value={chosen.q} />
      <div class="actions">
        <button type="submit">Filter incidents</button>
        {FILTERS.some((name) => chosen[name] !== undefined) && (
          <a class="button secondary" href="/console/incidents">
            Clear filters
          </a>
        )}
      </div>
    </form>
  );
}

/** The incidents, newest first, with filters, the next deadline of each, and (for those who may) the form to open one. */
export async function renderIncidentList(c: Context<ConsoleEnv>, deps: ConsoleDeps, failure: FormFailure | null): Promise<Response> {
  const ctx = pageContext(c, deps.clock);
  const chosen = chosenFilters(c);
  const { items: incidents, nextCursor } = await deps.incidents.list({ ...chosen, limit: PAGE_SIZE });
  const { cursor: _cursor, ...filters } = chosen;
  const nextPage = nextCursor === null ? null : `/console/incidents?${new URLSearchParams({ ...filters, cursor: nextCursor })}`;
  return renderPage(
    c,
    <Layout ctx={ctx} title="Incidents" section="incidents">
      <h1>Incidents</h1>
      <ErrorSummary failure={failure} />
      {ctx.can('openIncident') && <OpenIncidentForm ctx={ctx} failure={failure} />}
      <Filters chosen={chosen} />
      {incidents.length === 0 ? (
        <p role="status">No incidents match these filters.</p>
      ) : (
        <table class="incidents">
          <caption>Incidents, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Phase</th>
              <th scope="col">Severity</th>
              <th scope="col">Opened</th>
              <th scope="col">Next deadline</th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((incident) => {
              const due = incident.nextDueAt;
              return (
                <tr>
                  <th scope="row">
                    <a href={`/console/incidents/${incident.id}`}>{incident.title}</a>
                  </th>
                  <td>{stateWords(incident.phase)}</td>
                  <td>
                    <span class={`badge severity-${incident.severity}`}>{incident.severity}</span>
                  </td>
                  <td>
                    <Instant iso={incident.createdAt} />
                  </td>
                  <td>{due === null ? <span class="muted">None open</span> : <Countdown dueAt={due} now={ctx.now} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {nextPage !== null && (
        <p>
          <a href={nextPage} rel="next">
            Next page
          </a>
        </p>
      )}
    </Layout>,
    failure?.status ?? 200,
  );
}
