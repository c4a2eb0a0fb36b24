import { api, completeEdit, incidentWithDuties } from '../notices/notice-api-support.js';
import { readJson, type TestServer } from '../support/server.js';

export const UK = 'uk-gdpr:regulator:GB';

/** An incident whose UK GDPR report legal approved (version 2, written by the responder). */
export async function approvedReport(server: TestServer, obligationId = UK) {
  const incident = await incidentWithDuties(server);
  const call = api(server);
  const notice = await readJson(await call.create(incident.id, { target: obligationId, organizationName: 'Acme Ltd' }));
  const version = await readJson(await call.edit(notice.id, completeEdit(notice)));
  for (const [action, token] of [['submit', server.tokens.responder], ['approve', server.tokens.legal]] as const) {
    const response = await call.act(notice.id, version.number, action, token);
    if (response.status !== 200) throw new Error(`${action}: ${response.status} ${await response.text()}`);
  }
  const approved = await readJson(await call.get(`/notices/${notice.id}`));
  return { incidentId: incident.id as string, noticeId: notice.id as string, version: approved.latest };
}

/** Paths of one obligation's report routes. */
export const reportPaths = (incidentId: string, obligationId = UK) => {
  const base = `/api/v1/incidents/${incidentId}/obligations/${encodeURIComponent(obligationId)}`;
  return { report: (format: string) => `${base}/report?format=${format}`, submissions: `${base}/submissions` };
};

export const obligationOf = async (server: TestServer, incidentId: string, obligationId = UK) =>
  (await readJson(await server.request(`/api/v1/incidents/${incidentId}`))).obligations.find((o: { id: string }) => o.id === obligationId);
