import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { problem } from '../../http/problem.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../../http/secure-route.js';
import { EVENT_ROLES } from '../../lifecycle/event-permissions.js';
import { ReportNotReadyError } from '../report-readiness.js';
import { SubmissionConflictError, type ReportSubmissions } from '../report-submissions.js';
import { exportQuery, obligationParams, portalReportSchema, submissionInputSchema, submissionListSchema, submissionSchema } from './submission-schemas.js';
import { PERMISSIONS } from '../../auth/permissions.js';

const tags = ['submissions'];
const notFound = problemResponse('No such incident or obligation');
const notReady = problemResponse('No approved report to use: the detail says why (not approved yet, edited since approval, already submitted, ...)');

const exportReport = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/obligations/{obligationId}/report',
  tags,
  summary: 'The approved report as a file for the regulator’s portal: its items as JSON, or the rendered HTML or text',
  request: { params: obligationParams, query: exportQuery },
  responses: {
    200: {
      description: 'The approved version only, as an attachment (Content-Disposition names the file)',
      content: { 'application/json': { schema: portalReportSchema }, 'text/html': { schema: z.string() }, 'text/plain': { schema: z.string() } },
    },
    404: notFound,
    409: notReady,
  },
});

const submitReport = secureRoute(EVENT_ROLES.REPORT_SUBMITTED, {
  method: 'post',
  path: '/api/v1/incidents/{id}/obligations/{obligationId}/submissions',
  tags,
  summary: 'Email the approved report to the authority (queued; met when the mail server accepts it), or record a submission made elsewhere',
  request: { params: obligationParams, body: jsonBody(submissionInputSchema) },
  responses: {
    201: jsonResponse(submissionSchema, 'Recorded: the obligation is submitted'),
    202: jsonResponse(submissionSchema, 'Queued for email to the authority'),
    404: notFound,
    409: notReady,
  },
});

const listSubmissions = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/obligations/{obligationId}/submissions',
  tags,
  summary: 'Every email of the report (queued, sent or failed, with the server’s answer) and the recorded submission',
  request: { params: obligationParams },
  responses: { 200: jsonResponse(submissionListSchema, 'Oldest first'), 404: notFound, 409: notReady },
});

/** A report that cannot be used now, or a submission already under way, is a conflict with the current state. */
async function orConflict(c: Context<AppEnv>, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportNotReadyError) return problem(c, 409, 'report-not-ready', error.message);
    if (error instanceof SubmissionConflictError) return problem(c, 409, 'submission-conflict', error.message);
    throw error;
  }
}

export function registerSubmissionRoutes(app: OpenAPIHono<AppEnv>, submissions: ReportSubmissions): void {
  app.openapi(exportReport, (c) =>
    orConflict(c, async () => {
      const { id, obligationId } = c.req.valid('param');
      const file = await submissions.export(id, obligationId, c.req.valid('query').format);
      return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    }) as never,
  );
  app.openapi(submitReport, (c) =>
    orConflict(c, async () => {
      const { id, obligationId } = c.req.valid('param');
      const { queued, submission } = await submissions.submit(id, obligationId, c.req.valid('json'), c.get('actor'));
      c.header('Location', `/api/v1/incidents/${id}/obligations/${encodeURIComponent(obligationId)}/submissions`);
      return c.json(submission, queued ? 202 : 201);
    }) as never,
  );
  app.openapi(listSubmissions, (c) =>
    orConflict(c, async () => {
      const { id, obligationId } = c.req.valid('param');
      return c.json({ obligationId, ...(await submissions.list(id, obligationId)) }, 200);
    }) as never,
  );
}
