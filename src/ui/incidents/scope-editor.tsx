import { DateTime } from 'luxon';
import { mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import { jurisdictionName } from '../../lifecycle/jurisdiction-codes.js';
import { DATA_CATEGORIES, findingRisk, INCIDENT_FACTS, MEDIA, SEVERITIES, type LegalFinding, type Scope } from '../../lifecycle/scope.js';
import { Field, fieldId, issueFor, PostForm, Select } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { FormFailure, FormValues } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { utcInputValue } from '../utc-input.js';
import { eventFormName } from './event-form-specs.js';
import { countWords } from './fact-words.js';
import {
  CATEGORY_LABELS,
  COUNT_BASIS_CHOICES,
  EDITABLE_CLOCK_FACTS,
  ESTABLISHMENT_CHOICES,
  establishmentText,
  HARM_WORDS,
  NO_ESTABLISHMENT,
  RISK_WORDS,
  MEDIUM_LABELS,
  NATURE_QUESTIONS,
  ORGANIZATION_FLAGS,
  ROLE_CHOICES,
  SCOPE_FORM,
  severityWords,
  YES_NO_UNKNOWN,
  yesNoChoice,
} from './scope-fields.js';

/** Empty jurisdiction rows below the current ones, so a person adds countries without a script. */
const SPARE_ROWS = 3;

/** Who recorded something, by the actor reference the lifecycle stores ("token:…"), as the timeline names them. */
export type ActorNames = (ref: string) => string;

const pairs = (choices: ReadonlyArray<readonly [string, string, ...unknown[]]>): Array<[string, string]> => choices.map(([value, label]) => [value, label]);

/** "12 March 2026": a calendar day, as a person reads it. */
export const dayText = (day: string): string => DateTime.fromISO(day, { zone: 'utc' }).toFormat('d MMMM yyyy');

/** What the form shows: what was typed after a refused post, else the incident's current facts. */
function formValues(incident: IncidentView, failure: FormFailure | null): FormValues {
  if (failure?.form === SCOPE_FORM) return failure.values;
  const { scope, clock } = incident;
  const values: FormValues = {
    title: incident.title,
    severity: incident.severity,
    summary: incident.summary,
    dataCategories: scope.dataCategories,
    media: scope.media ?? [],
    role: scope.role ?? '',
    processorFor: scope.processorFor ?? '',
    encrypted: yesNoChoice(scope.encrypted)[0],
    keyExposed: yesNoChoice(scope.keyExposed)[0],
    redacted: yesNoChoice(scope.redacted)[0],
    lawEnforcementDelayUntil: scope.lawEnforcementDelayUntil ?? '',
    'organization.nis2Entity': scope.organization.nis2Entity ?? '',
    'organization.mainEstablishment': scope.organization.mainEstablishment === undefined ? '' : (scope.organization.mainEstablishment ?? NO_ESTABLISHMENT),
  };
  scope.affected.forEach((row, i) => {
    values[`affected.${i}.jurisdiction`] = row.jurisdiction;
    values[`affected.${i}.count`] = row.count === null ? '' : String(row.count);
    values[`affected.${i}.countBasis`] = row.countBasis ?? 'exact';
  });
  for (const fact of INCIDENT_FACTS) values[`nature.${fact}`] = yesNoChoice(scope.nature?.[fact])[0];
  for (const [flag] of ORGANIZATION_FLAGS) if (scope.organization[flag] === true) values[`organization.${flag}`] = 'true';
  // An incident recorded before a clock fact existed has none: it reads as not known.
  for (const [fact] of EDITABLE_CLOCK_FACTS) values[`clockFacts.${fact}`] = utcInputValue(clock[fact] ?? null);
  return values;
}

const one = (values: FormValues, name: string): string => {
  const value = values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

const all = (values: FormValues, name: string): Set<string> => {
  const value = values[name];
  return new Set(value === undefined ? [] : Array.isArray(value) ? value : [value]);
};

/** How many jurisdiction rows to draw: every row already there (or typed), plus the spare ones. */
function rowCount(incident: IncidentView, values: FormValues, failure: FormFailure | null): number {
  if (failure?.form !== SCOPE_FORM) return incident.scope.affected.length + SPARE_ROWS;
  const indexes = Object.keys(values).map((name) => /^affected\.(\d+)\./.exec(name)?.[1]).filter((i) => i !== undefined);
  return Math.max(SPARE_ROWS, ...indexes.map((i) => Number(i) + 1));
}

/**
 * The incident's scope: the facts that decide which laws apply, and legal's findings per
 * jurisdiction. Everyone who may read the incident sees them; roles that may send UPDATE_SCOPE,
 * while the incident takes it, also get the form.
 */
export function ScopeEditor(props: { ctx: PageContext; incident: IncidentView; failure: FormFailure | null; actorNames: ActorNames }) {
  const { ctx, incident, failure } = props;
  const editable = mayRoleSend(ctx.actor.role, 'UPDATE_SCOPE') && incident.allowedEvents.includes('UPDATE_SCOPE');
  return (
    <section class="panel" aria-labelledby="scope-heading" id="scope">
      <h2 id="scope-heading">Scope</h2>
      <ScopeFacts incident={incident} />
      <LegalFindings
        findings={incident.scope.legalFindings ?? []}
        actorNames={props.actorNames}
        mayRecord={mayRoleSend(ctx.actor.role, 'RECORD_LEGAL_FINDING') && incident.allowedEvents.includes('RECORD_LEGAL_FINDING')}
      />
      {editable && (
        <details open={failure?.form === SCOPE_FORM}>
          <summary>Edit scope</summary>
          <ScopeForm ctx={ctx} incident={incident} failure={failure} />
        </details>
      )}
    </section>
  );
}

const yesNoText = (value: boolean | null | undefined): string => yesNoChoice(value)[1];

function roleText(scope: Scope): string {
  if (scope.role === undefined) return 'not recorded (read as the owner or licensee)';
  if (scope.role === 'controller') return ROLE_CHOICES[0][1];
  return scope.processorFor == null ? ROLE_CHOICES[1][1] : `${ROLE_CHOICES[1][1]}, on behalf of ${scope.processorFor}`;
}

/** Where one place's people had other data exposed, or other encryption, than the incident as a whole. */
function rowDifference(row: Scope['affected'][number]): string {
  const parts: string[] = [];
  if (row.dataCategories !== undefined) parts.push(`Data: ${row.dataCategories.map((c) => CATEGORY_LABELS[c]).join(', ') || 'none'}`);
  if (row.encrypted !== undefined) parts.push(`Encrypted: ${yesNoText(row.encrypted)}`);
  return parts.join('; ');
}

/** The facts as they stand, for reading. */
function ScopeFacts(props: { incident: IncidentView }) {
  const { scope, clock } = props.incident;
  const differs = scope.affected.some((row) => row.dataCategories !== undefined || row.encrypted !== undefined);
  const assessedUnder = Object.entries(scope.regimeAssessedAt ?? {});
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
              {differs && <th scope="col">Differs from the incident as a whole</th>}
            </tr>
          </thead>
          <tbody>
            {scope.affected.map((row) => (
              <tr>
                <th scope="row">
                  {row.jurisdiction} <span class="muted">{jurisdictionName(row.jurisdiction)}</span>
                </th>
                <td>{countWords(row)}</td>
                {differs && <td>{rowDifference(row) || <span class="muted">—</span>}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl class="scope-facts">
        <dt>Data categories</dt>
        <dd>{scope.dataCategories.length === 0 ? 'none recorded' : scope.dataCategories.map((c) => CATEGORY_LABELS[c]).join(', ')}</dd>
        <dt>Where the data was kept</dt>
        <dd>{(scope.media ?? []).length === 0 ? 'not recorded' : MEDIA.filter((m) => scope.media?.includes(m)).map((m) => MEDIUM_LABELS[m]).join(', ')}</dd>
        <dt>Encrypted</dt>
        <dd>{yesNoText(scope.encrypted)}</dd>
        <dt>Key or credential exposed too</dt>
        <dd>{yesNoText(scope.keyExposed)}</dd>
        <dt>Redacted or truncated</dt>
        <dd>{yesNoText(scope.redacted)}</dd>
        <dt>Nature of the incident</dt>
        <dd>
          <ul class="facts">
            {INCIDENT_FACTS.map((fact) => (
              <li>
                {NATURE_QUESTIONS[fact].fact}: {yesNoText(scope.nature?.[fact]).toLowerCase()}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Whose data</dt>
        <dd>{roleText(scope)}</dd>
        <dt>Organisation</dt>
        <dd>
          {ORGANIZATION_FLAGS.filter(([flag]) => scope.organization[flag] === true)
            .map(([, label]): string => label)
            .concat(scope.organization.nis2Entity == null ? [] : [`NIS2 ${scope.organization.nis2Entity} entity`])
            .concat(establishmentText(scope.organization.mainEstablishment))
            .join('; ')}
        </dd>
        <dt>Law enforcement asked notice to wait until</dt>
        <dd>{scope.lawEnforcementDelayUntil == null ? 'no delay asked for' : `the end of ${dayText(scope.lawEnforcementDelayUntil)}`}</dd>
        <dt>Became aware</dt>
        <dd>
          <Instant iso={clock.awarenessAt} />
        </dd>
        {EDITABLE_CLOCK_FACTS.map(([fact, label]) => (
          <>
            <dt>{label}</dt>
            <dd>
              <Instant iso={clock[fact] ?? null} />
            </dd>
          </>
        ))}
        {assessedUnder.length > 0 && (
          <>
            <dt>Assessment concluded, per regime</dt>
            <dd>
              <ul class="facts">
                {assessedUnder.map(([regime, at]) => (
                  <li>
                    {regime}: <Instant iso={at} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

/** Legal's finding on harm, in words. */
export const harmText = (finding: Pick<LegalFinding, 'harm'>): string => HARM_WORDS[finding.harm ?? 'none'];

/** Legal's risk finding in words, with the ENISA score it rests on. */
export function riskText(finding: Pick<LegalFinding, 'risk' | 'severity'>): string {
  const words = RISK_WORDS[findingRisk(finding) ?? 'none'];
  return finding.severity === undefined ? words : `${words} (ENISA severity ${severityWords(finding.severity)})`;
}

/** Who recorded a finding and when: "Lee Legal (legal), 2026-03-01 14:05 UTC". */
export function RecordedBy(props: { finding: LegalFinding; actorNames: ActorNames }) {
  const { finding } = props;
  return (
    <>
      {finding.recordedBy === undefined ? 'not recorded' : props.actorNames(finding.recordedBy)}
      {finding.recordedAt !== undefined && (
        <>
          , <Instant iso={finding.recordedAt} />
        </>
      )}
    </>
  );
}

/** Legal's findings per jurisdiction, as recorded with RECORD_LEGAL_FINDING (the latest for each place). */
function LegalFindings(props: { findings: LegalFinding[]; actorNames: ActorNames; mayRecord: boolean }) {
  const { findings } = props;
  // The general form sits with the other actions (EventForms); places without rules also have one each.
  const record = props.mayRecord && (
    <p>
      <a href={`#${eventFormName('RECORD_LEGAL_FINDING')}-heading`}>Record a legal finding for an affected jurisdiction</a>
    </p>
  );
  if (findings.length === 0) {
    return (
      <>
        <p class="muted">No legal findings recorded yet.</p>
        {record}
      </>
    );
  }
  return (
    <>
      <table class="legal-findings">
        <caption>Legal findings by jurisdiction</caption>
        <thead>
          <tr>
            <th scope="col">Jurisdiction</th>
            <th scope="col">Risk of harm</th>
            <th scope="col">Risk (GDPR)</th>
            <th scope="col">Rationale</th>
            <th scope="col">Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {[...findings]
            .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction))
            .map((finding) => (
              <tr>
                <th scope="row">
                  {finding.jurisdiction} <span class="muted">{jurisdictionName(finding.jurisdiction)}</span>
                </th>
                <td>{harmText(finding)}</td>
                <td>{riskText(finding)}</td>
                <td class="rationale">{finding.rationale}</td>
                <td>
                  <RecordedBy finding={finding} actorNames={props.actorNames} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {record}
    </>
  );
}

/** A question answered by one of a few radios; the fieldset carries the field's id so the error summary links to it. */
function RadioGroup(props: {
  legend: string;
  name: string;
  choices: Array<[string, string]>;
  value: string;
  error: string | undefined;
  hint?: string;
}) {
  const id = fieldId(SCOPE_FORM, props.name);
  const described = [props.hint !== undefined ? `${id}-hint` : null, props.error !== undefined ? `${id}-error` : null].filter((x) => x !== null).join(' ');
  return (
    <fieldset id={id} class={props.error !== undefined ? 'choice-group field-error' : 'choice-group'} aria-describedby={described === '' ? undefined : described}>
      <legend>{props.legend}</legend>
      {props.hint !== undefined && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error !== undefined && (
        <p class="error-message" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.choices.map(([value, label]) => (
        <label>
          <input type="radio" name={props.name} value={value} checked={props.value === value} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

function ScopeForm(props: { ctx: PageContext; incident: IncidentView; failure: FormFailure | null }) {
  const { ctx, incident, failure } = props;
  const values = formValues(incident, failure);
  const error = (name: string) => issueFor(failure, SCOPE_FORM, name);
  const categories = all(values, 'dataCategories');
  const media = all(values, 'media');
  const rows = Array.from({ length: rowCount(incident, values, failure) }, (_, i) => i);
  const yesNo = pairs(YES_NO_UNKNOWN);
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

      <fieldset id={fieldId(SCOPE_FORM, 'affected')}>
        <legend>People affected by jurisdiction</legend>
        <p class="hint">
          An ISO 3166 code (DE, US-CA), how many people there and how sure that number is. Leave the number empty while the people there are not counted yet; a
          count of 0 is refused: leave the row empty when no one there is affected. Empty a row to remove it.
        </p>
        {error('affected') !== undefined && <p class="error-message">{error('affected')}</p>}
        {rows.map((i) => (
          <div class="affected-row">
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
              min={1}
              value={one(values, `affected.${i}.count`)}
              error={error(`affected.${i}.count`)}
            />
            <Select
              form={SCOPE_FORM}
              name={`affected.${i}.countBasis`}
              label={`How sure the number is ${i + 1}`}
              options={pairs(COUNT_BASIS_CHOICES)}
              value={one(values, `affected.${i}.countBasis`) || 'exact'}
              error={error(`affected.${i}.countBasis`)}
            />
          </div>
        ))}
      </fieldset>

      <fieldset id={fieldId(SCOPE_FORM, 'dataCategories')}>
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

      <fieldset id={fieldId(SCOPE_FORM, 'media')}>
        <legend>Where was the data kept?</legend>
        <p class="hint">Some US statutes cover computerised data only, others paper records too. Tick neither while it is not known.</p>
        {error('media') !== undefined && <p class="error-message">{error('media')}</p>}
        <div class="checkbox-grid">
          {MEDIA.map((medium) => (
            <label>
              <input type="checkbox" name="media" value={medium} checked={media.has(medium)} /> {MEDIUM_LABELS[medium]}
            </label>
          ))}
        </div>
      </fieldset>

      <div class="choice-groups">
        <RadioGroup legend="Was the data encrypted?" name="encrypted" choices={yesNo} value={one(values, 'encrypted')} error={error('encrypted')} />
        <RadioGroup
          legend="Was the key or credential that unlocks it exposed too?"
          name="keyExposed"
          choices={yesNo}
          value={one(values, 'keyExposed')}
          error={error('keyExposed')}
          hint="If so, the encryption safe harbours are lost."
        />
        <RadioGroup
          legend="Was the data redacted or truncated?"
          name="redacted"
          choices={yesNo}
          value={one(values, 'redacted')}
          error={error('redacted')}
          hint="As the statutes define it, e.g. no more than the last four digits of a number."
        />
      </div>

      <fieldset id={fieldId(SCOPE_FORM, 'nature')}>
        <legend>Nature of the incident</legend>
        <p class="hint">What the incident did, as the sector rules ask (NYDFS, the US banking agencies’ notification rule).</p>
        {error('nature') !== undefined && <p class="error-message">{error('nature')}</p>}
        <div class="nature-grid">
          {INCIDENT_FACTS.map((fact) => (
            <Select
              form={SCOPE_FORM}
              name={`nature.${fact}`}
              label={NATURE_QUESTIONS[fact].question}
              options={yesNo}
              value={one(values, `nature.${fact}`)}
              error={error(`nature.${fact}`)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset id={fieldId(SCOPE_FORM, 'organization')}>
        <legend>Organisation</legend>
        {error('organization') !== undefined && <p class="error-message">{error('organization')}</p>}
        <RadioGroup
          legend="Whose data is it?"
          name="role"
          choices={pairs(ROLE_CHOICES)}
          value={one(values, 'role')}
          error={error('role')}
          hint="Not recorded reads as the owner or licensee. A vendor must usually tell the owner rather than the people affected."
        />
        <Field
          form={SCOPE_FORM}
          name="processorFor"
          label="On behalf of (for a processor: the owner or licensee of the data)"
          value={one(values, 'processorFor')}
          error={error('processorFor')}
        />
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
        <Select
          form={SCOPE_FORM}
          name="organization.mainEstablishment"
          label="Main establishment in the EU or EEA"
          options={ESTABLISHMENT_CHOICES}
          value={one(values, 'organization.mainEstablishment')}
          error={error('organization.mainEstablishment')}
          hint="Where the organisation takes its decisions on the processing (GDPR Art. 4(16)). Its authority leads for the GDPR and NIS2; with none in the EU or EEA, each authority where people live is owed a notification."
        />
      </fieldset>

      <fieldset>
        <legend>Law-enforcement delay</legend>
        <Field
          form={SCOPE_FORM}
          name="lawEnforcementDelayUntil"
          label="Law enforcement asked notice to wait until"
          type="date"
          hint="The last day of the delay, where a law-enforcement agency asked for one in writing. Leave empty when none was asked for."
          value={one(values, 'lawEnforcementDelayUntil')}
          error={error('lawEnforcementDelayUntil')}
        />
      </fieldset>

      <fieldset id={fieldId(SCOPE_FORM, 'clockFacts')}>
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
