import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { ConsoleClient, signedIn, textOf } from '../console-client.js';

let server: TestServer;
let responder: ConsoleClient;
let legal: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer();
  responder = await signedIn(server, 'responder');
  legal = await signedIn(server, 'legal');
  viewer = await signedIn(server, 'viewer');
});
afterAll(() => server.stop());

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

/** A confirmed incident; its scope is empty until a test fills it in. */
async function confirmedIncident(title: string): Promise<string> {
  const created = await readJson(await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json: { title, severity: 'medium' } }));
  const confirm = await server.request(`/api/v1/incidents/${created.id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'CONFIRM', awarenessAt: hoursAgo(2).toISOString() } });
  expect(confirm.status).toBe(200);
  return created.id as string;
}

const incident = async (id: string) => readJson(await server.request(`/api/v1/incidents/${id}`, { token: server.tokens.viewer }));
const versionOf = (html: string) => /name="expectedVersion" value="(\d+)"/.exec(html)![1]!;
const scopeVersion = (html: string) => /action="\/console\/incidents\/[^"]+\/scope"[^>]*>.*?name="expectedVersion" value="(\d+)"/s.exec(html)?.[1];

/** The scope form as a person fills it in: every field the form has, blank ones included. */
function scopeForm(version: string, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    expectedVersion: version,
    title: 'Payroll export leaked',
    severity: 'high',
    summary: 'A payroll export was shared by link.',
    'affected.0.jurisdiction': '',
    'affected.0.count': '',
    'affected.0.countBasis': 'exact',
    'affected.1.jurisdiction': '',
    'affected.1.count': '',
    'affected.1.countBasis': 'exact',
    'affected.2.jurisdiction': '',
    'affected.2.count': '',
    'affected.2.countBasis': 'exact',
    processorFor: '',
    'organization.nis2Entity': '',
    encrypted: 'unknown',
    keyExposed: 'unknown',
    redacted: 'unknown',
    'nature.confidentiality': 'unknown',
    'nature.integrity': 'unknown',
    'nature.availability': 'unknown',
    'nature.externalAttack': 'unknown',
    'nature.ransomPaid': 'unknown',
    lawEnforcementDelayUntil: '',
    'clockFacts.occurredAt': '',
    'clockFacts.materialityDeterminedAt': '',
    'clockFacts.assessedNotifiableAt': '',
    'clockFacts.handlingEndedAt': '',
    'clockFacts.extortionPaidAt': '',
    ...overrides,
  };
}

describe('scope editor', () => {
  it('saves the scope through the form, and the obligations are assessed again from it', async () => {
    const id = await confirmedIncident('Payroll export');
    // A fact recorded through the API to the millisecond: saving the form unchanged must keep it.
    const occurredAt = new Date(Math.floor(hoursAgo(30).getTime() / 60_000) * 60_000 + 12_345).toISOString();
    await server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'UPDATE_SCOPE', clockFacts: { occurredAt } } });
    const before = await incident(id);
    expect(before.obligations).toEqual([]);

    const page = await responder.get(`/console/incidents/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`value="${occurredAt.slice(0, 16)}"`);
    const materiality = hoursAgo(1).toISOString().slice(0, 16);
    const saved = await responder.post(
      `/console/incidents/${id}/scope`,
      scopeForm(scopeVersion(page.html)!, {
        // The blank row between two filled ones is skipped.
        'affected.0.jurisdiction': 'de',
        'affected.0.count': '5000',
        'affected.2.jurisdiction': 'FR',
        'affected.2.count': '120',
        dataCategories: ['contact', 'health'],
        'organization.criticalInfrastructure': 'true',
        'organization.nis2Entity': 'important',
        'organization.mainEstablishment': 'IE',
        encrypted: 'no',
        'clockFacts.occurredAt': occurredAt.slice(0, 16),
        'clockFacts.materialityDeterminedAt': materiality,
      }),
    );
    expect(saved.status, textOf(saved.html)).toBe(303);
    expect(saved.location).toBe(`/console/incidents/${id}`);

    const after = await incident(id);
    expect(after).toMatchObject({ title: 'Payroll export leaked', severity: 'high', summary: 'A payroll export was shared by link.' });
    expect(after.scope).toEqual({
      affected: [
        { jurisdiction: 'DE', count: 5000 },
        { jurisdiction: 'FR', count: 120 },
      ],
      dataCategories: ['contact', 'health'],
      organization: {
        criticalInfrastructure: true,
        stateOrgan: false,
        hipaaCoveredEntity: false,
        secRegistrant: false,
        doraEntity: false,
        dfsRegulated: false,
        smallProcessingAgent: false,
        hipaaBusinessAssociate: false,
        ftcFinancialInstitution: false,
        bankingOrganization: false,
        bankServiceProvider: false,
        insuranceLicensee: false,
        phrVendor: false,
        electronicCommunicationsProvider: false,
        sociResponsibleEntity: false,
        nis2Entity: 'important',
        mainEstablishment: 'IE',
      },
      encrypted: false,
    });
    expect(after.clock.occurredAt).toBe(occurredAt);
    expect(after.clock.materialityDeterminedAt).toBe(`${materiality}:00.000Z`);
    expect(after.obligations.length).toBeGreaterThan(0);
    expect(after.obligations.map((o: { jurisdiction: string }) => o.jurisdiction)).toEqual(expect.arrayContaining(['DE']));

    // The event holds what this save changed, so the timeline and audit trail say just that.
    const timeline = (await readJson(await server.request(`/api/v1/incidents/${id}/timeline`, { token: server.tokens.viewer }))).items as Array<{ type: string; payload: any }>;
    const event = timeline.filter((entry) => entry.type === 'UPDATE_SCOPE').at(-1)!;
    expect(event.payload.clockFacts).toEqual({ materialityDeterminedAt: `${materiality}:00.000Z` });

    const shown = await responder.get(`/console/incidents/${id}`);
    expect(textOf(shown.html)).toContain('Scope saved; obligations re-assessed.');
    expect(textOf(shown.html)).toContain('DE Germany 5,000');
    expect(textOf(shown.html)).toContain('Health data');
    expect(textOf(shown.html)).toContain('main establishment in Ireland');
    // The obligations table now lists what the scope made owed: with the main establishment in
    // Ireland, the GDPR report goes to the Irish authority alone (one-stop shop), people in Germany
    // and France are each owed their notice.
    const gdpr = after.obligations.find((o: { regime: string; recipient: string }) => o.regime === 'eu-gdpr' && o.recipient === 'regulator');
    expect(gdpr.jurisdiction).toBe('IE');
    const table = textOf(shown.html.slice(shown.html.indexOf('id="obligations-heading"'), shown.html.indexOf('</table>')));
    expect(table).toContain('Report to regulators in Ireland');
    expect(table).toContain(gdpr.authority);
    expect(table).toContain('Notify individuals in Germany');
    expect(table).toContain('Notify individuals in France');
  });

  it('saves the facts the scope gained, keeps what the form does not edit, and saves nothing when posted again unchanged', async () => {
    const id = await confirmedIncident('Claims archive');
    // A place's own data and encryption are recorded through the API only: the form must keep them.
    await server.request(`/api/v1/incidents/${id}/events`, {
      method: 'POST',
      token: server.tokens.responder,
      json: { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'US-WA', count: 10, dataCategories: ['name', 'health'], encrypted: false }] },
    });
    const page = await responder.get(`/console/incidents/${id}`);
    expect(page.html).toMatch(/name="affected.0.countBasis"[^>]*>\s*<option value="exact" selected=""/);
    const extortion = hoursAgo(3).toISOString().slice(0, 16);
    const fields = {
      'affected.0.jurisdiction': 'US-WA',
      'affected.0.count': '',
      'affected.1.jurisdiction': 'DE',
      'affected.1.count': '1200',
      'affected.1.countBasis': 'atLeast',
      'affected.2.jurisdiction': 'FR',
      'affected.2.count': '30',
      'affected.2.countBasis': 'estimate',
      dataCategories: ['name', 'health'],
      media: ['paper', 'electronic'],
      role: 'processor',
      processorFor: 'Acme Health Plan',
      encrypted: 'yes',
      keyExposed: 'yes',
      redacted: 'no',
      'nature.confidentiality': 'yes',
      'nature.ransomPaid': 'no',
      'organization.phrVendor': 'true',
      'organization.bankServiceProvider': 'true',
      lawEnforcementDelayUntil: '2030-01-15',
      'clockFacts.extortionPaidAt': extortion,
    };
    const saved = await responder.post(`/console/incidents/${id}/scope`, scopeForm(scopeVersion(page.html)!, fields));
    expect(saved.status, textOf(saved.html)).toBe(303);

    const after = await incident(id);
    expect(after.scope).toMatchObject({
      affected: [
        { jurisdiction: 'US-WA', count: null, dataCategories: ['name', 'health'], encrypted: false },
        { jurisdiction: 'DE', count: 1200, countBasis: 'atLeast' },
        { jurisdiction: 'FR', count: 30, countBasis: 'estimate' },
      ],
      media: ['electronic', 'paper'],
      role: 'processor',
      processorFor: 'Acme Health Plan',
      encrypted: true,
      keyExposed: true,
      redacted: false,
      nature: { confidentiality: true, integrity: null, availability: null, externalAttack: null, ransomPaid: false },
      lawEnforcementDelayUntil: '2030-01-15',
      organization: { phrVendor: true, bankServiceProvider: true, insuranceLicensee: false },
    });
    expect(after.scope.affected[0]).not.toHaveProperty('countBasis');
    expect(after.clock.extortionPaidAt).toBe(`${extortion}:00.000Z`);

    const shown = await responder.get(`/console/incidents/${id}`);
    const facts = textOf(shown.html.slice(shown.html.indexOf('id="scope-heading"'), shown.html.indexOf('<details', shown.html.indexOf('id="scope-heading"'))));
    expect(facts).toContain('US-WA Washington (US) not counted yet Data: Names, Health data; Encrypted: No');
    expect(facts).toContain('DE Germany at least 1,200');
    expect(facts).toContain('FR France about 30');
    expect(facts).toContain('Where the data was kept Electronic (computerised) records, Paper records');
    expect(facts).toContain('Encrypted Yes Key or credential exposed too Yes Redacted or truncated No');
    expect(facts).toContain('Data disclosed or accessed without authorisation: yes');
    expect(facts).toContain('Data altered or destroyed: not known yet');
    expect(facts).toContain('Ransom or extortion paid: no');
    expect(facts).toContain('Whose data Keeps the data for another organisation (processor or vendor), on behalf of Acme Health Plan');
    expect(facts).toContain('Organisation Bank service provider; Vendor of personal health records (FTC Health Breach Notification Rule)');
    expect(facts).toContain('Law enforcement asked notice to wait until the end of 15 January 2030');
    expect(facts).toContain(`Ransom or extortion paid at ${extortion.replace('T', ' ')} UTC`);
    // The form is drawn from the facts saved.
    expect(shown.html).toMatch(/name="role" value="processor" checked=""/);
    expect(shown.html).toMatch(/name="media" value="paper" checked=""/);
    expect(shown.html).toMatch(/name="keyExposed" value="yes" checked=""/);
    expect(shown.html).toMatch(/name="nature.ransomPaid"[^>]*>(\s*<option[^>]*>[^<]*<\/option>)*?\s*<option value="no" selected=""/);
    expect(shown.html).toContain('value="2030-01-15"');

    // Sent again as drawn, nothing changed: the kept per-place facts and the count bases compare equal.
    const version = (await incident(id)).version;
    const again = await responder.post(`/console/incidents/${id}/scope`, scopeForm(scopeVersion(shown.html)!, fields));
    expect(again.status).toBe(303);
    expect(textOf((await responder.get(`/console/incidents/${id}`)).html)).toContain('Nothing in the scope changed, so nothing was saved.');
    expect((await incident(id)).version).toBe(version);
  });

  it('puts refusals of the new facts on their inputs: a count of 0, a day that is not one, "on behalf of" without a processor', async () => {
    const id = await confirmedIncident('Refusals');
    let page = await responder.get(`/console/incidents/${id}`);
    const refused = await responder.post(
      `/console/incidents/${id}/scope`,
      scopeForm(scopeVersion(page.html)!, { 'affected.0.jurisdiction': 'DE', 'affected.0.count': '10', 'affected.2.jurisdiction': 'FR', 'affected.2.count': '0', lawEnforcementDelayUntil: 'next week' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/<p class="error-message" id="scope--affected-2-count-error">must be at least 1/);
    expect(refused.html).toMatch(/<p class="error-message" id="scope--lawEnforcementDelayUntil-error">/);
    expect(refused.html).toMatch(/id="scope--lawEnforcementDelayUntil" name="lawEnforcementDelayUntil" aria-invalid="true"[^>]*value="next week"/);

    page = await responder.get(`/console/incidents/${id}`);
    const noRole = await responder.post(`/console/incidents/${id}/scope`, scopeForm(scopeVersion(page.html)!, { processorFor: 'Acme Health Plan' }));
    expect(noRole.status).toBe(400);
    expect(noRole.html).toMatch(/<p class="error-message" id="scope--processorFor-error">only for a processor/);
    expect(noRole.html).toContain('value="Acme Health Plan"');
    expect((await incident(id)).scope).toEqual({ affected: [], dataCategories: [], organization: {}, encrypted: null });
  });

  it('offers legal a decision form beside each place without rules, and puts its refusal on that form', async () => {
    const id = await confirmedIncident('Pacific office');
    await server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'TV', count: 40 }] } });
    expect((await incident(id)).obligations.map((o: { id: string }) => o.id)).toContain('uncovered:decision:TV');

    const asResponder = await responder.get(`/console/incidents/${id}`);
    const warning = (html: string) => textOf(html.slice(html.indexOf('id="uncovered-heading"'), html.indexOf('</table>', html.indexOf('id="uncovered-heading"'))));
    expect(warning(asResponder.html)).toContain('Places the rules do not cover 1 to decide');
    expect(warning(asResponder.html)).toContain('Tuvalu TV 40 No rules in Breachline No rules for Tuvalu: decide with counsel Not decided yet');
    expect(asResponder.html).not.toContain('/events/RECORD_LEGAL_FINDING');
    expect(textOf(asResponder.html)).toContain('No duties from the rules in Breachline on the facts known so far');

    const asLegal = await legal.get(`/console/incidents/${id}`);
    expect(asLegal.html).toMatch(/<form[^>]*action="\/console\/incidents\/[^"]+\/events\/RECORD_LEGAL_FINDING"[^>]*aria-label="Legal’s decision for Tuvalu"/);
    const refused = await legal.post(`/console/incidents/${id}/events/RECORD_LEGAL_FINDING`, { expectedVersion: versionOf(asLegal.html), formFor: 'TV', jurisdiction: 'TV', harm: '', rationale: '   ' });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/<p class="error-message" id="event-RECORD_LEGAL_FINDING-TV--rationale-error">/);
    expect(refused.html).toMatch(/<details class="row-action" open="">\s*<summary>Record legal’s decision for Tuvalu/);
    expect(refused.html).not.toContain('id="event-RECORD_LEGAL_FINDING--rationale-error"');
    expect((await incident(id)).scope.legalFindings).toBeUndefined();

    const forbidden = await responder.post(`/console/incidents/${id}/events/RECORD_LEGAL_FINDING`, { expectedVersion: versionOf(asLegal.html), jurisdiction: 'TV', rationale: 'no' });
    expect(forbidden.status).toBe(403);
  });

  it('records legal’s ENISA-scored risk finding, which settles the GDPR notice to people, and shows its figures', async () => {
    const id = await confirmedIncident('Loan files');
    await server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 800 }], dataCategories: ['name', 'financial_account'] } });
    const gdprIndividuals = async () =>
      (await readJson(await server.request(`/api/v1/incidents/${id}/obligations`, { token: server.tokens.viewer }))).obligations.find((o: { id: string }) => o.id === 'eu-gdpr:individuals:DE');
    expect((await gdprIndividuals()).applies).toBe('undetermined');

    const page = await legal.get(`/console/incidents/${id}`);
    // A score begun but not finished names the question left.
    const partial = await legal.post(`/console/incidents/${id}/events/RECORD_LEGAL_FINDING`, {
      expectedVersion: versionOf(page.html),
      jurisdiction: 'DE',
      rationale: 'Loan files reached an unknown party.',
      'severity.dataProcessingContext': '3',
    });
    expect(partial.status).toBe(400);
    expect(textOf(partial.html)).toContain('severity.easeOfIdentification: score the ease of identification: 0.25 (negligible), 0.5 (limited), 0.75 (significant) or 1 (maximum)');
    expect(partial.html).toMatch(/<p class="error-message" id="event-RECORD_LEGAL_FINDING--severity-easeOfIdentification-error">/);

    // DPC 3 (financial) x EI 1 + 0.5 (disclosed to unknown recipients) = 3.5: high, read as a high risk.
    const saved = await legal.post(`/console/incidents/${id}/events/RECORD_LEGAL_FINDING`, {
      expectedVersion: versionOf(page.html),
      jurisdiction: 'DE',
      rationale: 'Loan files reached an unknown party.',
      'severity.dataProcessingContext': '3',
      'severity.easeOfIdentification': '1',
      'severity.circumstances.confidentiality': '0.5',
      'severity.circumstances.integrity': '0',
      'severity.circumstances.availability': '0',
      'severity.circumstances.maliciousIntent': '0',
    });
    expect(saved.status, textOf(saved.html)).toBe(303);
    expect((await gdprIndividuals()).applies).toBe('yes');
    const shown = textOf((await legal.get(`/console/incidents/${id}`)).html);
    expect(shown).toContain('Likely to result in a high risk (ENISA severity 3.5, high (DPC 3 x EI 1 + CB 0.5))');
    expect(shown).toContain('ENISA severity: 3.5, high (DPC 3 x EI 1 + CB 0.5)');
  });

  it('saves nothing when nothing on the form changed', async () => {
    const id = await confirmedIncident('Unchanged');
    const before = await incident(id);
    const page = await responder.get(`/console/incidents/${id}`);
    const same = await responder.post(`/console/incidents/${id}/scope`, scopeForm(scopeVersion(page.html)!, { title: 'Unchanged', severity: 'medium', summary: '' }));
    expect(same.status).toBe(303);
    expect(textOf((await responder.get(`/console/incidents/${id}`)).html)).toContain('Nothing in the scope changed, so nothing was saved.');
    expect((await incident(id)).version).toBe(before.version);
  });

  it('redraws a refused scope with 400, the message on the field and what was typed, and saves nothing', async () => {
    const id = await confirmedIncident('Badge system');
    const page = await responder.get(`/console/incidents/${id}`);
    const refused = await responder.post(
      `/console/incidents/${id}/scope`,
      scopeForm(scopeVersion(page.html)!, {
        title: 'Badge system, typed anew',
        'affected.0.jurisdiction': 'DE',
        'affected.0.count': '10',
        'affected.2.jurisdiction': 'Germany',
        'affected.2.count': '30',
        dataCategories: ['biometric'],
      }),
    );
    expect(refused.status).toBe(400);
    // The third row on the form (the service saw it second, after the blank row was skipped).
    expect(refused.html).toMatch(/<p class="error-message" id="scope--affected-2-jurisdiction-error">must be an ISO 3166 code such as &quot;DE&quot; or &quot;US-CA&quot;<\/p>/);
    expect(refused.html).toMatch(/id="scope--affected-2-jurisdiction" name="affected.2.jurisdiction" aria-invalid="true"[^>]*value="Germany"/);
    expect(refused.html).toContain('value="Badge system, typed anew"');
    expect(refused.html).toMatch(/value="biometric" checked=""/);
    expect(refused.html).toMatch(/<details open="">\s*<summary>Edit scope/);
    expect(textOf(refused.html)).toContain('affected.2.jurisdiction: must be an ISO 3166 code');
    const unchanged = await incident(id);
    expect(unchanged.title).toBe('Badge system');
    expect(unchanged.scope.affected).toEqual([]);
  });

  it('refuses a save drawn from a page the incident has moved on from', async () => {
    const id = await confirmedIncident('Stale page');
    const page = await responder.get(`/console/incidents/${id}`);
    await server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.legal, json: { type: 'UPDATE_SCOPE', summary: 'Changed elsewhere.' } });
    const stale = await responder.post(`/console/incidents/${id}/scope`, scopeForm(scopeVersion(page.html)!));
    expect(stale.status).toBe(409);
    expect((await incident(id)).summary).toBe('Changed elsewhere.');
  });

  it('lets legal edit the scope, and shows it to viewers read-only: their post is refused and changes nothing', async () => {
    const id = await confirmedIncident('Viewer check');
    const legalPage = await legal.get(`/console/incidents/${id}`);
    expect(legalPage.html).toContain(`action="/console/incidents/${id}/scope"`);

    const viewerPage = await viewer.get(`/console/incidents/${id}`);
    expect(viewerPage.status).toBe(200);
    expect(textOf(viewerPage.html)).toContain('No affected people recorded yet.');
    expect(viewerPage.html).not.toContain(`action="/console/incidents/${id}/scope"`);
    const refused = await viewer.post(`/console/incidents/${id}/scope`, scopeForm('2', { 'affected.0.jurisdiction': 'DE', 'affected.0.count': '1' }));
    expect(refused.status).toBe(403);
    expect((await incident(id)).scope.affected).toEqual([]);
  });
});
