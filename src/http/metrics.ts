import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Kysely } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/tables.js';
import { PHASES, restore, type PersistedIncident } from '../lifecycle/incident-transitions.js';
import { unsettledObligations } from '../lifecycle/obligation-status.js';

/** The route pattern a request matched, for labels and logs; the last match is the handler's. */
export const routeLabel = (c: Context): string => (c.res.status === 404 ? '(unmatched)' : routePath(c, -1));

/**
 * Prometheus metrics. Request metrics are labelled by route pattern (never the raw path, which
 * would carry ids); gauges that describe stored data are read from the database at scrape time, so
 * every instance reports the same truth.
 */
export class Metrics {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'breachline_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly latency = new Histogram({
    name: 'breachline_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(db: Kysely<Database>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'breachline_' });
    new Gauge({
      name: 'breachline_incidents',
      help: 'Incidents by lifecycle phase',
      labelNames: ['phase'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await db.selectFrom('incidents').select(['phase', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('phase').execute();
        const counts = new Map(rows.map((r) => [r.phase, Number(r.n)]));
        for (const phase of PHASES) this.set({ phase }, counts.get(phase) ?? 0);
      },
    });
    new Gauge({
      name: 'breachline_obligations_overdue',
      help: 'Obligations of open incidents whose due time passed while they were unsettled',
      labelNames: ['recipient'] as const,
      registers: [this.registry],
      async collect() {
        // Only incidents in response or review can owe anything; there are few of those at a time.
        const rows = await db.selectFrom('incidents').select('snapshot').where('phase', 'in', ['response', 'review']).execute();
        const counts = new Map<string, number>();
        for (const row of rows) {
          const context = restore(JSON.parse(row.snapshot) as PersistedIncident).context;
          for (const o of unsettledObligations(context).filter((o) => o.overdueSince !== null)) {
            counts.set(o.recipient, (counts.get(o.recipient) ?? 0) + 1);
          }
        }
        this.reset();
        for (const [recipient, count] of counts) this.set({ recipient }, count);
      },
    });
  }

  /** Counts and times every request under its matched route pattern. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const stop = this.latency.startTimer();
      try {
        await next();
      } finally {
        const route = routeLabel(c);
        stop({ method: c.req.method, route });
        this.requests.inc({ method: c.req.method, route, status: String(c.res.status) });
      }
    };
  }
}
