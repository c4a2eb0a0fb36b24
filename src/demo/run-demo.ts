/**
 * `npm run demo`: a realistic case end to end on the embedded defaults, through the HTTP API as a
 * team would drive it. A chat-service database leaked phone numbers and message contents of 1.2
 * million users in China and 40,000 in Germany: the alert opens the incident, the engine names the
 * duties and their clocks, the notice is written in Chinese and German and approved by legal, it is
 * sent (as .eml files: no mail server needed), and the regulator reports are approved and submitted.
 * Everything lands in ./data/demo (or DEMO_DIR), which each run starts afresh.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pino } from 'pino';
import { startBreachline } from '../breachline.js';
import { loadConfig } from '../config.js';
import { noticeSections, reportItem, reportSummaries, sectionText } from './demo-text.js';

const DIR = resolve(process.env.DEMO_DIR ?? 'data/demo');
const shown = (path: string) => relative(process.cwd(), path);
// A sample of the affected people, one in a thousand: enough to watch the send; see bench/RESULTS.md for a million.
const CN_RECIPIENTS = 1_200;
const DE_RECIPIENTS = 40;

type Json = any;

function step(title: string): void {
  console.log(`\n== ${title}`);
}

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const admin = randomBytes(24).toString('hex');
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(DIR, 'breachline.db')}`,
    MAIL_OUTBOX_DIR: join(DIR, 'outbox'),
    // Breachline's own mail (deadline alerts) comes from here; notices come from the organisation's sender below.
    MAIL_FROM: 'Chatter Ltd incident response <security@chatter.example>',
    BREACHLINE_ADMIN_TOKEN: admin,
    PORT: '0',
    SCHEDULER_INTERVAL_MS: '200',
  });
  const breachline = await startBreachline(config, pino({ level: 'warn' }));
  const base = breachline.url;
  const api = async (token: string, method: string, path: string, body?: { json?: unknown; csv?: string }, expect = [200, 201, 202]): Promise<Json> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body?.json !== undefined) headers['Content-Type'] = 'application/json';
    if (body?.csv !== undefined) headers['Content-Type'] = 'text/csv';
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: body.csv ?? JSON.stringify(body.json) }),
    });
    const text = await response.text();
    if (!expect.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text;
  };
  try {
    console.log(`Breachline is running at ${base} on ${shown(join(DIR, 'breachline.db'))} (OpenAPI docs: ${base}/api/docs)`);

    step('Organisation: its name and the sender its notices come from');
    await api(admin, 'PUT', '/settings/organization', { json: { name: 'Chatter Ltd', senderName: 'Chatter Ltd Data Protection', senderAddress: 'privacy@chatter.example' } });
    console.log('notices will come from "Chatter Ltd Data Protection" <privacy@chatter.example>');

    step('Tokens: a monitoring integration, a responder and legal');
    const token = async (name: string, role: string) => (await api(admin, 'POST', '/tokens', { json: { name, role } })).token as string;
    const ingest = await token('prometheus', 'ingest');
    const responder = await token('Wei (security on call)', 'responder');
    const legal = await token('Anna (legal)', 'legal');
    console.log('ingest, responder and legal tokens issued; each secret was shown once and is stored hashed');

    step('Alert: Prometheus Alertmanager reports the chat database open to the internet');
    await api(admin, 'POST', '/alert-sources', {
      json: { name: 'prom', kind: 'alertmanager', rules: { autoOpen: [{ minSeverity: 'critical', matchers: [{ label: 'env', op: '=', value: 'prod' }] }] } },
    });
    const alert = {
      version: '4',
      status: 'firing',
      receiver: 'breachline',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'ChatDatabasePubliclyReachable', severity: 'critical', env: 'prod', service: 'chat', instance: 'chat-db-3' },
          annotations: { summary: 'chat-db-3 accepts connections from the internet; 1.24M user records exposed' },
          startsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
          fingerprint: 'chat-db-3-public',
        },
      ],
    };
    await api(ingest, 'POST', '/alerts/alertmanager?source=prom', { json: alert });
    const [firing] = (await api(responder, 'GET', '/alerts?source=prom')).items;
    const incidentId = firing.incidentId as string;
    console.log(`alert "${firing.title}" (${firing.severity}) opened incident ${incidentId}`);

    step('Responder: confirm the breach, record the scope and the people on call');
    const event = (json: unknown) => api(responder, 'POST', `/incidents/${incidentId}/events`, { json });
    await event({ type: 'CONFIRM', awarenessAt: new Date(Date.now() - 3600_000).toISOString(), occurredAt: alert.alerts[0]!.startsAt });
    await event({
      type: 'UPDATE_SCOPE',
      title: 'Chat database exposed: phone numbers and messages',
      summary: 'A chat-service database was reachable from the internet; phone numbers and message contents of 1.24 million users may have been read.',
      affected: [
        { jurisdiction: 'CN', count: 1_200_000 },
        { jurisdiction: 'DE', count: 40_000 },
      ],
      dataCategories: ['contact', 'communications_content'],
      encrypted: false,
    });
    await event({ type: 'SET_RESPONDERS', responders: [{ name: 'Wei', email: 'wei@chatter.example' }] });
    await event({ type: 'RECORD_CONTAINMENT_ACTION', description: 'Closed public access to chat-db-3 and rotated its credentials' });
    await event({ type: 'MARK_CONTAINED' });

    step('Obligations: who must be told, by when (regulator time and UTC), and why');
    const { obligations, groups } = await api(legal, 'GET', `/incidents/${incidentId}/obligations`);
    const byId = new Map<string, Json>(obligations.map((o: Json) => [o.id, o]));
    console.table(
      groups.map((g: Json) => ({
        duty:
          g.recipient === 'individuals'
            ? `Notify individuals in ${g.jurisdictionName}`
            : g.recipient === 'regulator'
              ? `Report to regulators in ${g.jurisdictionName}`
              : `Tell ${byId.get(g.duties[0]).authority ?? g.recipient} (${g.jurisdiction})`.slice(0, 50),
        due: g.dueAt === null ? 'immediately' : (byId.get(g.duties.find((id: string) => byId.get(id).dueAt === g.dueAt)).dueAtLocal ?? g.dueAt),
        'due (UTC)': g.dueAt ?? '',
        under: g.citations.join('; ').slice(0, 70),
      })),
    );

    step('Notice to individuals, in the affected people’s languages: Chinese for China, German for Germany');
    // No locale named: the draft is written in the languages of the affected people, the most affected first.
    const notice = await api(responder, 'POST', `/incidents/${incidentId}/notices`, { json: { target: 'individuals' } });
    console.log(`drafted in ${notice.latest.locales.join(' and ')}, from ${notice.latest.metadata.senderName} <${notice.latest.metadata.senderAddress}>; suggested text to replace: ${notice.placeholders.join(', ')}`);
    const found = new Date(Date.now() - 3600_000).toISOString();
    const sections = (locale: 'zh-CN' | 'de') => {
      const words = noticeSections(locale, new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(found)));
      return Object.fromEntries(notice.requiredFields.map((f: Json) => [f.field, sectionText(words, f.field, locale)]));
    };
    const written = await api(responder, 'POST', `/notices/${notice.id}/versions`, { json: { basedOn: 1, fields: sections('zh-CN'), translations: { de: sections('de') } } });
    await api(responder, 'POST', `/notices/${notice.id}/versions/${written.number}/submit`);
    const diff = await api(legal, 'GET', `/notices/${notice.id}/diff?from=1&to=${written.number}`);
    console.log(`legal reads the diff of version 1 -> ${written.number}: ${diff.changes.length} items changed`);
    await api(legal, 'POST', `/notices/${notice.id}/versions/${written.number}/comments`, { json: { body: 'Checked against PIPL Art. 57 and GDPR Art. 34. Approved.' } });
    const approved = await api(legal, 'POST', `/notices/${notice.id}/versions/${written.number}/approve`);
    console.log(`legal approved version ${approved.number} in ${approved.locales.join(' and ')} (${approved.contentHash.slice(0, 19)}...)`);

    step(`Recipients: a one-in-a-thousand sample (${CN_RECIPIENTS} in China, ${DE_RECIPIENTS} in Germany)`);
    // The CRM knows the Chinese users' language; for the German ones only where they live, which decides it.
    const rows = ['email,name,locale,jurisdiction,userId'];
    for (let i = 0; i < CN_RECIPIENTS; i++) rows.push(`user${i}@chat-cn.example,用户${i},zh-CN,CN,cn-${i}`);
    for (let i = 0; i < DE_RECIPIENTS; i++) rows.push(`user${i}@chat-de.example,Nutzer ${i},,DE,de-${i}`);
    rows.push('not-an-address,Broken Row,,DE,de-x');
    const imported = await api(responder, 'POST', `/incidents/${incidentId}/recipients`, { csv: `${rows.join('\n')}\n` });
    console.log(`imported ${imported.accepted}, rejected ${imported.rejected} (download the reasons from /recipient-imports/${imported.importId}/rejections)`);
    const plan = await api(responder, 'GET', `/incidents/${incidentId}/deliveries/languages`);
    for (const group of plan.groups) console.log(`  ${group.recipients} in ${group.jurisdiction} read ${group.reads} (${group.reason === 'locale' ? 'their own language' : group.reason === 'jurisdiction' ? 'the official language where they live' : 'the notice’s primary language'})`);

    step('Sending the notice: one message per person, in their language');
    let send = await api(responder, 'POST', `/incidents/${incidentId}/deliveries`);
    while (send.status === 'running') {
      console.log(`  sent ${send.sent} of ${send.total}, pending ${send.pending}, ${send.ratePerSecond}/s${send.etaSeconds === null ? '' : `, about ${send.etaSeconds}s left`}`);
      await new Promise((r) => setTimeout(r, 500));
      send = await api(responder, 'GET', `/deliveries/${send.id}`);
    }
    console.log(`send ${send.status}: ${send.sent} sent, ${send.failed} failed`);
    const files = readdirSync(join(DIR, 'outbox')).filter((name) => name.startsWith('notice.'));
    console.log(`the notices are files in ${shown(join(DIR, 'outbox'))} (${files.length}), e.g. ${files[0]}; open one in any mail program`);

    step('Regulator reports: drafted, approved by legal, submitted');
    const reportsDir = join(DIR, 'reports');
    mkdirSync(reportsDir, { recursive: true });
    for (const duty of obligations.filter((o: Json) => o.recipient === 'regulator')) {
      const report = await api(responder, 'POST', `/incidents/${incidentId}/notices`, { json: { target: duty.id } });
      const language = duty.jurisdiction === 'CN' ? 'zh' : 'en';
      // The draft states the scope in the authority's jurisdiction; people write each item and rewrite the summary for the authority.
      const fields = Object.fromEntries(report.requiredFields.map((f: Json) => [f.field, reportItem(f.field, language)]));
      const number = (await api(responder, 'POST', `/notices/${report.id}/versions`, { json: { basedOn: 1, fields, summary: reportSummaries[language] } })).number;
      await api(responder, 'POST', `/notices/${report.id}/versions/${number}/submit`);
      await api(legal, 'POST', `/notices/${report.id}/versions/${number}/approve`);
      // Offline there is no mail server to hand a report to, so each is exported for the
      // authority's portal and the submission recorded; with SMTP_URL set, { "channel": "email" } mails it.
      const path = `/incidents/${incidentId}/obligations/${encodeURIComponent(duty.id)}`;
      const file = join(reportsDir, `${duty.id.replace(/[^A-Za-z0-9.-]/g, '_')}.html`);
      writeFileSync(file, await api(responder, 'GET', `${path}/report?format=html`));
      writeFileSync(file.replace(/\.html$/, '.json'), JSON.stringify(await api(responder, 'GET', `${path}/report?format=json`), null, 2));
      await api(responder, 'POST', `${path}/submissions`, { json: { channel: 'portal', reference: `DEMO-${duty.regime.toUpperCase()}-0001` } });
      console.log(`${duty.id}: ${report.latest.facts.affected.toLocaleString('en-US')} people in ${duty.jurisdiction}; approved by legal, exported to ${shown(file)} (and .json), submission recorded`);
    }

    step('Legal: the duties that turn on a judgement');
    for (const duty of obligations.filter((o: Json) => o.recipient !== 'regulator' && o.recipient !== 'individuals')) {
      const reason = `Triggered only when ${duty.trigger}; the cause was a misconfiguration and nothing points to an intruder. Reassess if the investigation finds one.`;
      await api(legal, 'POST', `/incidents/${incidentId}/events`, { json: { type: 'OBLIGATION_NOT_REQUIRED', obligationId: duty.id, reason } });
      console.log(`${duty.id}: recorded as not required, with the reason`);
    }

    step('Where it stands');
    const incident = await api(responder, 'GET', `/incidents/${incidentId}`);
    const final = (await api(legal, 'GET', `/incidents/${incidentId}/obligations`)).obligations;
    console.log(`phase ${incident.phase}${incident.tracks === null ? ': every response track is done' : `; tracks ${JSON.stringify(incident.tracks)}`}`);
    console.table(final.map((o: Json) => ({ duty: o.id, status: o.status })));
    const verify = await api(admin, 'GET', '/audit/verify');
    console.log(`audit trail verified: ${verify.ok}; timeline: ${base}/api/v1/incidents/${incidentId}/timeline`);
  } finally {
    await breachline.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
