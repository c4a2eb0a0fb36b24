import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, chatLeakIncident, completeFields } from '../notices/notice-api-support.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const languages = async (incidentId: string) => readJson(await server.request(`/api/v1/incidents/${incidentId}/deliveries/languages`, { token: server.tokens.viewer }));

describe('who reads which language', () => {
  it('is each recipient’s own language when shipped, else the one where they live, else the notice’s primary; a send waits for every one of them', async () => {
    const incident = await chatLeakIncident(server);
    const call = api(server);
    // No locale named: written in the affected people's languages, China first (1.2 million), then Germany.
    const notice = await readJson(await call.create(incident.id, { target: 'individuals', organizationName: 'Chatter Ltd' }));
    expect(notice.latest.locales).toEqual(['zh-CN', 'de']);
    const csv = [
      'email,name,locale,jurisdiction',
      'li@example.cn,Li,zh-CN,CN',
      'anna@example.de,Anna,,DE',
      'jo@example.at,Jo,de-AT,AT',
      'ola@example.pl,Ola,pl,PL',
      'kim@example.com,Kim,,',
      'jean@example.fr,Jean,fr,DE',
    ].join('\n');
    expect((await server.request(`/api/v1/incidents/${incident.id}/recipients`, { method: 'POST', token: server.tokens.responder, body: `${csv}\n`, headers: { 'Content-Type': 'text/csv' } })).status).toBe(201);
    const plan = await languages(incident.id);
    expect(plan.noticeLocales).toEqual(['zh-CN', 'de']);
    const reads = Object.fromEntries(plan.groups.map((g: any) => [`${g.locale ?? '-'}/${g.jurisdiction ?? '-'}`, [g.reads, g.reason, g.written, g.recipients]]));
    expect(reads).toEqual({
      'zh-CN/CN': ['zh-CN', 'locale', true, 1],
      '-/DE': ['de', 'jurisdiction', true, 1],
      'de-AT/AT': ['de', 'locale', true, 1],
      // Polish has no template and Poland's language is Polish: the notice's primary language.
      'pl/PL': ['zh-CN', 'primary', true, 1],
      '-/-': ['zh-CN', 'primary', true, 1],
      // Their own French comes before where they live: the notice is not written in it yet.
      'fr/DE': ['fr', 'locale', false, 1],
    });

    // Approved in zh-CN and de only: the send is refused, naming the language still missing.
    const written = await readJson(
      await call.edit(notice.id, { fields: completeFields(notice, 'zh-CN', (f) => `中文：${f}。`), translations: { de: completeFields(notice, 'de', (f) => `Deutsch: ${f}.`) } }),
    );
    expect((await call.act(notice.id, written.number, 'submit', server.tokens.responder)).status).toBe(200);
    expect((await call.act(notice.id, written.number, 'approve', server.tokens.legal)).status).toBe(200);
    const refused = await server.request(`/api/v1/incidents/${incident.id}/deliveries`, { method: 'POST', token: server.tokens.responder });
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).detail).toMatch(/written in zh-CN, de, but recipients read other languages \(1 in fr\)/);
  });

  it('answers 404 for an unknown incident, and an empty plan before any recipient or notice', async () => {
    expect((await server.request('/api/v1/incidents/no-such/deliveries/languages')).status).toBe(404);
    const incident = await chatLeakIncident(server);
    expect(await languages(incident.id)).toEqual({ noticeLocales: [], groups: [] });
  });
});
