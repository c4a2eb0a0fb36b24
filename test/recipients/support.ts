import type { TestServer } from '../support/server.js';
import { readJson } from '../support/server.js';

/** A new incident in `detected`; returns its id. */
export async function newIncident(server: TestServer, title = 'recipients'): Promise<string> {
  const response = await server.request('/api/v1/incidents', { method: 'POST', json: { title, severity: 'high' } });
  return (await readJson(response)).id as string;
}

export function importFile(server: TestServer, incidentId: string, body: NonNullable<RequestInit['body']>, contentType = 'text/csv', token?: string): Promise<Response> {
  return server.request(`/api/v1/incidents/${incidentId}/recipients`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType },
    ...(token === undefined ? {} : { token }),
    // Needed by fetch for streamed bodies; harmless for strings.
    duplex: 'half',
  } as RequestInit & { token?: string });
}

/** Every recipient of the incident, following cursors. */
export async function allRecipients(server: TestServer, incidentId: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '?limit=500' : `?limit=500&cursor=${cursor}`;
    const page = await readJson(await server.request(`/api/v1/incidents/${incidentId}/recipients${query}`));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}
