import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { AppEnv } from '../http/app-env.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { TokenService } from '../tokens/token-service.js';
import { AlertActions } from './alert-actions.js';
import { AlertMetrics } from './alert-metrics.js';
import { AlertQuery } from './alert-query.js';
import { IncidentLinker } from './incident-linker.js';
import { IntakeService } from './intake-service.js';
import { registerAlertRoutes } from './routes/alert-routes.js';
import { registerIntakeRoutes } from './routes/intake-routes.js';
import { registerSourceRoutes } from './routes/source-routes.js';
import { SourceService } from './source-service.js';

export { isIntakeRequest } from './intake-paths.js';

/** The alert domain's services, built once at start-up. */
export interface Alerts {
  sources: SourceService;
  intake: IntakeService;
  query: AlertQuery;
  actions: AlertActions;
  metrics: AlertMetrics;
  clock: Clock;
}

export function createAlerts(db: Kysely<Database>, incidents: IncidentService, registry: Registry, clock: Clock = systemClock): Alerts {
  const linker = new IncidentLinker(incidents);
  const metrics = new AlertMetrics(registry);
  return {
    sources: new SourceService(db, clock),
    intake: new IntakeService(db, linker, metrics, clock),
    query: new AlertQuery(db),
    actions: new AlertActions(db, linker, clock),
    metrics,
    clock,
  };
}

/** Intake first: its literal paths must win over `/api/v1/alerts/{id}`-style patterns. */
export function registerAlerts(app: OpenAPIHono<AppEnv>, alerts: Alerts, tokens: TokenService): void {
  registerIntakeRoutes(app, { tokens, ...alerts });
  registerSourceRoutes(app, alerts.sources);
  registerAlertRoutes(app, alerts.query, alerts.actions, alerts.clock);
}
