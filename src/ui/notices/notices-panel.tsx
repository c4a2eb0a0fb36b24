import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { NoticeView } from '../../notices/notice-view.js';
import type { ConsoleDeps } from '../console-app.js';
import { Field, issueFor, PostForm, Select, submitted } from '../components/forms.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { noticeTarget, noticeTitle, StatusBadge, versionHref } from './notice-labels.js';

/** What the incident page's notices panel draws: the incident's notices and reports, newest version of each. */
export interface NoticesPanelData {
  notices: NoticeView[];
  /** The languages the templates ship, offered in the draft form. */
  locales: readonly string[];
  /** The languages a draft that names none is written in: the affected people's, the most affected first. */
  defaultLocales: string[];
  /** What a draft starts from when the form leaves a value empty: the organisation settings, MAIL_FROM for the sender. */
  defaults: { name: string | null; senderName: string | null; senderAddress: string | null };
}

export async function loadNoticesPanel(deps: ConsoleDeps, incident: IncidentView): Promise<NoticesPanelData> {
  const { drafts, queries } = deps.notices;
  const [notices, defaults] = await Promise.all([queries.listForIncident(incident.id), deps.organization.defaults()]);
  return { notices, locales: drafts.locales, defaultLocales: drafts.defaultLocales(incident), defaults };
}

/** The form names of the two draft forms; the post route picks one by target so a refusal marks the right form. */
export const DRAFT_INDIVIDUALS_FORM = 'draft-individuals';
export const DRAFT_REPORT_FORM = 'draft-report';
export const INDIVIDUALS_TARGET = 'individuals';

/** The first message for a field or any item under it (`locales` and `locales.1` mark the same input). */
const issueUnder = (failure: FormFailure | null, form: string, name: string): string | undefined =>
  issueFor(failure, form, name) ??
  (failure?.form === form ? failure.fields.find((issue) => issue.path.startsWith(`${name}.`))?.message : undefined);

/** The incident's notices and reports, with a way to their review pages and a draft form for what has none yet. */
export function NoticesPanel(props: { ctx: PageContext; incident: IncidentView; data: NoticesPanelData; failure: FormFailure | null }) {
  const { ctx, incident, data } = props;
  return (
    <section class="panel notices-panel" aria-labelledby="notices-heading">
      <h2 id="notices-heading">Notices and reports</h2>
      {data.notices.length === 0 ? <p>No notice or report has been drafted yet.</p> : <NoticesTable incident={incident} notices={data.notices} />}
      {ctx.can('writeNotices') && <DraftForms {...props} />}
      {!ctx.can('writeNotices') && incident.obligations.length > 0 && data.notices.length === 0 && (
        <p class="muted">Responders and legal draft the notices; your role reads them.</p>
      )}
    </section>
  );
}

/** "nothing", "3 required items", "1 required item, 2 suggested texts": what keeps the newest version from review. */
function stillToDo(notice: NoticeView): string {
  const count = (n: number, what: string) => (n === 0 ? null : `${n} ${what}${n === 1 ? '' : 's'}`);
  const parts = [count(notice.missingFields.length, 'required item'), count(notice.placeholders.length, 'suggested text')].filter((p) => p !== null);
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

function NoticesTable(props: { incident: IncidentView; notices: NoticeView[] }) {
  return (
    <table class="notices-table">
      <caption>Documents of this incident, each with its newest version</caption>
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">For</th>
          <th scope="col">Newest version</th>
          <th scope="col">Approved version</th>
          <th scope="col">Still to write</th>
        </tr>
      </thead>
      <tbody>
        {props.notices.map((notice) => (
          <tr>
            <th scope="row">
              <a href={versionHref(notice.id, notice.latest.number)}>{noticeTitle(notice)}</a>
            </th>
            <td>{noticeTarget(notice, props.incident)}</td>
            <td>
              version {notice.latest.number} <StatusBadge status={notice.latest.status} />
            </td>
            <td>{notice.approvedNumber === null ? 'none' : `version ${notice.approvedNumber}`}</td>
            <td>{stillToDo(notice)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Drafts for the duties that have no document yet: the notice to individuals when the incident owes
 * one, and a report for each other obligation. The domain decides what it will draft (a regime
 * without a template, an unknown locale) and the refusal comes back on this form.
 */
function DraftForms(props: { ctx: PageContext; incident: IncidentView; data: NoticesPanelData; failure: FormFailure | null }) {
  const { ctx, incident, data, failure } = props;
  const drafted = new Set(data.notices.map((n) => n.target));
  const owesNotice = incident.obligations.some((o) => o.recipient === 'individuals') && !drafted.has(INDIVIDUALS_TARGET);
  const reports = incident.obligations.filter((o) => o.recipient !== 'individuals' && !drafted.has(o.id));
  // The organisation the incident's other documents speak for, else the settings', so a draft needs no retyping.
  const organization = data.notices[0]?.latest.metadata.organizationName ?? data.defaults.name ?? undefined;
  const action = `/console/incidents/${encodeURIComponent(incident.id)}/notices`;
  if (!owesNotice && reports.length === 0) {
    return (
      <p class="muted">
        {incident.obligations.length === 0
          ? 'No duty to notify has been assessed for this incident yet, so there is nothing to draft.'
          : 'Every duty of this incident has its document; change one on its review page.'}
      </p>
    );
  }
  return (
    <div class="draft-forms">
      {owesNotice && (
        <PostForm ctx={ctx} action={action} class="draft-form" label="Generate a draft notice to individuals">
          <h3>Draft the notice to individuals</h3>
          <input type="hidden" name="target" value={INDIVIDUALS_TARGET} />
          <OrganizationField form={DRAFT_INDIVIDUALS_FORM} label="Organisation the notice speaks for" value={organization} failure={failure} />
          <Field
            form={DRAFT_INDIVIDUALS_FORM}
            name="locales"
            label="Languages (optional)"
            hint={`Leave empty to write in the languages of the affected people: ${data.defaultLocales.join(', ')}. Or locale codes, the primary language first, separated by commas. Available: ${data.locales.join(', ')}.`}
            value={submitted(failure, DRAFT_INDIVIDUALS_FORM, 'locales')}
            error={issueUnder(failure, DRAFT_INDIVIDUALS_FORM, 'locales')}
          />
          <Field
            form={DRAFT_INDIVIDUALS_FORM}
            name="senderName"
            label="Sender name (optional)"
            hint={`The name the reader sees the notice come from. Leave empty to use the organisation settings or MAIL_FROM${data.defaults.senderName === null ? ' (neither names one: the organisation’s name is used)' : `: ${data.defaults.senderName}`}.`}
            value={submitted(failure, DRAFT_INDIVIDUALS_FORM, 'senderName')}
            error={issueFor(failure, DRAFT_INDIVIDUALS_FORM, 'senderName')}
          />
          <Field
            form={DRAFT_INDIVIDUALS_FORM}
            name="senderAddress"
            type="email"
            label="Sender address (optional)"
            hint={`Leave empty to use the organisation settings or MAIL_FROM${data.defaults.senderAddress === null ? ' (neither gives one yet: write it here or in the edit form)' : `: ${data.defaults.senderAddress}`}.`}
            value={submitted(failure, DRAFT_INDIVIDUALS_FORM, 'senderAddress')}
            error={issueFor(failure, DRAFT_INDIVIDUALS_FORM, 'senderAddress')}
          />
          <button type="submit">Generate draft notice to individuals</button>
        </PostForm>
      )}
      {reports.length > 0 && (
        <PostForm ctx={ctx} action={action} class="draft-form" label="Generate a draft regulator report">
          <h3>Draft a regulator report</h3>
          <Select
            form={DRAFT_REPORT_FORM}
            name="target"
            label="Obligation to report on"
            options={reports.map((o) => [o.id, `${o.authority} (${o.regime}, ${o.jurisdiction})`])}
            value={submitted(failure, DRAFT_REPORT_FORM, 'target')}
            error={issueFor(failure, DRAFT_REPORT_FORM, 'target') ?? issueFor(failure, DRAFT_REPORT_FORM, 'stage')}
            required
          />
          <OrganizationField form={DRAFT_REPORT_FORM} label="Organisation the report speaks for" value={organization} failure={failure} />
          <button type="submit">Generate draft report</button>
        </PostForm>
      )}
    </div>
  );
}

/** Optional: left empty, the draft speaks for the organisation the settings name, and the domain says so when they name none. */
function OrganizationField(props: { form: string; label: string; value: string | undefined; failure: FormFailure | null }) {
  const { form, failure } = props;
  return (
    <Field
      form={form}
      name="organizationName"
      label={props.label}
      hint={props.value === undefined ? 'Leave empty to use the organisation settings, once an admin has named the organisation there.' : undefined}
      value={submitted(failure, form, 'organizationName') ?? props.value}
      error={issueFor(failure, form, 'organizationName')}
    />
  );
}
