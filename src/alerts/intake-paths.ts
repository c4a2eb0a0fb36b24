import type { AlertKind } from './normalized-alert.js';

/** Where each kind of sender posts. These routes check their own credentials (token, signature or routing key). */
export const INTAKE_PATHS: Record<AlertKind, string> = {
  generic: '/api/v1/alerts',
  alertmanager: '/api/v1/alerts/alertmanager',
  grafana: '/api/v1/alerts/grafana',
  pagerduty: '/api/v1/alerts/pagerduty',
};

const intake = new Set(Object.values(INTAKE_PATHS));

/** Exactly the intake requests, so the API's bearer-token middleware skips nothing else (GET /alerts included). */
export const isIntakeRequest = (method: string, path: string): boolean => method === 'POST' && intake.has(path);
