import type { Context, Hono } from 'hono';
import type { Actor } from '../../auth/actor.js';
import type { Permission } from '../../auth/permissions.js';
import type { SendView } from '../../delivery/send-view.js';
import { NotFoundError } from '../../errors.js';
import { rejectionsCsv } from '../../recipients/rejections-csv.js';
import type { ConsoleDeps } from '../console-app.js';
import { requirePermission } from '../console-auth.js';
import { setFlash } from '../console-cookies.js';
import type { ConsoleEnv } from '../console-env.js';
import { formAction, readForm, text } from '../form-action.js';
import { renderIncidentPage } from '../incidents/incident-page.js';
import { START_FORM, UPLOAD_FORM } from './delivery-panel.js';
import { FILE_FIELD, receiveUpload, uploadRefusal } from './recipient-upload.js';
import { cancelForm, pauseForm, resumeForm } from './send-card.js';
import { progressJson } from './send-progress.js';

const panelOf = (incidentId: string): string => `/console/incidents/${incidentId}#delivery`;
const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** An empty reason field leaves the service to word the reason ("paused by a responder"). */
const reasonOf = (typed: string): string | undefined => (typed.trim() === '' ? undefined : typed.trim());

interface SendAction {
  path: string;
  permission: Permission;
  form: (sendId: string) => string;
  act: (sendId: string, actor: Actor, reason: string | undefined) => Promise<SendView>;
  flash: string;
}

/**
 * The incident page's delivery panel: the recipients upload, starting a send, pausing, resuming and
 * cancelling one, and the JSON its progress script polls. Each calls the service method the API's
 * route for the same action calls.
 */
export function registerDeliveryPages(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const { clock } = deps;
  const { sends } = deps.deliveries;

  app.post('/incidents/:id/recipients', requirePermission('importRecipients', clock), async (c) => {
    const id = c.req.param('id');
    try {
      const summary = await receiveUpload(c, deps.recipients, id, c.get('session').actor);
      const duplicates = plural(summary.duplicates, 'duplicate', 'duplicates');
      setFlash(c, `Recipients imported: ${summary.accepted.toLocaleString('en')} accepted, ${duplicates}, ${summary.rejected.toLocaleString('en')} rejected.`);
      return c.redirect(panelOf(id), 303);
    } catch (error) {
      const refusal = uploadRefusal(error);
      if (refusal === null) throw error;
      // The rest of the file may be unread: this connection cannot carry another request.
      c.header('Connection', 'close');
      return renderIncidentPage(c, deps, id, { ...refusal, fields: [{ path: FILE_FIELD, message: refusal.detail }], values: {}, form: UPLOAD_FORM });
    }
  });

  app.get('/incidents/:id/recipient-imports/:importId/rejections', requirePermission('readPersonalData', clock), async (c) => {
    const { id, importId } = c.req.param();
    await deps.recipients.queries.import(id, importId);
    return c.body(rejectionsCsv(deps.recipients.queries, importId), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rejections-${importId}.csv"`,
    });
  });

  app.post('/incidents/:id/deliveries', requirePermission('startSends', clock), async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    return formAction(
      c,
      START_FORM,
      values,
      async () => {
        const send = await sends.start(id, c.get('session').actor);
        return { redirect: panelOf(id), flash: `Sending started to ${plural(send.total, 'recipient', 'recipients')}.` };
      },
      (failure) => renderIncidentPage(c, deps, id, failure),
    );
  });

  const actions: SendAction[] = [
    { path: 'pause', permission: 'stopSends', form: pauseForm, act: (id, actor, reason) => sends.pause(id, actor, reason), flash: 'Send paused.' },
    { path: 'resume', permission: 'startSends', form: resumeForm, act: (id, actor) => sends.resume(id, actor), flash: 'Send resumed.' },
    { path: 'cancel', permission: 'stopSends', form: cancelForm, act: (id, actor, reason) => sends.cancel(id, actor, reason), flash: 'Send cancelled.' },
  ];
  for (const action of actions) {
    app.post(`/deliveries/:sendId/${action.path}`, requirePermission(action.permission, clock), async (c: Context<ConsoleEnv>) => {
      const sendId = c.req.param('sendId')!;
      const values = await readForm(c);
      // Which incident's page to return to; an unknown send is a 404 page.
      const { incidentId } = await sends.get(sendId);
      return formAction(
        c,
        action.form(sendId),
        values,
        async () => {
          await action.act(sendId, c.get('session').actor, reasonOf(text(values, 'reason')));
          return { redirect: panelOf(incidentId), flash: action.flash };
        },
        (failure) => renderIncidentPage(c, deps, incidentId, failure),
      );
    });
  }

  app.get('/deliveries/:sendId/progress', requirePermission('read', clock), async (c) => {
    try {
      return c.json(progressJson(await sends.get(c.req.param('sendId'))));
    } catch (error) {
      // The poller reads JSON, so a send that does not exist is answered in JSON too.
      if (error instanceof NotFoundError) return c.json({ status: 404, detail: error.message }, 404);
      throw error;
    }
  });
}
