import { mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import { jurisdictionName } from '../../lifecycle/jurisdiction-codes.js';
import { Field, fieldId, issueFor, PostForm, Select, submitted } from '../components/forms.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { EVENT_FORMS, eventFormName, isFormEvent, OBLIGATION_FORMS, type FieldSpec, type FormEventType, type RowsSpec } from './event-form-specs.js';
import { postedRows } from './event-from-form.js';

interface EventFormProps {
  ctx: PageContext;
  incident: IncidentView;
  type: FormEventType;
  failure: FormFailure | null;
  obligationId?: string;
  /** Which obligation the button acts on, when several rows each have one. */
  subject?: string;
  /**
   * Fields this copy of the form settles itself (the jurisdiction of a form shown beside one
   * place): posted as hidden values, and the form is named after `formFor` so a refusal redraws
   * this copy, not another.
   */
  fixed?: Record<string, string>;
  formFor?: string;
  /** The form's accessible name, where several copies of one form share a page. */
  label?: string;
  /** A text field offered as a choice instead, e.g. the incident's affected places. */
  choices?: Record<string, Array<[string, string]>>;
}

const INPUT_TYPES = { text: 'text', textarea: 'textarea', instant: 'datetime-local', email: 'email' } as const;

function SpecField(props: { spec: FieldSpec; form: string; name: string; failure: FormFailure | null; value?: string; inRow?: boolean }) {
  const { spec, form, name, failure } = props;
  const value = submitted(failure, form, name) ?? props.value;
  const error = issueFor(failure, form, name);
  if (spec.kind === 'select') {
    return <Select form={form} name={name} label={spec.label} options={spec.options ?? []} value={value} hint={spec.hint} error={error} required={spec.required} />;
  }
  // The obligation's id rides in EventForm's own hidden field.
  if (spec.kind === 'hidden') return null;
  // In a list the browser must let blank rows through: the server drops them.
  const required = spec.required === true && props.inRow !== true;
  return <Field form={form} name={name} label={spec.label} type={INPUT_TYPES[spec.kind]} value={value} hint={spec.hint} error={error} required={required} />;
}

/** Numbered rows of a list field, filled with what the incident has now (or what was just typed). */
function Rows(props: { rows: RowsSpec; form: string; failure: FormFailure | null; current: Array<Record<string, string | undefined>> }) {
  const { rows, form, failure } = props;
  const typedRows = failure?.form === form ? postedRows(rows, failure.values) : 0;
  const count = Math.max(typedRows, props.current.length + rows.blankRows);
  const error = issueFor(failure, form, rows.name);
  return (
    <fieldset id={fieldId(form, rows.name)} class={error === undefined ? 'event-rows' : 'event-rows field-error'}>
      <legend>{rows.legend}s</legend>
      {error !== undefined && <p class="error-message">{error}</p>}
      {Array.from({ length: count }, (_, i) => (
        <fieldset class="event-row">
          <legend>
            {rows.legend} {i + 1}
          </legend>
          {rows.fields.map((spec) => (
            <SpecField spec={spec} form={form} name={`${rows.name}.${i}.${spec.name}`} failure={failure} value={props.current[i]?.[spec.name]} inRow />
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** One event's form. It carries the version the page showed, so a stale page is refused (409), not applied. */
export function EventForm(props: EventFormProps) {
  const { ctx, incident, type, failure, obligationId, fixed = {}, choices = {} } = props;
  const spec = EVENT_FORMS[type];
  const form = eventFormName(type, obligationId ?? props.formFor);
  const current = type === 'SET_RESPONDERS' ? incident.responders : [];
  return (
    <PostForm ctx={ctx} action={`/console/incidents/${incident.id}/events/${type}`} class="event-form" label={props.label ?? spec.heading}>
      <input type="hidden" name="expectedVersion" value={String(incident.version)} />
      {obligationId !== undefined && <input type="hidden" name="obligationId" value={obligationId} />}
      {props.formFor !== undefined && <input type="hidden" name="formFor" value={props.formFor} />}
      {Object.entries(fixed).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {spec.explain !== undefined && <p class="hint">{spec.explain}</p>}
      {spec.fields
        .filter((field) => !Object.hasOwn(fixed, field.name))
        .map((field) => {
          const options = choices[field.name];
          return <SpecField spec={options === undefined ? field : { ...field, kind: 'select', options }} form={form} name={field.name} failure={failure} />;
        })}
      {spec.rows !== undefined && <Rows rows={spec.rows} form={form} failure={failure} current={current} />}
      <button type="submit" class={spec.danger === true ? 'danger' : undefined}>
        {props.subject === undefined ? spec.button : `${spec.button}: ${props.subject}`}
      </button>
    </PostForm>
  );
}

/** The incident-wide events this role may send now (per-obligation events sit in the obligations table). */
export function incidentActions(incident: IncidentView, ctx: PageContext): FormEventType[] {
  return incident.allowedEvents.filter(
    (type): type is FormEventType => isFormEvent(type) && !OBLIGATION_FORMS.includes(type) && mayRoleSend(ctx.actor.role, type),
  );
}

/** The places legal may record a finding for from the general form: the incident's affected jurisdictions. */
function findingChoices(incident: IncidentView): Record<string, Array<[string, string]>> | undefined {
  if (incident.scope.affected.length === 0) return undefined;
  const places = incident.scope.affected.map((row): [string, string] => [row.jurisdiction, `${jurisdictionName(row.jurisdiction)}: ${row.jurisdiction}`]);
  return { jurisdiction: [['', 'Choose an affected jurisdiction'], ...places.sort((a, b) => a[1].localeCompare(b[1]))] };
}

/** What may be done now, one form per event; nothing for a role that may send none of them. */
export function EventForms(props: { ctx: PageContext; incident: IncidentView; failure: FormFailure | null }) {
  const types = incidentActions(props.incident, props.ctx);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      {types.length === 0 ? (
        <p class="muted">Nothing your role ({props.ctx.actor.role}) may do on this incident in its current state.</p>
      ) : (
        <div class="event-forms">
          {types.map((type) => (
            <section class="panel" aria-labelledby={`${eventFormName(type)}-heading`}>
              <h3 id={`${eventFormName(type)}-heading`}>{EVENT_FORMS[type].heading}</h3>
              <EventForm
                ctx={props.ctx}
                incident={props.incident}
                type={type}
                failure={props.failure}
                choices={type === 'RECORD_LEGAL_FINDING' ? findingChoices(props.incident) : undefined}
              />
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
