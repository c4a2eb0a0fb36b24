import { severityRank } from './alert-severity.js';
import type { NormalizedAlert } from './normalized-alert.js';
import type { AlertRules, Matcher } from './source-schemas.js';

/**
 * The pure half of a source's rules: does an alert open an incident, is it snoozed, which group is
 * it in. Regexes are anchored, as Prometheus anchors them, so `=~ "prod"` does not match `preprod`.
 */
const compiled = new Map<string, RegExp>();

function anchored(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${pattern})$`);
    // Patterns come from admins, so the set is small; the bound only guards against churn.
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex;
}

/** A missing label matches as the empty string, as in Alertmanager. */
export function matches(matcher: Matcher, labels: Record<string, string>): boolean {
  const value = labels[matcher.label] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return anchored(matcher.value).test(value);
  }
}

const matchesAll = (matchers: Matcher[], labels: Record<string, string>) => matchers.every((m) => matches(m, labels));

export function opensIncident(rules: AlertRules, alert: Pick<NormalizedAlert, 'severity' | 'labels'>): boolean {
  return rules.autoOpen.some(
    (rule) => severityRank(alert.severity) >= severityRank(rule.minSeverity) && matchesAll(rule.matchers, alert.labels),
  );
}

/** The latest expiry among unexpired snoozes that match, or null. */
export function snoozedUntil(rules: AlertRules, labels: Record<string, string>, now: Date): string | null {
  let until: string | null = null;
  const at = now.toISOString();
  for (const snooze of rules.snoozes) {
    // Instants are stored as UTC ISO strings of one format, so they compare as strings.
    if (snooze.until > at && matchesAll(snooze.matchers, labels) && (until === null || snooze.until > until)) until = snooze.until;
  }
  return until;
}

/** The group an alert belongs to, or null when the source does not group (each alert alone). */
export function groupKey(rules: AlertRules, labels: Record<string, string>): string | null {
  if (rules.groupBy.length === 0) return null;
  return JSON.stringify(rules.groupBy.map((name) => labels[name] ?? ''));
}
