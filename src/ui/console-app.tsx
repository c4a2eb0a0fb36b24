import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Kysely } from 'kysely';
import type { Alerts } from '../alerts/alerts-module.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { Deliveries } from '../delivery/deliveries-module.js';
import type { ReportDelivery } from '../delivery/report-delivery.js';
import { describeError } from '../http/problem.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { Notices } from '../notices/notice-service.js';
import type { ObligationsService } from '../obligations/obligations-service.js';
import type { OrganizationSettingsStore } from '../organization/organization-settings.js';
import type { Recipients } from '../recipients/recipients-module.js';
import { registerAlertPages } from './alerts/alert-routes.js';
import { checkCsrf, requireSession } from './console-auth.js';
import { registerAssets } from './console-assets.js';
import type { ConsoleEnv } from './console-env.js';
import type { ConsoleSessions } from './console-sessions.js';
import { registerDeliveryPages } from './deliveries/delivery-routes.js';
import { registerIncidentPages } from './incidents/incident-routes.js';
import { registerScopeEditor } from './incidents/scope-routes.js';
import { messagePage } from './message-page.js';
import { registerNoticePages } from './notices/notice-routes.js';
import { pageContext } from './page-context.js';
import { registerSignIn, registerSignOut } from './sign-in.js';

/** What the console's pages read and drive: the same services the API routes call. */
export interface ConsoleDeps {
  db: Kysely<Database>;
  clock: Clock;
  sessions: ConsoleSessions;
  incidents: IncidentService;
  obligations: ObligationsService;
  notices: Notices;
  organization: OrganizationSettingsStore;
  recipients: Recipients;
  deliveries: Deliveries;
  reports: ReportDelivery;
  alerts: Alerts;
}

/**
 * Only this host's scripts, styles and forms; no page may be framed. A route that serves a document
 * to be framed by the console (a rendered notice) sets a stricter policy of its own, which stands.
 */
const pageHeaders = secureHeaders({
  overwrite: false,
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'same-origin',
});

/** The web console under /console: server-rendered pages over the same services as the API. */
export function createConsole(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('*', pageHeaders);
  app.use('*', async (c, next) => {
    await next();
    // Pages show incidents and people: no browser or proxy cache keeps them.
    if (!c.req.path.startsWith('/console/assets/')) c.header('Cache-Control', 'no-store');
  });
  registerAssets(app);
  registerSignIn(app, deps.sessions);

  // Everything below needs a session, and every post its CSRF token.
  app.use('*', requireSession(deps.sessions));
  app.use('*', checkCsrf(deps.clock));
  registerSignOut(app, deps.sessions);
  registerScopeEditor(app, deps);
  registerDeliveryPages(app, deps);
  registerNoticePages(app, deps);
  registerIncidentPages(app, deps);
  registerAlertPages(app, deps);

  app.all('*', (c) => messagePage(c, 404, 'Not found', `There is no console page at ${c.req.path}.`, pageContext(c, deps.clock)));
  app.onError((error, c) => {
    const ctx = c.get('session') === undefined ? null : pageContext(c, deps.clock);
    const described = describeError(error);
    if (described !== null) return messagePage(c, described.status, 'That did not work', described.detail, ctx);
    c.get('logger').error({ err: error }, 'unexpected error');
    return messagePage(c, 500, 'Something went wrong', `An internal error stopped this page. Quote request ${c.get('requestId')} when reporting it.`, ctx);
  });
  return app;
}
