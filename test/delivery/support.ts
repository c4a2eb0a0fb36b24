/**
 * Drives a Breachline over HTTP to the point where the notice to individuals can be sent: an
 * incident in CN and DE, its notice written in zh-CN (primary) and en, approved by legal, and
 * recipients imported. Works against any base URL, so the crash test can use it on a server
 * running as its own process.
 */
export interface Tokens {
  admin: string;
  responder: string;
  legal: string;
  viewer?: string;
}

export async function call(base: string, path: string, options: { method?: string; token: string; json?: unknown; csv?: string }): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${options.token}` };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.csv !== undefined) {
    headers['Content-Type'] = 'text/csv';
    body = options.csv;
  }
  return fetch(base + path, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }) });
}

/** The body of a response that must have the given status; anything else fails with what the server said. */
export async function expectStatus(response: Response, status: number): Promise<any> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

export async function roleTokens(base: string, admin: string): Promise<Tokens> {
  const issue = async (role: string) => (await expectStatus(await call(base, '/api/v1/tokens', { token: admin, json: { name: `delivery ${role}`, role } }), 201)).token as string;
  return { admin, responder: await issue('responder'), legal: await issue('legal'), viewer: await issue('viewer') };
}

/** `count` recipients: every third in Germany writing English, the rest in China writing Chinese. */
export function recipientsCsv(count: number, domain = 'example.com'): string {
  const rows = ['email,name,locale,jurisdiction,memberId'];
  for (let i = 0; i < count; i++) {
    const german = i % 3 === 2;
    rows.push(`user${i}@${domain},${german ? `Person ${i}` : `用户${i}`},${german ? 'en' : 'zh-CN'},${german ? 'DE' : 'CN'},M-${i}`);
  }
  return `${rows.join('\n')}\n`;
}

export const recipientEmail = (i: number, domain = 'example.com') => `user${i}@${domain}`;

/** Text for each required item, marked with the locale so a test can tell which language went out. */
const itemsFor = (fields: readonly string[], locale: string) => Object.fromEntries(fields.map((field) => [field, `[${locale}] ${field} text.`]));

export async function incidentReadyToSend(base: string, tokens: Tokens, csv: string, responders: Array<{ name: string; email: string }> = []): Promise<{ incidentId: string; noticeId: string }> {
  const responder = (path: string, json: unknown, status = 200) => call(base, path, { token: tokens.responder, json }).then((r) => expectStatus(r, status));
  const incident = await responder('/api/v1/incidents', { title: 'Chat database exposed', severity: 'critical', summary: 'A chat-service database was readable from the internet.' }, 201);
  const event = (json: unknown) => responder(`/api/v1/incidents/${incident.id}/events`, json);
  await event({ type: 'CONFIRM', awarenessAt: new Date(Date.now() - 3600_000).toISOString() });
  await event({ type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'CN', count: 1_200_000 }, { jurisdiction: 'DE', count: 40_000 }], dataCategories: ['contact', 'communications_content'], encrypted: false });
  if (responders.length > 0) await event({ type: 'SET_RESPONDERS', responders });

  const notice = await responder(`/api/v1/incidents/${incident.id}/notices`, { target: 'individuals', locales: ['zh-CN', 'en'], organizationName: 'Chatter Ltd', senderName: 'Chatter Ltd Privacy', senderAddress: 'privacy@chatter.example' }, 201);
  const fields = notice.requiredFields.map((f: { field: string }) => f.field) as string[];
  const edited = await responder(`/api/v1/notices/${notice.id}/versions`, { basedOn: 1, fields: itemsFor(fields, 'zh-CN'), translations: { en: itemsFor(fields, 'en') } }, 201);
  await expectStatus(await call(base, `/api/v1/notices/${notice.id}/versions/${edited.number}/submit`, { method: 'POST', token: tokens.responder }), 200);
  await expectStatus(await call(base, `/api/v1/notices/${notice.id}/versions/${edited.number}/approve`, { method: 'POST', token: tokens.legal }), 200);
  await expectStatus(await call(base, `/api/v1/incidents/${incident.id}/recipients`, { token: tokens.responder, csv }), 201);
  return { incidentId: incident.id, noticeId: notice.id };
}

/** Polls a send until `done` says so (or fails after `timeoutMs`); answers the last progress seen. */
export async function waitForSend(base: string, token: string, sendId: string, done: (send: any) => boolean, timeoutMs = 60_000, pollMs = 50): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const send = await expectStatus(await call(base, `/api/v1/deliveries/${sendId}`, { token }), 200);
    if (done(send)) return send;
    if (Date.now() > until) throw new Error(`send ${sendId} did not get there in time: ${JSON.stringify(send)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
