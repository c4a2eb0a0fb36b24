import type { Severity } from '../lifecycle/scope.js';

/** Alert severities, lowest first; `info` sits below the incident scale. */
export const ALERT_SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const severityRank = (severity: AlertSeverity): number => ALERT_SEVERITIES.indexOf(severity);

/**
 * The words monitoring systems put in a `severity` label (Prometheus conventions, PagerDuty's
 * levels, P1..P5), mapped onto ours. An unknown or missing word is `medium`: an alert nobody rated
 * should neither open incidents under a `high` rule nor vanish under `info`.
 */
// A Map, not an object: a label value such as "__proto__" or "constructor" must not find a prototype member.
const WORDS = new Map<string, AlertSeverity>(Object.entries({
  critical: 'critical',
  crit: 'critical',
  page: 'critical',
  p1: 'critical',
  high: 'high',
  error: 'high',
  major: 'high',
  p2: 'high',
  medium: 'medium',
  warning: 'medium',
  warn: 'medium',
  p3: 'medium',
  low: 'low',
  minor: 'low',
  p4: 'low',
  info: 'info',
  informational: 'info',
  none: 'info',
  p5: 'info',
}) as Array<[string, AlertSeverity]>);

export const severityFromWord = (word: string | undefined): AlertSeverity =>
  (word === undefined ? undefined : WORDS.get(word.trim().toLowerCase())) ?? 'medium';

/** Incidents have no `info`: an alert important enough to open one is at least `low`. */
export const incidentSeverity = (severity: AlertSeverity): Severity => (severity === 'info' ? 'low' : severity);
