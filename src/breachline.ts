import type { Logger } from 'pino';
import { createAlerts } from './alerts/alerts-module.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { createApp } from './http/app.js';
import { Metrics } from './http/metrics.js';
import { listen } from './http/server.js';
import { startRuntime, type Runtime } from './runtime.js';
import { TokenService } from './tokens/token-service.js';

export interface Breachline {
  url: string;
  runtime: Runtime;
  /** Graceful stop: answer in-flight requests, finish background work, close the database. */
  stop(): Promise<void>;
}

/** The whole service: runtime (database, services, scheduler) behind the HTTP API. */
export async function startBreachline(config: Config, logger: Logger, clock: Clock = systemClock): Promise<Breachline> {
  const runtime = await startRuntime(config, logger, clock);
  try {
    const tokens = new TokenService(runtime.db.kysely, clock);
    if (config.adminToken !== undefined) await tokens.ensureAdmin(config.adminToken);
    const metrics = new Metrics(runtime.db.kysely);
    const app = createApp({
      db: runtime.db.kysely,
      incidents: runtime.incidents,
      obligations: runtime.obligations,
      notices: runtime.notices,
      organization: runtime.organization,
      recipients: runtime.recipients,
      deliveries: runtime.deliveries,
      reports: runtime.reports,
      tokens,
      alerts: createAlerts(runtime.db.kysely, runtime.incidents, metrics.registry, clock),
      metrics,
      logger,
      bodyLimitBytes: config.bodyLimitBytes,
      clock,
      consoleSessionMs: config.consoleSessionMs,
    });
    const server = await listen(app, config.host, config.port);
    return {
      url: server.url,
      runtime,
      async stop() {
        await server.close();
        await runtime.stop();
      },
    };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
