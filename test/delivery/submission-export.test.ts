import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, completeEdit } from '../notices/notice-api-support.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { approvedReport, reportPaths, UK } from './submission-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const get = (path: string, token = server.tokens.viewer) => server.request(path, { token });

async function expectRefusal(response: Response, status: number, detail: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect((await readJson(response)).detail).toMatch(detail);
}

describe('exporting the approved report for a portal', () => {
  it('answers the approved version as a JSON, HTML or text attachment', async () => {
    const { incidentId, version } = await approvedReport(server);
    const paths = reportPaths(incidentId);

    const json = await get(paths.report('json'));
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="report_${incidentId}_uk-gdpr-regulator-GB_v2.json"`);
    const portal = await readJson(json);
    expect(portal).toMatchObject({
      incidentId,
      obligationId: UK,
      regime: 'uk-gdpr',
      jurisdiction: 'GB',
      authority: "Information Commissioner's Office (ICO)",
      citation: 'UK GDPR Art. 33(1)-(4)',
      stage: { id: 'notification', name: 'report to the ICO (Art. 33(1))' },
      version: 2,
      versionId: version.id,
      contentHash: version.contentHash,
      approvedAt: version.decidedAt,
      approvedBy: version.decidedBy,
    });
    expect(portal.items.map((item: { field: string }) => item.field)).toEqual([
      'natureOfBreach',
      'numberOfPeopleAndRecords',
      'contactPoint',
      'likelyConsequences',
      'measuresTaken',
      'reasonsForDelay',
    ]);
    expect(portal.items[0]).toEqual({ field: 'natureOfBreach', label: 'nature of the breach', citation: 'UK GDPR Art. 33(3)(a)', value: 'Text for natureOfBreach.' });

    const html = await get(paths.report('html'));
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toMatch(/filename="report_[0-9a-f-]+_uk-gdpr-regulator-GB_v2\.html"$/);
    const page = await html.text();
    expect(page).toContain('<');
    expect(page).toContain('Text for natureOfBreach.');

    const text = await get(paths.report('text'));
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.headers.get('content-disposition')).toMatch(/_v2\.txt"$/);
    expect(await text.text()).toContain('Text for measuresTaken.');
  });

  it('names the stage of a staged duty and each item’s citation', async () => {
    const { incidentId } = await approvedReport(server, 'eu-gdpr:regulator:DE');
    const portal = await readJson(await get(reportPaths(incidentId, 'eu-gdpr:regulator:DE').report('json')));
    expect(portal).toMatchObject({ regime: 'eu-gdpr', jurisdiction: 'DE', stage: { id: 'notification', name: 'notification (Art. 33(1))' } });
    // The first stage has no list of its own, so the duty's seven items apply.
    expect(portal.items).toHaveLength(7);
    expect(portal.items[0]).toEqual({ field: 'natureOfBreach', label: 'nature of the breach', citation: 'GDPR Art. 33(3)(a)', value: 'Text for natureOfBreach.' });
    for (const item of portal.items) expect(item.value).toBe(`Text for ${item.field}.`);
  });

  it('refuses with 409 naming why until there is an approved version, and again once it is edited', async () => {
    const { incidentId, noticeId } = await approvedReport(server);
    const paths = reportPaths(incidentId);
    const call = api(server);
    await expectRefusal(await get(reportPaths(incidentId, 'eu-gdpr:regulator:DE').report('json')), 409, /no report has been drafted for eu-gdpr:regulator:DE/);

    const notice = await readJson(await call.create(incidentId, { target: 'eu-gdpr:regulator:DE', organizationName: 'Acme Ltd' }));
    const draft = await readJson(await call.edit(notice.id, completeEdit(notice)));
    await expectRefusal(await get(reportPaths(incidentId, 'eu-gdpr:regulator:DE').report('html')), 409, /is still a draft/);
    await call.act(notice.id, draft.number, 'submit', server.tokens.responder);
    await expectRefusal(await get(reportPaths(incidentId, 'eu-gdpr:regulator:DE').report('text')), 409, /waiting for legal's approval/);

    expect((await call.edit(noticeId, { fields: { natureOfBreach: 'Changed after approval.' } })).status).toBe(201);
    await expectRefusal(await get(paths.report('json')), 409, /edited after legal approved it, which voided the approval/);
  });

  it('answers 404 for an unknown obligation, 409 for a duty to individuals, 400 for an unknown format', async () => {
    const { incidentId } = await approvedReport(server);
    await expectRefusal(await get(reportPaths(incidentId, 'xx:regulator:ZZ').report('json')), 404, /not one of incident/);
    await expectRefusal(await get(reportPaths(incidentId, 'uk-gdpr:individuals:GB').report('json')), 409, /owed to individuals/);
    const badFormat = await get(reportPaths(incidentId).report('pdf'));
    expect(badFormat.status).toBe(400);
    expect((await readJson(badFormat)).errors[0].path).toBe('format');
    expect((await get(reportPaths(incidentId).report('json'), server.tokens.ingest)).status).toBe(403);
  });
});
