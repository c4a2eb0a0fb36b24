import type { PublicEventType } from '../../lifecycle/events.js';

/**
 * What each incident event's form asks for, named after the event's own field paths so the
 * service's field errors land on the right input. The rules on those fields stay in the event
 * schemas (lifecycle/events.ts): these only say what to ask and how to word it.
 */
export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'instant' | 'select' | 'email' | 'hidden';
  /** The schema refuses it empty (in a list row the browser does not insist: blank rows are dropped). */
  required?: boolean;
  hint?: string;
  options?: Array<[string, string]>;
  /** The value is a number (ENISA's scores); a dotted name (`severity.easeOfIdentification`) nests in the event. */
  numeric?: true;
}

/** A list in the event (responders, review actions), drawn as numbered rows of fields. */
export interface RowsSpec {
  name: string;
  legend: string;
  fields: FieldSpec[];
  /** Rows drawn when nothing is filled in yet. */
  blankRows: number;
}

export interface EventFormSpec {
  heading: string;
  button: string;
  flash: string;
  explain?: string;
  fields: FieldSpec[];
  rows?: RowsSpec;
  /** Events that end or undo work are drawn as a danger button. */
  danger?: boolean;
}

/** The scope editor (UPDATE_SCOPE) has its own page section and route. */
export type FormEventType = Exclude<PublicEventType, 'UPDATE_SCOPE'>;

const instant = (name: string, label: string, required = false): FieldSpec => ({
  name,
  label: `${label} (UTC)`,
  kind: 'instant',
  required,
  hint: required ? 'Date and time in UTC.' : 'Date and time in UTC; leave empty for now.',
});

export const EVENT_FORMS: Record<FormEventType, EventFormSpec> = {
  CONFIRM: {
    heading: 'Confirm the breach',
    button: 'Confirm the breach',
    flash: 'Incident confirmed: response started.',
    explain: 'Starts the response. The legal clocks run from the time you became aware.',
    fields: [instant('awarenessAt', 'Became aware at', true), instant('occurredAt', 'Breach occurred at')],
  },
  DISMISS: {
    heading: 'Dismiss',
    button: 'Dismiss this incident',
    flash: 'Incident dismissed.',
    explain: 'Not a breach after all. It can be reopened later.',
    fields: [{ name: 'reason', label: 'Why it is not a breach', kind: 'textarea', required: true }],
    danger: true,
  },
  RECORD_CONTAINMENT_ACTION: {
    heading: 'Record a containment action',
    button: 'Record containment action',
    flash: 'Containment action recorded.',
    fields: [{ name: 'description', label: 'What was done', kind: 'textarea', required: true }, instant('performedAt', 'Done at')],
  },
  MARK_CONTAINED: {
    heading: 'Mark contained',
    button: 'Mark the breach contained',
    flash: 'Breach marked contained.',
    fields: [instant('containedAt', 'Contained at')],
  },
  SET_RESPONDERS: {
    heading: 'Responders',
    button: 'Save responders',
    flash: 'Responders saved.',
    explain: 'Who is emailed when a deadline comes due soon or passes. This list replaces the current one; clear a row to remove it.',
    fields: [],
    rows: {
      name: 'responders',
      legend: 'Responder',
      fields: [
        { name: 'name', label: 'Name', kind: 'text', required: true },
        { name: 'email', label: 'Email', kind: 'email', required: true },
      ],
      blankRows: 2,
    },
  },
  INDIVIDUALS_NOTICE_REQUIRED: {
    heading: 'Individuals must be told',
    button: 'Record that individuals must be notified',
    flash: 'Recorded: individuals must be notified.',
    explain: 'Opens the drafting of the notice to the people affected.',
    fields: [],
  },
  INDIVIDUALS_NOT_REQUIRED: {
    heading: 'No notice to individuals',
    button: 'Record that no notice to individuals is needed',
    flash: 'Recorded: no notice to individuals is needed.',
    fields: [
      { name: 'reason', label: 'Why no notice is needed', kind: 'textarea', required: true },
      { name: 'citation', label: 'Legal basis (citation)', kind: 'text' },
    ],
  },
  OBLIGATION_NOT_REQUIRED: {
    heading: 'Not required',
    button: 'Record as not required',
    flash: 'Obligation recorded as not required.',
    fields: [
      { name: 'obligationId', label: 'Obligation', kind: 'hidden', required: true },
      { name: 'reason', label: 'Why it does not apply', kind: 'textarea', required: true },
    ],
  },
  RECORD_LEGAL_FINDING: {
    heading: 'Legal finding for a jurisdiction',
    button: 'Record the finding',
    flash: 'Legal finding recorded.',
    explain:
      'For one jurisdiction: whether misuse or harm is reasonably likely, where its law turns on that; the risk to people in the GDPR’s terms, which may rest on an ENISA severity score; or legal’s decision for a place with no rules in Breachline. A new finding for the same jurisdiction replaces the last; the timeline keeps both.',
    fields: [
      { name: 'jurisdiction', label: 'Jurisdiction', kind: 'text', required: true, hint: 'ISO 3166 code, e.g. US-FL, DE or TV. For the GDPR’s lead authority, the country of the main establishment.' },
      {
        name: 'harm',
        label: 'Risk of harm',
        kind: 'select',
        options: [
          ['', 'No finding on harm'],
          ['likely', 'Misuse or harm is reasonably likely'],
          ['unlikely', 'Misuse or harm is not reasonably likely'],
        ],
      },
      {
        name: 'risk',
        label: 'Risk to people (GDPR Arts. 33 and 34)',
        kind: 'select',
        hint: 'Left empty with a severity score below, the score’s band decides: low reads as unlikely to result in a risk, medium as a risk, high and very high as a high risk.',
        options: [
          ['', 'No finding on risk'],
          ['unlikely', 'Unlikely to result in a risk (Art. 33(1): no report)'],
          ['risk', 'Likely to result in a risk (report the authority)'],
          ['high', 'Likely to result in a high risk (tell the people too, Art. 34(1))'],
        ],
      },
      {
        name: 'severity.dataProcessingContext',
        label: 'ENISA severity: data processing context (DPC)',
        kind: 'select',
        numeric: true,
        hint: 'The score after adjusting for the volume of data, the controller’s nature, vulnerable people, or data that is old or already public. Leave the severity questions empty to record no score.',
        options: [
          ['', 'Not scored'],
          ['1', '1: simple data, or another kind adjusted down'],
          ['2', '2: behavioural data, or simple data that says more here'],
          ['3', '3: financial data, or less sensitive data that says much here'],
          ['4', '4: sensitive data, or any data that exposes people gravely here'],
        ],
      },
      {
        name: 'severity.easeOfIdentification',
        label: 'ENISA severity: ease of identification (EI)',
        kind: 'select',
        numeric: true,
        options: [
          ['', 'Not scored'],
          ['0.25', 'Negligible'],
          ['0.5', 'Limited'],
          ['0.75', 'Significant'],
          ['1', 'Maximum'],
        ],
      },
      {
        name: 'severity.circumstances.confidentiality',
        label: 'ENISA severity: loss of confidentiality',
        kind: 'select',
        numeric: true,
        options: [
          ['', 'Not scored'],
          ['0', 'None'],
          ['0.25', 'Disclosed to known recipients'],
          ['0.5', 'Disclosed to unknown recipients'],
        ],
      },
      {
        name: 'severity.circumstances.integrity',
        label: 'ENISA severity: loss of integrity',
        kind: 'select',
        numeric: true,
        options: [
          ['', 'Not scored'],
          ['0', 'None'],
          ['0.25', 'Altered, and the correct data can be recovered'],
          ['0.5', 'Altered, and it cannot be recovered'],
        ],
      },
      {
        name: 'severity.circumstances.availability',
        label: 'ENISA severity: loss of availability',
        kind: 'select',
        numeric: true,
        options: [
          ['', 'Not scored'],
          ['0', 'None'],
          ['0.25', 'Unavailable for a time'],
          ['0.5', 'Lost for good'],
        ],
      },
      {
        name: 'severity.circumstances.maliciousIntent',
        label: 'ENISA severity: malicious intent',
        kind: 'select',
        numeric: true,
        options: [
          ['', 'Not scored'],
          ['0', 'No'],
          ['0.5', 'Yes'],
        ],
      },
      { name: 'rationale', label: 'Rationale', kind: 'textarea', required: true },
    ],
  },
  REPORT_SUBMITTED: {
    heading: 'Report submitted',
    button: 'Record the report as submitted',
    flash: 'Report submission recorded.',
    fields: [
      { name: 'obligationId', label: 'Obligation', kind: 'hidden', required: true },
      {
        name: 'channel',
        label: 'Submitted by',
        kind: 'select',
        required: true,
        options: [
          ['portal', 'Portal'],
          ['email', 'Email'],
          ['letter', 'Letter'],
          ['phone', 'Phone'],
          ['other', 'Other'],
        ],
      },
      { name: 'reference', label: 'Reference given by the authority', kind: 'text' },
      instant('submittedAt', 'Submitted at'),
    ],
  },
  COMPLETE_REVIEW: {
    heading: 'Post-incident review',
    button: 'Complete the review',
    flash: 'Review completed.',
    fields: [
      { name: 'cause', label: 'Cause', kind: 'textarea', required: true },
      { name: 'lessons', label: 'Lessons learned', kind: 'textarea', required: true },
    ],
    rows: {
      name: 'actions',
      legend: 'Follow-up action',
      fields: [
        { name: 'description', label: 'Action', kind: 'text', required: true },
        { name: 'owner', label: 'Owner', kind: 'text' },
      ],
      blankRows: 3,
    },
  },
  CLOSE: {
    heading: 'Close',
    button: 'Close this incident',
    flash: 'Incident closed.',
    fields: [
      {
        name: 'unmetObligationsReason',
        label: 'Why unmet obligations stay unmet',
        kind: 'textarea',
        hint: 'Needed only while an obligation is unmet; then only legal may close, and must say why.',
      },
    ],
  },
  REOPEN: {
    heading: 'Reopen',
    button: 'Reopen this incident',
    flash: 'Incident reopened.',
    fields: [{ name: 'reason', label: 'Why it is reopened', kind: 'textarea', required: true }],
  },
};

export const isFormEvent = (type: string): type is FormEventType => Object.hasOwn(EVENT_FORMS, type);

/** Events that act on one obligation, drawn in its row of the obligations table. */
export const OBLIGATION_FORMS: FormEventType[] = ['OBLIGATION_NOT_REQUIRED', 'REPORT_SUBMITTED'];

/** The name of one form on the incident page (several obligations each have their own). */
export const eventFormName = (type: FormEventType, obligationId?: string): string =>
  obligationId === undefined || obligationId === '' ? `event-${type}` : `event-${type}-${obligationId}`;
