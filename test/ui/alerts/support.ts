import { expect } from 'vitest';
import { readJson, type TestServer } from '../../support/server.js';
import { createSource, fixture } from '../../alerts/support.js';
import { textOf } from '../console-client.js';

/** A generic alert source for the console tests, and a way to post its alerts as ingest would. */
export async function alertSource(server: TestServer, name: string) {
  await createSource(server, { name, kind: 'generic' });
  return async (dedupKey: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const body = { ...fixture('generic.json', { SOURCE: name }), dedupKey, ...extra };
    const response = await server.request('/api/v1/alerts', { method: 'POST', json: body, token: server.tokens.ingest });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await readJson(response)).alerts[0].id;
  };
}

/** What a person reads in each cell of the inbox row of one alert (null when it is not listed). */
export function rowOf(html: string, alertId: string): string[] | null {
  const row = html.split('<tr>').find((part) => part.includes(`href="/console/alerts/${alertId}"`));
  if (row === undefined) return null;
  return [...row.split('</tr>')[0]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!));
}

export const alertOf = async (server: TestServer, id: string) => readJson(await server.request(`/api/v1/alerts/${id}`));
