import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { problemSchema } from '../../src/http/problem.js';
import { readJson, type TestServer } from '../support/server.js';

/** A fixture from test/alerts/fixtures, with placeholders (SOURCE, ROUTING_KEY) filled in. */
export function fixture(name: string, fill: Record<string, string> = {}): any {
  let text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  for (const [key, value] of Object.entries(fill)) text = text.replaceAll(`"${key}"`, JSON.stringify(value));
  return JSON.parse(text);
}

/** Creates an alert source through the API as admin; returns it with its one-time credential. */
export async function createSource(server: TestServer, body: Record<string, unknown>): Promise<any> {
  const response = await server.request('/api/v1/alert-sources', { method: 'POST', json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return readJson(response);
}

export async function expectProblem(response: Response, status: number) {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return problemSchema.parse(await response.json());
}

/** The value of one series of breachline_alerts_total, 0 when absent. */
export async function alertCount(server: TestServer, source: string, outcome: string): Promise<number> {
  const text = await (await server.request('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`breachline_alerts_total{source="${source}",outcome="${outcome}"}`));
  return line === undefined ? 0 : Number(line.split(' ').pop());
}
