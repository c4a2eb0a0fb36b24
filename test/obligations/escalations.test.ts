import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { legal, responder } from '../support/actors.js';
import { manualClock } from '../support/clock.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb;
let sink: SmtpSink;
let runtime: Runtime;
const clock = manualClock('2026-03-06T10:00:00.000Z');

beforeEach(async () => {
  t = await tempDb();
  await t.db.close();
  sink = await startSmtpSink();
  clock.set('2026-03-06T10:00:00.000Z');
  // A long interval: the test drives each pass itself with a moving clock.
  const config = loadConfig({ DATABASE_URL: t.url, SMTP_URL: sink.url, SCHEDULER_INTERVAL_MS: '3600000', ESCALATION_TO: 'privacy-team@example.com' });
  runtime = await startRuntime(config, pino({ level: 'silent' }), clock);
});
afterEach(async () => {
  await runtime.stop();
  await sink.close();
  await t.cleanup();
});

const subjects = () => sink.received.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);

describe('escalations', () => {
  it('assesses on confirmation, then mails the responders when a duty is due soon and when it is overdue', async () => {
    const { id } = await runtime.incidents.create({ title: 'CRM export leaked', severity: 'high' }, responder);
    await runtime.incidents.send(id, { type: 'SET_RESPONDERS', responders: [{ name: 'Ana', email: 'ana@example.com' }] }, { actor: responder });
    await runtime.incidents.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T10:00:00Z' }, { actor: responder });
    const scoped = await runtime.incidents.send(id, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 40_000 }], dataCategories: ['contact'] }, { actor: responder });
    const gdpr = scoped.obligations.find((o) => o.id === 'eu-gdpr:regulator:DE');
    expect(gdpr).toMatchObject({ dueAt: '2026-03-09T10:00:00.000Z', dueSoonAt: '2026-03-08T16:00:00.000Z', status: 'pending' });
    expect(await runtime.incidents.pendingDeadlines(id)).toEqual([
      { key: 'obligation:eu-gdpr:regulator:DE:due-soon', dueAt: '2026-03-08T16:00:00.000Z' },
      { key: 'obligation:eu-gdpr:regulator:DE', dueAt: '2026-03-09T10:00:00.000Z' },
    ]);

    clock.set('2026-03-08T16:30:00.000Z');
    expect(await runtime.scheduler.tick()).toBe(1);
    expect(await runtime.outbox.tick()).toBe(1);
    expect(sink.received[0]?.to).toEqual(['ana@example.com']);
    expect(subjects()).toEqual(['[Breachline] Due soon: eu-gdpr regulator (DE) - CRM export leaked']);

    clock.set('2026-03-09T10:00:01.000Z');
    expect(await runtime.scheduler.tick()).toBe(1);
    expect(await runtime.outbox.tick()).toBe(1);
    expect(subjects()[1]).toBe('[Breachline] OVERDUE: eu-gdpr regulator (DE) - CRM export leaked');
    expect(sink.received[1]?.raw).toContain('have legal record why it is not required');

    const view = runtime.obligations.forIncident(await runtime.incidents.get(id)).find((o) => o.id === 'eu-gdpr:regulator:DE');
    expect(view).toMatchObject({ status: 'missed', overdueSince: '2026-03-09T10:00:01.000Z', dueAtLocal: '2026-03-09T11:00:00.000+01:00' });
    const fired = (await runtime.incidents.timeline(id)).filter((e) => e.type === 'DEADLINE_REACHED');
    expect(fired.map((e) => e.payload.key)).toEqual(['obligation:eu-gdpr:regulator:DE:due-soon', 'obligation:eu-gdpr:regulator:DE']);
  });

  it('falls back to ESCALATION_TO, and a settled duty stops escalating', async () => {
    const { id } = await runtime.incidents.create({ title: 'Leak', severity: 'high' }, responder);
    await runtime.incidents.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T10:00:00Z' }, { actor: responder });
    await runtime.incidents.send(id, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 10 }], dataCategories: ['contact'] }, { actor: responder });
    clock.set('2026-03-08T17:00:00.000Z');
    await runtime.scheduler.tick();
    await runtime.outbox.tick();
    expect(sink.received.map((m) => m.to)).toEqual([['privacy-team@example.com']]);
    await runtime.incidents.send(id, { type: 'OBLIGATION_NOT_REQUIRED', obligationId: 'eu-gdpr:regulator:DE', reason: 'unlikely to result in a risk' }, { actor: legal });
    clock.set('2026-03-10T00:00:00.000Z');
    expect(await runtime.scheduler.tick()).toBe(0);
    expect(await runtime.incidents.pendingDeadlines(id)).toEqual([]);
  });
});
