import { Counter, type Registry } from 'prom-client';

export type IntakeOutcome = 'created' | 'deduplicated' | 'resolved' | 'snoozed' | 'unmatched' | 'rejected';

/** A source label for requests refused before their source was known: never the caller's text. */
export const UNKNOWN_SOURCE = '(unknown)';

/**
 * `breachline_alerts_total{source, outcome}` on the app's registry. Counted after commit, so the
 * figures never include a delivery that was rolled back.
 */
export class AlertMetrics {
  private readonly deliveries: Counter<'source' | 'outcome'>;

  constructor(registry: Registry) {
    this.deliveries = new Counter({
      name: 'breachline_alerts_total',
      help: 'Alert deliveries by source and outcome (created, deduplicated, resolved, snoozed, unmatched, rejected)',
      labelNames: ['source', 'outcome'] as const,
      registers: [registry],
    });
  }

  count(source: string, outcome: IntakeOutcome, n = 1): void {
    this.deliveries.inc({ source, outcome }, n);
  }
}
