import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, completeEdit } from '../notices/notice-api-support.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { approvedReport, obligationOf, reportPaths } from './submission-support.js';

// No SMTP_URL: mail would only be written to files, so emailing a report is refused.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const submit = (incidentId: string, json: unknown, token = server.tokens.legal, obligationId?: string) =>
  server.request(reportPaths(incidentId, obligationId).submissions, { method: 'POST', token, json });

async function refusal(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return readJson(response);
}

describe('recording a submission made elsewhere', () => {
  it('records the channel, the authority’s reference and the time, and the obligation is met', async () => {
    const { incidentId } = await approvedReport(server);
    const recorded = await submit(incidentId, { channel: 'portal', reference: 'ICO-2026-0042', submittedAt: '2026-01-06T10:00:00+01:00' });
    expect(recorded.status).toBe(201);
    const submission = await readJson(recorded);
    expect(submission).toMatchObject({ channel: 'portal', status: 'recorded', recorded: true, reference: 'ICO-2026-0042', submittedAt: '2026-01-06T09:00:00.000Z', by: expect.stringMatching(/^token:/) });

    const obligation = await obligationOf(server, incidentId);
    expect(obligation.status).toBe('submitted');
    expect(obligation.submission).toEqual({ channel: 'portal', reference: 'ICO-2026-0042', submittedAt: '2026-01-06T09:00:00.000Z', by: submission.by });
    const list = await readJson(await server.request(reportPaths(incidentId).submissions, { token: server.tokens.viewer }));
    expect(list).toEqual({ obligationId: obligation.id, status: 'submitted', items: [submission] });
    const timeline = await readJson(await server.request(`/api/v1/incidents/${incidentId}/timeline`));
    expect(timeline.items.at(-1)).toMatchObject({ type: 'REPORT_SUBMITTED', actor: { kind: 'token', role: 'legal' }, payload: { channel: 'portal', reference: 'ICO-2026-0042' } });

    const again = await refusal(await submit(incidentId, { channel: 'letter' }), 409);
    expect(again.detail).toBe(`the report for ${obligation.id} was already submitted by portal (reference ICO-2026-0042) at 2026-01-06T09:00:00.000Z`);
    // The approved words stay available for the record after submission.
    expect((await server.request(reportPaths(incidentId).report('json'))).status).toBe(200);
  });

  it('refuses with a clear problem: unknown obligation, report not approved, bad input, email without SMTP', async () => {
    const { incidentId } = await approvedReport(server);
    expect((await refusal(await submit(incidentId, { channel: 'portal' }, server.tokens.legal, 'nope:regulator:XX'), 404)).detail).toMatch(/"nope:regulator:XX" is not one of incident/);

    const call = api(server);
    const notice = await readJson(await call.create(incidentId, { target: 'eu-gdpr:regulator:DE', organizationName: 'Acme Ltd' }));
    const draft = await readJson(await call.edit(notice.id, completeEdit(notice)));
    await call.act(notice.id, draft.number, 'submit', server.tokens.responder);
    const inReview = await refusal(await submit(incidentId, { channel: 'phone' }, server.tokens.legal, 'eu-gdpr:regulator:DE'), 409);
    expect(inReview).toMatchObject({ type: 'urn:breachline:problem:report-not-ready', detail: expect.stringContaining("waiting for legal's approval") });

    const future = await refusal(await submit(incidentId, { channel: 'portal', submittedAt: '2099-01-01T00:00:00Z' }), 400);
    expect(future.errors).toEqual([{ path: 'submittedAt', message: 'must not be in the future' }]);
    expect((await refusal(await submit(incidentId, { channel: 'fax' }), 400)).errors[0].path).toBe('channel');
    expect((await refusal(await submit(incidentId, { channel: 'portal', to: ['x@ico.example'] }), 400)).errors).toEqual([{ path: 'to', message: 'is not a known field' }]);
    expect((await refusal(await submit(incidentId, { channel: 'email', to: ['not-an-address'] }), 400)).errors[0].path).toBe('to.0');

    const noSmtp = await refusal(await submit(incidentId, { channel: 'email', to: ['casework@ico.example'] }), 409);
    expect(noSmtp).toMatchObject({ type: 'urn:breachline:problem:submission-conflict', detail: expect.stringContaining('SMTP_URL') });
    expect((await obligationOf(server, incidentId)).status).toBe('approved');
  });

  it('lets responders, legal and admins submit; viewers and ingest tokens only read (viewers) or nothing (ingest)', async () => {
    const { incidentId } = await approvedReport(server);
    for (const role of ['viewer', 'ingest'] as const) {
      expect((await refusal(await submit(incidentId, { channel: 'portal' }, server.tokens[role]), 403)).detail).toMatch(/allowed roles: admin, responder, legal/);
    }
    expect((await server.request(reportPaths(incidentId).submissions, { token: server.tokens.viewer })).status).toBe(200);
    expect((await server.request(reportPaths(incidentId).submissions, { token: server.tokens.ingest })).status).toBe(403);
    expect((await submit(incidentId, { channel: 'other', reference: 'Call with the ICO duty desk' }, server.tokens.responder)).status).toBe(201);
  });
});
