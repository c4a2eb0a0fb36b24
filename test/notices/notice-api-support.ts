import { readJson, type TestServer } from '../support/server.js';

/** An incident confirmed with people affected in DE and GB: GDPR and UK GDPR duties to regulators and to individuals. */
export async function incidentWithDuties(server: TestServer): Promise<{ id: string; obligations: Array<{ id: string; recipient: string; jurisdiction: string }> }> {
  const incident = await readJson(
    await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json: { title: 'CRM export leaked', severity: 'high', summary: 'A CRM export was readable from the internet.' } }),
  );
  const send = async (json: unknown) => {
    const response = await server.request(`/api/v1/incidents/${incident.id}/events`, { method: 'POST', token: server.tokens.responder, json });
    if (response.status !== 200) throw new Error(`${JSON.stringify(json)}: ${response.status} ${await response.text()}`);
  };
  await send({ type: 'CONFIRM', awarenessAt: '2026-01-05T09:00:00Z' });
  await send({ type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 40_000 }, { jurisdiction: 'GB', count: 1_200 }], dataCategories: ['contact'], encrypted: false });
  return settled(server, incident.id);
}

/**
 * The incident once the scheduler has fired every deadline already past (awareness in January makes
 * the 72-hour reports overdue): each firing, due-soon or overdue, is an event that moves the incident's version, so a page
 * drawn before the last one would post a stale version.
 */
async function settled(server: TestServer, id: string): Promise<any> {
  const now = Date.now();
  for (;;) {
    await server.breachline.runtime.scheduler.tick();
    const current = await readJson(await server.request(`/api/v1/incidents/${id}`));
    const past = (at: string | null) => at !== null && Date.parse(at) <= now;
    const pending = current.obligations.filter(
      (o: Record<'dueAt' | 'overdueSince' | 'dueSoonAt' | 'dueSoonSince', string | null>) =>
        (past(o.dueAt) && o.overdueSince === null) || (past(o.dueSoonAt) && o.dueSoonSince === null && o.overdueSince === null),
    );
    if (pending.length === 0) return current;
  }
}

export interface Api {
  create(incidentId: string, json: unknown, token?: string): Promise<Response>;
  edit(noticeId: string, json: unknown, token?: string): Promise<Response>;
  act(noticeId: string, n: number, action: 'submit' | 'approve' | 'request-changes' | 'comments', token: string, json?: unknown): Promise<Response>;
  get(path: string, token?: string): Promise<Response>;
  incident(id: string): Promise<any>;
}

export function api(server: TestServer): Api {
  return {
    create: (incidentId, json, token = server.tokens.responder) => server.request(`/api/v1/incidents/${incidentId}/notices`, { method: 'POST', token, json }),
    edit: (noticeId, json, token = server.tokens.responder) => server.request(`/api/v1/notices/${noticeId}/versions`, { method: 'POST', token, json }),
    act: (noticeId, n, action, token, json) =>
      server.request(`/api/v1/notices/${noticeId}/versions/${n}/${action}`, { method: 'POST', token, ...(json === undefined ? {} : { json }) }),
    get: (path, token = server.tokens.viewer) => server.request(`/api/v1${path}`, { token }),
    incident: async (id) => readJson(await server.request(`/api/v1/incidents/${id}`)),
  };
}

interface NoticeShape {
  requiredFields: Array<{ field: string }>;
  placeholders?: string[];
  latest: { locale: string | null; fields: Record<string, string>; translations: Record<string, Record<string, string>> };
}

/**
 * A value for every item the notice asks for, and for every item of that locale (the primary one
 * unless named) a draft filled with suggested text, each naming its field: what a person writes.
 */
export function completeFields(notice: NoticeShape, locale: string | null = notice.latest.locale, text = (field: string) => `Text for ${field}.`): Record<string, string> {
  const values = locale === notice.latest.locale ? notice.latest.fields : (notice.latest.translations[locale ?? ''] ?? {});
  const suggested = Object.keys(values).filter((field) => values[field]?.includes('[['));
  return Object.fromEntries([...new Set([...notice.requiredFields.map((f) => f.field), ...suggested])].map((field) => [field, text(field)]));
}

/** The walkthrough's chat-service leak: 1.2 million people in China and 40,000 in Germany, so PIPL and GDPR duties to individuals. */
export async function chatLeakIncident(server: TestServer): Promise<{ id: string; obligations: Array<{ id: string; recipient: string; regime: string }> }> {
  const incident = await readJson(
    await server.request('/api/v1/incidents', {
      method: 'POST',
      token: server.tokens.responder,
      json: { title: 'Chat database exposed', severity: 'critical', summary: 'Phone numbers and chat messages were readable from the internet.' },
    }),
  );
  const send = async (json: unknown) => {
    const response = await server.request(`/api/v1/incidents/${incident.id}/events`, { method: 'POST', token: server.tokens.responder, json });
    if (response.status !== 200) throw new Error(`${JSON.stringify(json)}: ${response.status} ${await response.text()}`);
  };
  await send({ type: 'CONFIRM', awarenessAt: '2026-11-20T08:00:00+08:00' });
  await send({ type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'CN', count: 1_200_000 }, { jurisdiction: 'DE', count: 40_000 }], dataCategories: ['contact'], encrypted: false });
  return readJson(await server.request(`/api/v1/incidents/${incident.id}`));
}

/** An edit that writes every required item of the primary locale and confirms any suggested metadata (a report's summary). */
export function completeEdit(notice: NoticeShape & { placeholders: string[] }): Record<string, unknown> {
  const metadata = Object.fromEntries(['summary', 'title'].filter((key) => notice.placeholders.includes(key)).map((key) => [key, `Text for ${key}.`]));
  return { fields: completeFields(notice), ...metadata };
}
