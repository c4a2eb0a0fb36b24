import { readJson, type TestServer } from '../support/server.js';

/** An incident confirmed with people affected in DE and GB: GDPR and UK GDPR duties to regulators and to individuals. */
export async function incidentWithDuties(server: TestServer): Promise<{ id: string; obligations: Array<{ id: string; recipient: string }> }> {
  const incident = await readJson(
    await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json: { title: 'CRM export leaked', severity: 'high', summary: 'A CRM export was readable from the internet.' } }),
  );
  const send = async (json: unknown) => {
    const response = await server.request(`/api/v1/incidents/${incident.id}/events`, { method: 'POST', token: server.tokens.responder, json });
    if (response.status !== 200) throw new Error(`${JSON.stringify(json)}: ${response.status} ${await response.text()}`);
  };
  await send({ type: 'CONFIRM', awarenessAt: '2026-01-05T09:00:00Z' });
  await send({ type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 40_000 }, { jurisdiction: 'GB', count: 1_200 }], dataCategories: ['contact'], encrypted: false });
  return readJson(await server.request(`/api/v1/incidents/${incident.id}`));
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

/** A value for every item the notice asks for, each naming its field. */
export const completeFields = (notice: { requiredFields: Array<{ field: string }> }): Record<string, string> =>
  Object.fromEntries(notice.requiredFields.map((f) => [f.field, `Text for ${f.field}.`]));

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
