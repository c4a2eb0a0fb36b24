import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recipientsCsv } from '../delivery/support.js';
import { noticeSections } from '../../src/demo/demo-text.js';
import { completeFields } from '../notices/notice-api-support.js';

const ENGLISH: Record<string, string> = {
  whatHappened: 'A database of our chat service could be read from the internet because an access setting was wrong. Phone numbers and message contents stored in it may have been seen by unauthorised people.',
  informationInvolved: 'Your phone number and the contents of the messages you sent and received through our chat service. No passwords or payment details were in the database.',
  likelyConsequences: 'You may receive scam calls or phishing messages, and others may learn what was in your conversations.',
  whatWeAreDoing: 'We closed access from the internet the same day, replaced every access credential, engaged an independent investigator and reported the incident to the authorities.',
  whatYouCanDo: 'Be wary of calls and messages that claim to come from us, and never share one-time codes with anyone.',
  contact: 'Our data protection officer: privacy@chatter.example, +49 30 0000000.',
};
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { alertSource } from './alerts/support.js';
import { expectEveryFieldLabelled, launchChromium, screenshot } from './chromium.js';

/**
 * The console end to end in real headless Chromium: what people do, by the labels and buttons they
 * see, against a real server with a real SMTP server behind it. Screenshots of each page land in
 * test-artifacts/console/.
 */
let server: TestServer;
let sink: SmtpSink;
let browser: Browser;
/** The pages a test opened: on a failure each is saved as a screenshot, to see what the person saw. */
const opened: Page[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ SMTP_URL: sink.url });
  browser = await launchChromium();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    for (const [i, page] of opened.entries()) await screenshot(page, `failed-${task.name.slice(0, 30)}-${i}`).catch(() => undefined);
  }
  opened.length = 0;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

/** A fresh browser profile signed in through the form, the way a person does it. */
async function signIn(token: string, screenshotName?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Fail with the step that did not happen, well inside the test's own timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  opened.push(page);
  await page.goto(`${server.url}/console/`);
  await expect.poll(() => page.url()).toContain('/console/sign-in');
  if (screenshotName !== undefined) await screenshot(page, screenshotName);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/console\/incidents$/);
  return page;
}

// Code that runs in the page is passed as text: this project's TypeScript has no DOM types.

/** Posts a form the page does not offer, with the page's own CSRF token: only the server's role check stands. */
const forgedPost = (page: Page, path: string, fields: Record<string, string>): Promise<number> =>
  page.evaluate<number>(`(async () => {
    const csrf = document.querySelector('input[name="_csrf"]').value;
    const body = new URLSearchParams({ _csrf: csrf, ...${JSON.stringify(fields)} });
    return (await fetch(${JSON.stringify(path)}, { method: 'POST', body, redirect: 'manual' })).status;
  })()`);

const utcMinute = (date: Date) => date.toISOString().slice(0, 16);

describe('the web console in Chromium', () => {
  it('takes an incident from opening to a finished send: responder, then legal, then responder', async () => {
    const responder = await signIn(server.tokens.responder, 'sign-in');

    // The responder opens an incident from the list.
    const open = responder.getByRole('form', { name: 'Open an incident' });
    await open.getByLabel('Title').fill('Chat database exposed');
    await open.getByLabel('Severity').selectOption('critical');
    await open.getByLabel('Summary').fill('A chat-service database was readable from the internet.');
    await open.getByRole('button', { name: 'Open incident' }).click();
    await responder.waitForURL(/\/console\/incidents\/[0-9a-f-]+$/);
    const incidentUrl = responder.url();
    const incidentId = incidentUrl.split('/').pop()!;
    await expect.poll(() => responder.getByRole('heading', { level: 1 }).textContent()).toContain('Chat database exposed');

    // Confirms the breach, which starts the legal clocks.
    const confirm = responder.getByRole('form', { name: 'Confirm the breach' });
    await confirm.getByLabel('Became aware at').fill(utcMinute(new Date(Date.now() - 3_600_000)));
    await confirm.getByRole('button', { name: 'Confirm the breach' }).click();
    await responder.getByText('Incident confirmed: response started.').waitFor();

    // Sets the scope: who is affected where, and what was exposed.
    await responder.getByText('Edit scope', { exact: true }).click(); // the editor opens from its summary
    const scope = responder.getByRole('form', { name: 'Edit scope' });
    await scope.getByLabel('Jurisdiction 1', { exact: true }).fill('CN');
    await scope.getByLabel('People affected 1', { exact: true }).fill('1200000');
    await scope.getByLabel('Jurisdiction 2', { exact: true }).fill('DE');
    await scope.getByLabel('People affected 2', { exact: true }).fill('40000');
    await scope.getByLabel('Contact details (email, phone, address)').check();
    await scope.getByLabel('Content of communications').check();
    await scope.getByRole('group', { name: 'Was the data encrypted?' }).getByLabel('No', { exact: true }).check();
    await scope.getByRole('button', { name: 'Save scope' }).click();
    await responder.getByRole('status').filter({ hasText: /scope/i }).waitFor();

    // The obligations: who must be told, by when (local time and UTC), and why.
    const obligations = responder.getByRole('table', { name: 'Who must be told, and by when' });
    await expect.poll(() => obligations.textContent()).toMatch(/Art\. 33/);
    expect(await obligations.textContent()).toMatch(/UTC/);
    expect(await obligations.textContent()).toMatch(/PIPL|Personal Information Protection Law/);
    await expectEveryFieldLabelled(responder);
    await screenshot(responder, 'incident');

    // Generates the notice to individuals from the templates, fills its items, submits it.
    const draft = responder.getByRole('form', { name: 'Generate a draft notice to individuals' });
    await draft.getByLabel('Organisation the notice speaks for').fill('Chatter Ltd');
    // Left empty, the languages are the affected people's: Chinese for China, then German.
    expect(await draft.getByText('Leave empty to write in the languages of the affected people: zh-CN, de.').count()).toBe(1);
    await draft.getByLabel('Languages').fill('zh-CN, en'); // the recipients read Chinese or English
    await draft.getByRole('button', { name: 'Generate draft notice to individuals' }).click();
    await responder.waitForURL(/\/console\/notices\/[^/]+\/versions\/1$/);
    // Every required section, and every one still holding suggested text, in both languages.
    const noticeId = new URL(responder.url()).pathname.split('/')[3]!;
    const view = await readJson(await server.request(`/api/v1/notices/${noticeId}`));
    // The words people write, as the demo's (Chinese) and the README's (English) letters say them.
    const chinese = noticeSections('zh-CN', '2026年12月7日');
    const boxes = [
      ...Object.keys(completeFields(view)).map((field) => [`fields.${field}`, chinese[field]!] as const),
      ...Object.keys(completeFields(view, 'en')).map((field) => [`translations.en.${field}`, ENGLISH[field]!] as const),
    ];
    const edit = responder.getByRole('form', { name: 'Edit version 1' });
    for (const [name, words] of boxes) await edit.locator(`textarea[name="${name}"]`).fill(words);
    await edit.getByRole('button', { name: 'Save as version 2' }).click();
    await responder.waitForURL(/\/versions\/2$/);
    const reviewUrl = responder.url();
    await responder.getByRole('button', { name: 'Submit version 2 for legal review' }).click();
    await responder.getByText('In legal review', { exact: true }).first().waitFor();
    // A responder is not offered Approve, and the server refuses it when forged.
    expect(await responder.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    expect(await forgedPost(responder, `${new URL(reviewUrl).pathname}/approve`, {})).toBe(403);

    // Legal reads the rendered notice, the diff and the checklist, then approves.
    const legal = await signIn(server.tokens.legal);
    await legal.goto(incidentUrl);
    await legal.getByRole('link', { name: /notice to individuals/i }).first().click();
    await legal.waitForURL(/\/console\/notices\//);
    await legal.goto(reviewUrl);
    expect(await legal.locator('ins').count()).toBeGreaterThan(0);
    const framed = legal.frameLocator('iframe');
    await expect.poll(() => framed.locator('body').textContent()).toContain('Chatter Ltd');
    // The frame is as tall as the letter: it reads whole, with no scroll bar of its own.
    const fit = () =>
      legal.evaluate<{ frame: number; letter: number; inner: number; content: number }>(`(() => {
        const frame = document.querySelector('iframe.rendered-html');
        const doc = frame.contentDocument;
        const root = doc.documentElement;
        return { frame: frame.clientHeight, letter: root.scrollHeight, inner: root.clientHeight, content: doc.body.getBoundingClientRect().bottom };
      })()`);
    await expect.poll(async () => { const f = await fit(); return f.letter <= f.inner && f.frame >= f.content; }).toBe(true);
    // Fitted to the letter by the console's script, not left at the stylesheet's tall height.
    const { frame, content } = await fit();
    expect(frame - content).toBeLessThan(60);
    expect(await legal.locator('iframe.rendered-html').getAttribute('sandbox')).toBe('allow-same-origin');
    await expectEveryFieldLabelled(legal);
    await screenshot(legal, 'legal-review');
    await screenshot(legal, 'legal-review-window', { fullPage: false });
    await legal.getByRole('button', { name: 'Approve version 2' }).click();
    await legal.getByText('Approved', { exact: true }).first().waitFor();
    const notices = await readJson(await server.request(`/api/v1/incidents/${incidentId}/notices`));
    expect(notices.items[0].approvedNumber).toBe(2);

    // The responder uploads the recipients and sends; progress moves on the open page to 100 %.
    await responder.goto(incidentUrl);
    const upload = responder.getByRole('form', { name: 'Upload recipients' });
    await upload.getByLabel('Recipients file (CSV)').setInputFiles({ name: 'recipients.csv', mimeType: 'text/csv', buffer: Buffer.from(recipientsCsv(40, 'browser.example')) });
    await upload.getByRole('button', { name: 'Upload recipients' }).click();
    await responder.getByText(/Recipients imported: 40 accepted/).waitFor();
    const release = sink.hold(); // the server answers nothing yet: the page must show a send in progress
    await responder.getByRole('button', { name: 'Send the approved notice to 40 recipients' }).click();
    const bar = responder.locator('progress[data-send-field="bar"]');
    await bar.waitFor();
    expect(Number(await bar.getAttribute('value'))).toBeLessThan(40);
    await screenshot(responder, 'send-running');
    release();
    // No reload: the page's script polls the progress and fills the bar.
    await expect.poll(() => bar.getAttribute('value'), { timeout: 30_000 }).toBe('40');
    await expect.poll(() => responder.locator('[data-send-field="status"]').textContent()).toMatch(/complete/i);
    await screenshot(responder, 'send-complete');
    // Opened again, the incident shows the track the finished send moved on: notified.
    await responder.goto(incidentUrl);
    await responder.evaluate('window.scrollTo(0, 0)');
    await responder.getByText('Notice to individuals: Notified').waitFor();
    await screenshot(responder, 'incident-window', { fullPage: false });
    expect(new Set(sink.received.flatMap((mail) => mail.to)).size).toBe(40);
    // The whole walkthrough, a real send included, in one test: more than the 30 s one step gets on a loaded machine.
  }, 90_000);

  it('enforces roles in the browser: legal cannot dismiss an incident', async () => {
    const created = await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json: { title: 'Suspicious export', severity: 'high' } });
    const incident = await readJson(created);
    const legal = await signIn(server.tokens.legal);
    await legal.goto(`${server.url}/console/incidents/${incident.id}`);
    await legal.getByRole('heading', { level: 1, name: /Suspicious export/ }).waitFor();
    expect(await legal.getByRole('button', { name: /Dismiss/ }).count()).toBe(0);
    expect(await forgedPost(legal, `/console/incidents/${incident.id}/events/DISMISS`, { reason: 'not a breach', expectedVersion: '1' })).toBe(403);
    expect((await readJson(await server.request(`/api/v1/incidents/${incident.id}`))).phase).toBe('detected');

    // The responder may, through the same page.
    const responder = await signIn(server.tokens.responder);
    await responder.goto(`${server.url}/console/incidents/${incident.id}`);
    const dismiss = responder.getByRole('form', { name: 'Dismiss' });
    await dismiss.getByLabel('Why it is not a breach').fill('A test export by the data team.');
    await dismiss.getByRole('button', { name: 'Dismiss this incident' }).click();
    await expect.poll(async () => (await readJson(await server.request(`/api/v1/incidents/${incident.id}`))).phase).toBe('dismissed');
  });

  it('lists alerts with their counts and promotes one to an incident; works from the keyboard', async () => {
    const post = await alertSource(server, 'e2e-monitor');
    for (let i = 0; i < 3; i++) await post('chat-bulk-read', { title: 'Bulk read of chat table', severity: 'critical' });
    const responder = await signIn(server.tokens.responder);
    // Keyboard: the skip link is the first stop, and it leads to the page's content.
    await responder.keyboard.press('Tab');
    expect(await responder.evaluate<string>('document.activeElement.textContent')).toContain('Skip to main content');
    await responder.getByRole('link', { name: 'Alerts' }).focus();
    await responder.keyboard.press('Enter');
    await responder.waitForURL(/\/console\/alerts$/);
    const row = responder.getByRole('row', { name: /Bulk read of chat table/ });
    expect(await row.textContent()).toContain('3');
    await expectEveryFieldLabelled(responder);
    await screenshot(responder, 'alerts');
    await row.getByRole('button', { name: /Promote/ }).click();
    await responder.waitForURL(/\/console\/incidents\/[0-9a-f-]+$/);
    await responder.getByRole('heading', { level: 1 }).waitFor();
    await responder.goto(`${server.url}/console/incidents`);
    await screenshot(responder, 'incidents');
  });
});
