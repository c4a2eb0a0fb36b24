import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlerts, type Alerts } from '../../src/alerts/alerts-module.js';
import type { NormalizedAlert } from '../../src/alerts/normalized-alert.js';
import { IncidentService } from '../../src/lifecycle/incident-service.js';
import { admin, responder } from '../support/actors.js';
import { manualClock } from '../support/clock.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb;
let alerts: Alerts;
let incidents: IncidentService;
const clock = manualClock('2026-11-20T08:00:00Z');
beforeEach(async () => {
  t = await tempDb();
  clock.set('2026-11-20T08:00:00Z');
  incidents = new IncidentService(t.db.kysely, clock);
  alerts = createAlerts(t.db.kysely, incidents, new Registry(), clock);
});
afterEach(() => t.cleanup());

const alert = (dedupKey: string, labels: Record<string, string>, extra: Partial<NormalizedAlert> = {}): NormalizedAlert => ({
  dedupKey,
  title: `alert ${dedupKey}`,
  severity: 'critical',
  status: 'firing',
  occurredAt: '2026-11-20T07:59:00.000Z',
  labels,
  details: {},
  raw: { dedupKey },
  ...extra,
});

async function source(rules: unknown) {
  await alerts.sources.create({ name: 'prom', kind: 'alertmanager', rules }, admin);
  return (await alerts.sources.byName('prom'))!;
}

const MINUTE = 60_000;

describe('grouping and snoozing', () => {
  it('puts alerts that share the group labels on one incident while the window since the last join is open', async () => {
    const prom = await source({ autoOpen: [{ minSeverity: 'high' }], groupBy: ['service'], groupWindowMinutes: 60 });
    const [a] = await alerts.intake.ingest(prom, [alert('a', { service: 'crm' })]);
    clock.advance(50 * MINUTE);
    const [b, other] = await alerts.intake.ingest(prom, [alert('b', { service: 'crm' }), alert('c', { service: 'api' })]);
    expect(b!.incidentId).toBe(a!.incidentId);
    expect(other!.incidentId).not.toBe(a!.incidentId);
    // 50 min after the first but 61 after the last join: the window slides with each join, so this is a new incident.
    clock.advance(61 * MINUTE);
    const [late] = await alerts.intake.ingest(prom, [alert('d', { service: 'crm' })]);
    expect(late!.incidentId).not.toBe(a!.incidentId);
    // A repeat of a linked alert neither moves it nor links it again.
    const [again] = await alerts.intake.ingest(prom, [alert('a', { service: 'crm' })]);
    expect(again).toMatchObject({ outcome: 'deduplicated', incidentId: a!.incidentId });
    const first = await incidents.get(a!.incidentId!);
    expect(first.alerts.map((x) => x.alertId)).toEqual([a!.id, b!.id]);
    expect(first.severity).toBe('critical');
  });

  it('starts a new incident when the group’s incident was dismissed, and leaves low alerts alone', async () => {
    const prom = await source({ autoOpen: [{ minSeverity: 'high' }], groupBy: ['service'] });
    const [a] = await alerts.intake.ingest(prom, [alert('a', { service: 'crm' })]);
    await incidents.send(a!.incidentId!, { type: 'DISMISS', reason: 'test traffic' }, { actor: responder });
    const [b, low] = await alerts.intake.ingest(prom, [alert('b', { service: 'crm' }), alert('low', { service: 'crm' }, { severity: 'medium' })]);
    expect(b!.incidentId).not.toBeNull();
    expect(b!.incidentId).not.toBe(a!.incidentId);
    expect(low).toMatchObject({ outcome: 'created', incidentId: null });
    // The resolve of the alert on the dismissed incident is stored; the incident takes no event.
    const [resolved] = await alerts.intake.ingest(prom, [alert('a', { service: 'crm' }, { status: 'resolved' })]);
    expect(resolved).toMatchObject({ outcome: 'resolved', status: 'resolved', incidentId: a!.incidentId });
    expect((await incidents.timeline(a!.incidentId!)).map((e) => e.type)).toEqual(['CREATED', 'ALERT_LINKED', 'DISMISS']);
  });

  it('stores snoozed alerts without opening incidents, and opens one on the first repeat after the snooze ends', async () => {
    const prom = await source({
      autoOpen: [{ minSeverity: 'high' }],
      snoozes: [{ matchers: [{ label: 'env', op: '=', value: 'staging' }], until: '2026-11-20T09:00:00Z', reason: 'load test' }],
    });
    const [first] = await alerts.intake.ingest(prom, [alert('s', { env: 'staging' })]);
    expect(first).toMatchObject({ outcome: 'snoozed', incidentId: null });
    const [repeat] = await alerts.intake.ingest(prom, [alert('s', { env: 'staging' })]);
    expect(repeat).toMatchObject({ outcome: 'snoozed', incidentId: null });
    const stored = await alerts.query.get(first!.id!);
    expect(stored).toMatchObject({ count: 2, snoozedUntil: '2026-11-20T09:00:00.000Z' });
    clock.set('2026-11-20T09:00:01Z');
    const [after] = await alerts.intake.ingest(prom, [alert('s', { env: 'staging' })]);
    expect(after!.outcome).toBe('deduplicated');
    expect(after!.incidentId).not.toBeNull();
  });
});
