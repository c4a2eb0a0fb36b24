import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { isIntakeRequest, registerAlerts, type Alerts } from '../alerts/alerts-module.js';
import { registerAuditRoutes } from '../audit/audit-routes.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { Deliveries } from '../delivery/deliveries-module.js';
import { registerDeliveryRoutes } from '../delivery/routes/delivery-routes.js';
import type { ReportDelivery } from '../delivery/report-delivery.js';
import { registerAuthoritySettingsRoutes } from '../delivery/routes/authority-settings-routes.js';
import { registerSubmissionRoutes } from '../delivery/routes/submission-routes.js';
import { fieldIssues } from '../errors.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { Notices } from '../notices/notice-service.js';
import { registerNoticeRoutes } from '../notices/routes/notice-routes.js';
import type { OrganizationSettingsStore } from '../organization/organization-settings.js';
import { registerOrganizationRoutes } from '../organization/routes/organization-routes.js';
import { isRecipientImport } from '../recipients/import-request.js';
import type { Recipients } from '../recipients/recipients-module.js';
import { registerRecipientRoutes } from '../recipients/routes/recipient-routes.js';
import { registerObligationRoutes } from '../obligations/obligation-routes.js';
import type { ObligationsService } from '../obligations/obligations-service.js';
import { registerIncidentRoutes } from '../lifecycle/routes/incident-routes.js';
import { registerTokenRoutes } from '../tokens/token-routes.js';
import { createConsole } from '../ui/console-app.js';
import { ConsoleSessions } from '../ui/console-sessions.js';
import type { TokenService } from '../tokens/token-service.js';
import type { AppEnv } from './app-env.js';
import { authenticate } from './auth.js';
import { registerDocsPage } from './docs-page.js';
import { routeLabel, type Metrics } from './metrics.js';
import { problem, problemForError, validationProblem } from './problem.js';

export interface AppDeps {
  db: Kysely<Database>;
  incidents: IncidentService;
  obligations: ObligationsService;
  notices: Notices;
  organization: OrganizationSettingsStore;
  recipients: Recipients;
  deliveries: Deliveries;
  reports: ReportDelivery;
  tokens: TokenService;
  alerts: Alerts;
  metrics: Metrics;
  logger: Logger;
  bodyLimitBytes: number;
  clock: Clock;
  consoleSessionMs: number;
}

const VALIDATION_TARGETS: Record<string, string> = { json: 'body', query: 'query', param: 'path parameter', header: 'header' };

/** The HTTP API: middleware in the order each needs, then the domains' routes, then the document. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return validationProblem(c, `invalid ${VALIDATION_TARGETS[result.target] ?? result.target}`, fieldIssues(result.error.issues));
      }
      return undefined;
    },
  });

  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('logger', deps.logger.child({ requestId: c.get('requestId') }));
    await next();
    // Method, route pattern, status and time only: paths can carry ids, bodies personal data.
    c.get('logger').info(
      { method: c.req.method, route: routeLabel(c), status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use('*', deps.metrics.middleware());
  const tooLarge = (c: Context) => {
    // The rest of the body is never read, so this connection cannot carry another request.
    c.header('Connection', 'close');
    return problem(c, 413, 'too-large', `request bodies are limited to ${deps.bodyLimitBytes} bytes`);
  };
  const limitStream = bodyLimit({ maxSize: deps.bodyLimitBytes, onError: tooLarge });
  app.use('*', async (c, next) => {
    // The same rules as hono's bodyLimit, but a declared length is checked from the header first:
    // bodyLimit reads c.req.raw.body, which makes the Node adapter build a full Request, and that
    // cost more than the whole alert intake handler (see bench/RESULTS.md, alert intake).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next(); // the adapter gives these no body
    // Recipient files are streamed to the database under their own limit (RECIPIENTS_MAX_BYTES).
    if (isRecipientImport(c.req.method, c.req.path)) return next();
    const length = c.req.header('Content-Length');
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      return parseInt(length, 10) > deps.bodyLimitBytes ? tooLarge(c) : next();
    }
    return limitStream(c, next);
  });

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      return problem(c, 503, 'unhealthy', 'the database does not answer');
    }
  });
  app.get('/metrics', authenticate(deps.tokens), async (c) =>
    c.body(await deps.metrics.registry.metrics(), 200, { 'Content-Type': deps.metrics.registry.contentType }),
  );

  // Alert intake checks its own credentials (ingest token, signature or routing key).
  app.use('/api/v1/*', async (c, next) =>
    c.req.path === '/api/v1/openapi.json' || isIntakeRequest(c.req.method, c.req.path) ? next() : authenticate(deps.tokens)(c, next),
  );
  registerAlerts(app, deps.alerts, deps.tokens);
  registerIncidentRoutes(app, deps.incidents, deps.db);
  registerObligationRoutes(app, deps.obligations, deps.incidents);
  registerNoticeRoutes(app, deps.notices);
  registerOrganizationRoutes(app, deps.organization);
  registerRecipientRoutes(app, deps.recipients);
  registerDeliveryRoutes(app, deps.deliveries);
  registerSubmissionRoutes(app, deps.reports.submissions);
  registerAuthoritySettingsRoutes(app, deps.reports.contacts);
  registerAuditRoutes(app, deps.db);
  registerTokenRoutes(app, deps.tokens);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /api/v1/tokens (or BREACHLINE_ADMIN_TOKEN)',
  });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Breachline API',
      version: '1',
      description: 'Personal-data breach response: incidents, their lifecycle and audit trail. Errors are RFC 9457 problem details.',
    },
  });
  registerDocsPage(app);
  // The console's front doors; the incidents page asks for a sign-in when there is no session.
  for (const door of ['/', '/console', '/console/']) app.get(door, (c) => c.redirect('/console/incidents', 303));
  app.route(
    '/console',
    createConsole({ ...deps, sessions: new ConsoleSessions(deps.db, deps.tokens, deps.clock, deps.consoleSessionMs) }),
  );

  app.notFound((c) => problem(c, 404, 'not-found', `no route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    const { response, unexpected } = problemForError(c, error);
    if (unexpected) c.get('logger').error({ err: error }, 'unexpected error');
    return response;
  });
  return app;
}
