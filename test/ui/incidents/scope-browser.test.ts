import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { expectEveryFieldLabelled, launchChromium, screenshot } from '../chromium.js';

/**
 * The scope's newer facts and legal's findings end to end in real headless Chromium: a responder
 * fills the editor by its labels, the obligations read as undetermined where a fact is missing,
 * and legal decides a place no rules cover from the warning beside the obligations.
 */
let server: TestServer;
let browser: Browser;
const opened: Page[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    for (const [i, page] of opened.entries()) await screenshot(page, `failed-scope-${task.name.slice(0, 30)}-${i}`).catch(() => undefined);
  }
  opened.length = 0;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  opened.push(page);
  await page.goto(`${server.url}/console/sign-in`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/console\/incidents$/);
  return page;
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
const utcMinute = (date: Date) => date.toISOString().slice(0, 16);

async function confirmedIncident(title: string, scope?: Record<string, unknown>): Promise<string> {
  const created = await readJson(await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json: { title, severity: 'high' } }));
  const send = (json: unknown) => server.request(`/api/v1/incidents/${created.id}/events`, { method: 'POST', token: server.tokens.responder, json });
  expect((await send({ type: 'CONFIRM', awarenessAt: hoursAgo(2).toISOString() })).status).toBe(200);
  if (scope !== undefined) expect((await send({ type: 'UPDATE_SCOPE', ...scope })).status).toBe(200);
  return created.id as string;
}

const incident = async (id: string) => readJson(await server.request(`/api/v1/incidents/${id}`, { token: server.tokens.viewer }));
const obligationsOf = async (id: string) => readJson(await server.request(`/api/v1/incidents/${id}/obligations`, { token: server.tokens.viewer }));
const spaced = (text: string) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('scope facts and legal findings in Chromium', () => {
  it('records role, media, encryption, nature, the delay, extortion, new organisation flags and uncounted people through the editor', async () => {
    const id = await confirmedIncident('Claims scanner exposed');
    const page = await signIn(server.tokens.responder);
    await page.goto(`${server.url}/console/incidents/${id}`);
    await page.getByText('Edit scope', { exact: true }).click();
    const scope = page.getByRole('form', { name: 'Edit scope' });

    // Washington's people are known to be affected but not counted yet; Germany's number is a floor; Tuvalu's a guess.
    await scope.getByLabel('Jurisdiction 1', { exact: true }).fill('US-WA');
    await scope.getByLabel('Jurisdiction 2', { exact: true }).fill('DE');
    await scope.getByLabel('People affected 2', { exact: true }).fill('1200');
    await scope.getByLabel('How sure the number is 2', { exact: true }).selectOption({ label: 'At least this many (may rise)' });
    await scope.getByLabel('Jurisdiction 3', { exact: true }).fill('TV');
    await scope.getByLabel('People affected 3', { exact: true }).fill('40');
    await scope.getByLabel('How sure the number is 3', { exact: true }).selectOption({ label: 'Estimate' });
    await scope.getByLabel('Names', { exact: true }).check();
    await scope.getByLabel('Health data', { exact: true }).check();
    await scope.getByLabel('Paper records').check();

    await scope.getByRole('group', { name: 'Was the data encrypted?' }).getByLabel('Yes', { exact: true }).check();
    await scope.getByRole('group', { name: 'Was the key or credential that unlocks it exposed too?' }).getByLabel('Yes', { exact: true }).check();
    await scope.getByRole('group', { name: 'Was the data redacted or truncated?' }).getByLabel('No', { exact: true }).check();
    const nature = scope.getByRole('group', { name: 'Nature of the incident' });
    await nature.getByLabel('Was data disclosed to or accessed by someone not authorised?').selectOption({ label: 'Yes' });
    await nature.getByLabel('Was it an attack from outside the organisation?').selectOption({ label: 'Yes' });
    await nature.getByLabel('Was a ransom or extortion payment made?').selectOption({ label: 'No' });

    await scope.getByRole('group', { name: 'Whose data is it?' }).getByLabel('Owns or licenses the data (controller)').check();
    await scope.getByLabel('Insurance licensee').check();
    await scope.getByLabel('HIPAA business associate').check();
    await scope.getByLabel('Law enforcement asked notice to wait until').fill('2030-01-15');
    const extortion = utcMinute(hoursAgo(5));
    await scope.getByLabel('Ransom or extortion paid at (UTC)').fill(extortion);
    await expectEveryFieldLabelled(page);
    await scope.getByRole('button', { name: 'Save scope' }).click();
    await page.getByRole('status').filter({ hasText: 'Scope saved; obligations re-assessed.' }).waitFor();

    const saved = await incident(id);
    expect(saved.scope).toMatchObject({
      affected: [
        { jurisdiction: 'US-WA', count: null },
        { jurisdiction: 'DE', count: 1200, countBasis: 'atLeast' },
        { jurisdiction: 'TV', count: 40, countBasis: 'estimate' },
      ],
      media: ['paper'],
      role: 'controller',
      encrypted: true,
      keyExposed: true,
      redacted: false,
      nature: { confidentiality: true, integrity: null, availability: null, externalAttack: true, ransomPaid: false },
      lawEnforcementDelayUntil: '2030-01-15',
      organization: { insuranceLicensee: true, hipaaBusinessAssociate: true, phrVendor: false },
    });
    expect(saved.clock.extortionPaidAt).toBe(`${extortion}:00.000Z`);

    // The facts read back in words.
    const section = page.getByRole('region', { name: 'Scope', exact: true });
    const people = page.getByRole('table', { name: 'People affected by jurisdiction' });
    const washington = spaced(await people.getByRole('row', { name: /US-WA/ }).innerText());
    expect(washington).toContain('US-WA Washington (US)');
    expect(washington).toContain('not counted yet');
    expect(spaced(await people.getByRole('row', { name: /^DE/ }).innerText())).toContain('at least 1,200');
    expect(spaced(await people.getByRole('row', { name: /^TV/ }).innerText())).toContain('about 40');
    const facts = spaced(await section.locator('dl').innerText());
    expect(facts).toContain('Where the data was kept Paper records');
    expect(facts).toContain('Key or credential exposed too Yes');
    expect(facts).toContain('Attack from outside the organisation: yes');
    expect(facts).toContain('Ransom or extortion paid: no');
    expect(facts).toContain('Whose data Owns or licenses the data (controller)');
    expect(facts).toContain('HIPAA business associate; Insurance licensee');
    expect(facts).toContain('the end of 15 January 2030');

    // A duty that turns on Washington's count reads as undetermined, in words.
    const { obligations, uncovered } = await obligationsOf(id);
    const open = (obligations as Array<{ applies: string; missingFacts: string[]; jurisdiction: string }>).find(
      (o) => o.applies === 'undetermined' && o.missingFacts.includes('affected.US-WA.count'),
    );
    expect(open, JSON.stringify(obligations.map((o: { id: string; applies: string }) => [o.id, o.applies]))).toBeDefined();
    const table = page.getByRole('table', { name: 'Who must be told, and by when' });
    const undetermined = table.locator('.applies-note').filter({ hasText: 'how many people are affected in Washington (US)' });
    await expect.poll(() => undetermined.count()).toBeGreaterThan(0);
    expect(spaced(await undetermined.first().innerText())).toContain('Undetermined turns on how many people are affected in Washington (US), not recorded yet');

    // Tuvalu has no rules: the warning beside the obligations says so; a responder cannot decide it.
    expect(uncovered).toMatchObject([{ jurisdiction: 'TV', reason: 'no_rules', decision: null }]);
    const warning = page.getByRole('region', { name: /Places the rules do not cover/ });
    expect(spaced(await warning.getByRole('row', { name: /Tuvalu/ }).innerText())).toContain('No rules for Tuvalu: decide with counsel');
    expect(spaced(await warning.innerText())).toContain('Not decided yet');
    expect(await warning.getByRole('form').count()).toBe(0);
    await screenshot(page, 'scope-new-facts');
  });

  it('lets legal decide a place without rules beside the warning, and record a risk-of-harm finding for another', async () => {
    const id = await confirmedIncident('Pacific payroll', { affected: [{ jurisdiction: 'TV', count: 40 }, { jurisdiction: 'DE', count: 300 }], dataCategories: ['name', 'financial_account'] });
    const before = await incident(id);
    expect(before.obligations.map((o: { id: string }) => o.id)).toContain('uncovered:decision:TV');

    const page = await signIn(server.tokens.legal);
    await page.goto(`${server.url}/console/incidents/${id}`);
    const warning = page.getByRole('region', { name: /Places the rules do not cover/ });
    expect(spaced(await warning.getByRole('heading').innerText())).toBe('Places the rules do not cover 1 to decide');
    await warning.getByText('Record legal’s decision for Tuvalu').click();
    const decide = warning.getByRole('form', { name: 'Legal’s decision for Tuvalu' });
    await decide.getByLabel('Rationale').fill('Counsel in Funafuti: no statutory duty to notify; we tell the 40 people anyway.');
    await decide.getByRole('button', { name: 'Record the finding: Tuvalu' }).click();
    await page.getByRole('status').filter({ hasText: 'Legal finding recorded.' }).waitFor();

    // The warning now shows the decision, and who made it; nothing is left to decide.
    const row = spaced(await warning.getByRole('row', { name: /Tuvalu/ }).innerText());
    expect(row).toContain('Decided Counsel in Funafuti: no statutory duty to notify; we tell the 40 people anyway.');
    expect(row).toContain('test legal (legal)');
    expect(spaced(await warning.getByRole('heading').innerText())).toBe('Places the rules do not cover');

    // The regulators track no longer waits on the decision.
    const after = await incident(id);
    expect(after.obligations.map((o: { id: string }) => o.id)).not.toContain('uncovered:decision:TV');
    expect(after.scope.legalFindings).toMatchObject([{ jurisdiction: 'TV', harm: null, rationale: 'Counsel in Funafuti: no statutory duty to notify; we tell the 40 people anyway.' }]);
    expect((await obligationsOf(id)).uncovered).toMatchObject([{ jurisdiction: 'TV', decision: { rationale: expect.stringContaining('Funafuti') } }]);

    // A risk-of-harm finding for an affected place, from the general form.
    const general = page.getByRole('form', { name: 'Legal finding for a jurisdiction' });
    await general.getByLabel('Jurisdiction').selectOption({ label: 'Germany: DE' });
    await general.getByLabel('Risk of harm').selectOption('unlikely');
    // Scored by ENISA's method: DPC 1 x EI 0.5 + 0.25 (disclosed to known recipients) = 0.75, low.
    await general.getByLabel('ENISA severity: data processing context (DPC)').selectOption('1');
    await general.getByLabel('ENISA severity: ease of identification (EI)').selectOption('0.5');
    await general.getByLabel('ENISA severity: loss of confidentiality').selectOption('0.25');
    await general.getByLabel('ENISA severity: loss of integrity').selectOption('0');
    await general.getByLabel('ENISA severity: loss of availability').selectOption('0');
    await general.getByLabel('ENISA severity: malicious intent').selectOption('0');
    await general.getByLabel('Rationale').fill('Account numbers without access codes; the file was deleted unread.');
    await general.getByRole('button', { name: 'Record the finding' }).click();
    await page.getByRole('status').filter({ hasText: 'Legal finding recorded.' }).waitFor();

    const findings = page.getByRole('table', { name: 'Legal findings by jurisdiction' });
    expect(spaced(await findings.getByRole('row', { name: /^DE/ }).innerText())).toContain(
      'Misuse or harm is not reasonably likely Unlikely to result in a risk (ENISA severity 0.75, low (DPC 1 x EI 0.5 + CB 0.25)) Account numbers without access codes',
    );
    expect(spaced(await findings.getByRole('row', { name: /^TV/ }).innerText())).toContain('No finding on harm');
    expect((await incident(id)).scope.legalFindings).toEqual(
      expect.arrayContaining([expect.objectContaining({ jurisdiction: 'DE', harm: 'unlikely', recordedBy: expect.stringMatching(/^token:/) })]),
    );
    await expectEveryFieldLabelled(page);
    await screenshot(page, 'scope-legal-findings');
  });
});
