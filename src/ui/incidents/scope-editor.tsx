import { mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import { DATA_CATEGORIES, SEVERITIES } from '../../lifecycle/scope.js';
import { Field, issueFor, PostForm, Select } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { FormFailure, FormValues } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { utcInputValue } from '../utc-input.js';
import { CATEGORY_LABELS, EDITABLE_CLOCK_FACTS, ENCRYPTED_CHOICES, ORGANIZATION_FLAGS, SCOPE_FORM } from './scope-fields.js';

/** Empty jurisdiction rows below the current ones, so a person adds countries without a script. */
const SPARE_ROWS = 3;

const encryptedChoice = (value: boolean | null) => ENCRYPTED_CHOICES.find((choice) => choice[2] === value)!;

/** What the form shows: what was typed after a refused post, else the incident's current facts. */
function formValues(incident: IncidentView, failure: FormFailure | null): FormValues {
  if (failure?.form === SCOPE_FORM) return failure.values;
  const { scope, clock } = incident;
  const values: FormValues = {
    title: incident.title,
    severity: incident.severity,
    summary: incident.summary,
    dataCategories: scope.dataCategories,
    encrypted: encryptedChoice(scope.encrypted)[0],
    'organization.nis2Entity': scope.organization.nis2Entity ?? '',
  };
  scope.affected.forEach((row, i) => {
    values[`affected.${i}.jurisdiction`] = row.jurisdiction;
    values[`affected.${i}.count`] = String(row.count);
  });
  for (const [flag] of ORGANIZATION_FLAGS) if (scope.organization[flag] === true) values[`organization.${flag}`] = 'true';
  for (const [fact] of EDITABLE_CLOCK_FACTS) values[`clockFacts.${fact}`] = utcInputValue(clock[fact]);
  return values;
}

const one = (values: FormValues, name: string): string => {
  const value = values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** How many jurisdiction rows to draw: every row already there (or typed), plus the spare ones. */
function rowCount(incident: IncidentView, values: FormValues, failure: FormFailure | null): number {
  if (failure?.form !== SCOPE_FORM) return incident.scope.affected.length + SPARE_ROWS;
  const indexes = Object.keys(values).map((name) => /^affected\.(\d+)\./.exec(name)?.[1]).filter((i) => i !== undefined);
  return Math.max(SPARE_ROWS, ...indexes.map((i) => Number(i) + 1));
}

/**
 * The incident's scope: the facts that decide which laws apply. Everyone who may read the incident
 * sees them; roles that may send UPDATE_SCOPE, while the incident takes it, also get the form.
 */
export function ScopeEditor(props: { ctx: PageContext; incident: IncidentView; failure: FormFailure | null }) {
  const { ctx, incident, failure } = props;
  const editable = mayRoleSend(ctx.actor.role, 'UPDATE_SCOPE') && incident.allowedEvents.includes('UPDATE_SCOPE');
  return (
    <section class="panel" aria-labelledby="scope-heading" id="scope">
      <h2 id="scope-heading">Scope</h2>
      <ScopeFacts incident={incident} />
      {editable && (
        <details open={failure?.form === SCOPE_FORM}>
          <summary>Edit scope</summary>
          <ScopeForm ctx={ctx} incident={incident} failure={failure} />
        </details>
      )}
    </section>
  );
}

/** The facts as they stand, for reading. */
function ScopeFacts(props: { incident: IncidentView }) {
  const { scope, clock } = props.incident;
  return (
    <>
      {scope.affected.length === 0 ? (
        <p>No affected people recorded yet.</p>
      ) : (
        <table>
          <caption>People affected by jurisdiction</caption>
          <thead>
            <tr>
              <th scope="col">Jurisdiction</th>
              <th scope="col">People</th>
            </tr>
          </thead>
          <tbody>
            {scope.affected.map((row) => (
              <tr>
                <th scope="row">{row.jurisdiction}</th>
                <td>{row.count.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl>
        <dt>Data categories</dt>
        <dd>{scope.dataCategories.length === 0 ? 'none recorded' : scope.dataCategories.map((c) => CATEGORY_LABELS[c]).join(', ')}</dd>
        <dt>Encrypted</dt>
        <dd>{encryptedChoice(scope.encrypted)[1]}</dd>
        <dt>Organisation</dt>
        <dd>
          {ORGANIZATION_FLAGS.filter(([flag]) => scope.organization[flag] === true)
            .map(([, label]): string => label)
            .concat(scope.organization.nis2Entity == null ? [] : [`NIS2 ${scope.organization.nis2Entity} entity`])
            .join('; ') || 'no special status recorded'}
        </dd>
        <dt>Became aware</dt>
        <dd>
          <Instant iso={clock.awarenessAt} />
        </dd>
        {EDITABLE_CLOCK_FACTS.map(([fact, label]) => (
          <>
            <dt>{label}</dt>
            <dd>
              <Instant iso={clock[fact]} />
            </dd>
          </>
        ))}
      </dl>
    </>
  );
}

function ScopeForm(props: { ctx: PageContext; incident: IncidentView; failure: FormFailure | null }) {
  const { ctx, incident, failure } = props;
  const values = formValues(incident, failure);
  const error = (name: string) => issueFor(failure, SCOPE_FORM, name);
  const categories = new Set(Array.isArray(values.dataCategories) ? values.dataCategories : [values.dataCategories ?? '']);
  const rows = Array.from({ length: rowCount(incident, values, failure) }, (_, i) => i);
  return (
    <PostForm ctx={ctx} action={`/console/incidents/${incident.id}/scope`} label="Edit scope">
      <input type="hidden" name="expectedVersion" value={String(incident.version)} />
      <Field form={SCOPE_FORM} name="title" label="Title" value={one(values, 'title')} error={error('title')} required />
      <Select
        form={SCOPE_FORM}
        name="severity"
        label="Severity"
        options={SEVERITIES.map((s) => [s, s])}
        value={one(values, 'severity')}
        error={error('severity')}
      />
      <Field form={SCOPE_FORM} name="summary" label="Summary" type="textarea" value={one(values, 'summary')} error={error('summary')} />

      <fieldset>
        <legend>People affected by jurisdiction</legend>
        <p class="hint">An ISO 3166 code (DE, US-CA) and how many people there. Leave a row empty to skip it; empty a row to remove it.</p>
        {error('affected') !== undefined && <p class="error-message">{error('affected')}</p>}
        {rows.map((i) => (
          <div class="event-row">
            <Field
              form={SCOPE_FORM}
              name={`affected.${i}.jurisdiction`}
              label={`Jurisdiction ${i + 1}`}
              value={one(values, `affected.${i}.jurisdiction`)}
              error={error(`affected.${i}.jurisdiction`)}
            />
            <Field
              form={SCOPE_FORM}
              name={`affected.${i}.count`}
              label={`People affected ${i + 1}`}
              type="number"
              min={0}
              value={one(values, `affected.${i}.count`)}
              error={error(`affected.${i}.count`)}
            />
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>Data categories exposed</legend>
        {error('dataCategories') !== undefined && <p class="error-message">{error('dataCategories')}</p>}
        <div class="checkbox-grid">
          {DATA_CATEGORIES.map((category) => (
            <label>
              <input type="checkbox" name="dataCategories" value={category} checked={categories.has(category)} /> {CATEGORY_LABELS[category]}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Was the data encrypted?</legend>
        {error('encrypted') !== undefined && <p class="error-message">{error('encrypted')}</p>}
        {ENCRYPTED_CHOICES.map(([value, label]) => (
          <label>
            <input type="radio" name="encrypted" value={value} checked={one(values, 'encrypted') === value} /> {label}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Organisation</legend>
        <div class="checkbox-grid">
          {ORGANIZATION_FLAGS.map(([flag, label]) => (
            <label>
              <input type="checkbox" name={`organization.${flag}`} value="true" checked={one(values, `organization.${flag}`) === 'true'} /> {label}
            </label>
          ))}
        </div>
        <Select
          form={SCOPE_FORM}
          name="organization.nis2Entity"
          label="NIS2 entity"
          options={[
            ['', 'None'],
            ['essential', 'Essential entity'],
            ['important', 'Important entity'],
          ]}
          value={one(values, 'organization.nis2Entity')}
          error={error('organization.nis2Entity')}
        />
      </fieldset>

      <fieldset>
        <legend>Clock facts (UTC)</legend>
        <p class="hint">Times are in UTC. Leave a field empty if it is not known.</p>
        {EDITABLE_CLOCK_FACTS.map(([fact, label]) => (
          <Field
            form={SCOPE_FORM}
            name={`clockFacts.${fact}`}
            label={`${label} (UTC)`}
            type="datetime-local"
            value={one(values, `clockFacts.${fact}`)}
            error={error(`clockFacts.${fact}`)}
          />
        ))}
      </fieldset>
      <button type="submit">Save scope</button>
      <p class="hint">Saving re-assesses the obligations from these facts.</p>
    </PostForm>
  );
}
