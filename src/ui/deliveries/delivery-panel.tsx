import type { LanguagePlan } from '../../delivery/recipient-languages.js';
import type { SendView } from '../../delivery/send-view.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { ImportView } from '../../recipients/recipient-queries.js';
import { fieldId, issueFor, PostForm } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { ConsoleDeps } from '../console-app.js';
import { CSRF_FIELD } from '../console-csrf.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { LanguagePlanTable } from './language-plan.js';
import { FILE_FIELD } from './recipient-upload.js';
import { SendCard } from './send-card.js';

/** Names of the panel's own forms on the incident page (see FormFailure.form). */
export const UPLOAD_FORM = 'recipients-upload';
export const START_FORM = 'send-start';

/** What the delivery panel draws: the recipient imports, the sends, and the upload's limit. */
export interface DeliveryPanelData {
  imports: ImportView[];
  /** Recipients of complete imports: duplicates across imports were folded as they came in. */
  recipients: number;
  sends: SendView[];
  /** Which language each group of recipients reads, and whether the notice is written in it. */
  languages: LanguagePlan;
  maxUploadBytes: number;
}

export async function loadDeliveryPanel(deps: ConsoleDeps, incident: IncidentView, _ctx: PageContext): Promise<DeliveryPanelData> {
  const [imports, sends, languages] = await Promise.all([
    deps.recipients.queries.imports(incident.id),
    deps.deliveries.sends.list(incident.id),
    deps.deliveries.languages(incident.id),
  ]);
  const recipients = imports.filter((i) => i.status === 'complete').reduce((sum, i) => sum + i.accepted, 0);
  return { imports, recipients, sends, languages, maxUploadBytes: deps.recipients.maxBytes };
}

/** A send is running or paused: its figures still move, so the page keeps itself current. */
export const isSending = (data: DeliveryPanelData): boolean => data.sends.some((send) => send.status === 'running' || send.status === 'paused');

const IMPORT_STATUS_WORDS: Record<ImportView['status'], string> = {
  running: 'importing',
  complete: 'complete',
  failed: 'failed, nothing imported',
  purged: 'removed after the retention period',
};

/** "2 GB", "500 MB", "800 KB": the upload limit as a person reads it. */
function sizeText(bytes: number): string {
  const units: Array<[number, string]> = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  const [size, unit] = units.find(([size]) => bytes >= size) ?? [1, 'bytes'];
  return `${Math.floor((bytes / size) * 10) / 10} ${unit}`;
}

/**
 * Delivery of the notice to individuals: who it goes to (recipient imports, the language each
 * reads, an upload form), and its sends with their live progress and the actions each role may take.
 */
export function DeliveryPanel(props: { ctx: PageContext; incident: IncidentView; data: DeliveryPanelData; failure: FormFailure | null }) {
  const { ctx, incident, data, failure } = props;
  return (
    <section class="panel delivery" aria-labelledby="delivery-heading" id="delivery">
      <h2 id="delivery-heading">Delivery to individuals</h2>
      <h3>Recipients</h3>
      <p>
        {data.recipients.toLocaleString('en')} {data.recipients === 1 ? 'recipient' : 'recipients'} imported.
      </p>
      {data.imports.length > 0 && <ImportsTable ctx={ctx} incidentId={incident.id} imports={data.imports} />}
      <LanguagePlanTable plan={data.languages} />
      {ctx.can('importRecipients') && <UploadForm ctx={ctx} incidentId={incident.id} maxBytes={data.maxUploadBytes} failure={failure} />}
      <h3>Sends</h3>
      {data.sends.length === 0 ? <p>Nothing has been sent yet.</p> : data.sends.map((send) => <SendCard ctx={ctx} send={send} failure={failure} />)}
      {ctx.can('startSends') && incident.tracks?.individuals === 'approved' && (
        <PostForm ctx={ctx} action={`/console/incidents/${incident.id}/deliveries`} label="Start sending">
          <p>The notice to individuals is approved and ready to send.</p>
          <button type="submit">
            Send the approved notice to {data.recipients.toLocaleString('en')} {data.recipients === 1 ? 'recipient' : 'recipients'}
          </button>
        </PostForm>
      )}
    </section>
  );
}

function ImportsTable(props: { ctx: PageContext; incidentId: string; imports: ImportView[] }) {
  const { ctx, incidentId } = props;
  return (
    <table>
      <caption>Recipient imports, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Status</th>
          <th scope="col">Rows</th>
          <th scope="col">Accepted</th>
          <th scope="col">Duplicates</th>
          <th scope="col">Rejected</th>
        </tr>
      </thead>
      <tbody>
        {props.imports.map((item) => (
          <tr>
            <th scope="row">
              <Instant iso={item.createdAt} />
            </th>
            <td>
              {IMPORT_STATUS_WORDS[item.status]}
              {item.failure !== null && <span class="muted"> ({item.failure})</span>}
            </td>
            <td>{item.total.toLocaleString('en')}</td>
            <td>{item.accepted.toLocaleString('en')}</td>
            <td>{item.duplicates.toLocaleString('en')}</td>
            <td>
              {item.rejected.toLocaleString('en')}
              {/* The rows' emails are personal data: the list is for the roles that may read it. */}
              {ctx.can('readPersonalData') && item.status === 'complete' && item.rejected + item.duplicates > 0 && (
                <>
                  {' '}
                  <a href={`/console/incidents/${incidentId}/recipient-imports/${item.id}/rejections`} download>
                    Download the rejected and duplicate rows (CSV)
                  </a>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A multipart form, so the file streams to the server. Its CSRF token rides in the action's query:
 * the server checks it before reading the body, and never holds the file in memory.
 */
function UploadForm(props: { ctx: PageContext; incidentId: string; maxBytes: number; failure: FormFailure | null }) {
  const { ctx, incidentId, failure } = props;
  const id = fieldId(UPLOAD_FORM, FILE_FIELD);
  const error = failure?.form === UPLOAD_FORM ? (issueFor(failure, UPLOAD_FORM, FILE_FIELD) ?? failure.detail) : undefined;
  const action = `/console/incidents/${incidentId}/recipients?${CSRF_FIELD}=${encodeURIComponent(ctx.csrfToken)}`;
  return (
    <form method="post" enctype="multipart/form-data" action={action} aria-label="Upload recipients" class="upload">
      <div class={error !== undefined ? 'field field-error' : 'field'}>
        <label for={id}>Recipients file (CSV)</label>
        <p class="hint" id={`${id}-hint`}>
          A header row, then one recipient a row: email, name, locale, jurisdiction; other columns are kept for the notice. Up to {sizeText(props.maxBytes)}.
        </p>
        {error !== undefined && (
          <p class="error-message" id={`${id}-error`}>
            {error}
          </p>
        )}
        <input
          type="file"
          id={id}
          name={FILE_FIELD}
          accept=".csv,text/csv,.ndjson,application/x-ndjson"
          required
          aria-invalid={error !== undefined ? 'true' : undefined}
          aria-describedby={error !== undefined ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      </div>
      <button type="submit">Upload recipients</button>
    </form>
  );
}
