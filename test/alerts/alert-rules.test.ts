import { describe, expect, it } from 'vitest';
import { groupKey, matches, opensIncident, snoozedUntil } from '../../src/alerts/alert-rules.js';
import { rulesSchema } from '../../src/alerts/source-schemas.js';

const labels = { alertname: 'DbPublic', env: 'prod', instance: 'pg-customers-1:9187' };

describe('alert rules', () => {
  it('matches labels with =, != and anchored =~, a missing label being empty', () => {
    expect(matches({ label: 'env', op: '=', value: 'prod' }, labels)).toBe(true);
    expect(matches({ label: 'env', op: '!=', value: 'prod' }, labels)).toBe(false);
    expect(matches({ label: 'instance', op: '=~', value: 'pg-.*' }, labels)).toBe(true);
    expect(matches({ label: 'instance', op: '=~', value: 'customers' }, labels)).toBe(false);
    expect(matches({ label: 'team', op: '=', value: '' }, labels)).toBe(true);
    expect(matches({ label: 'team', op: '!=', value: 'infra' }, labels)).toBe(true);
  });

  it('opens an incident when any rule matches: severity at or above, and every matcher', () => {
    const rules = rulesSchema.parse({ autoOpen: [{ minSeverity: 'high', matchers: [{ label: 'env', op: '=', value: 'prod' }] }, { minSeverity: 'critical' }] });
    expect(opensIncident(rules, { severity: 'high', labels })).toBe(true);
    expect(opensIncident(rules, { severity: 'medium', labels })).toBe(false);
    expect(opensIncident(rules, { severity: 'high', labels: { ...labels, env: 'staging' } })).toBe(false);
    expect(opensIncident(rules, { severity: 'critical', labels: { ...labels, env: 'staging' } })).toBe(true);
    expect(opensIncident(rulesSchema.parse({}), { severity: 'critical', labels })).toBe(false);
  });

  it('snoozes until the latest unexpired matching snooze, and groups by the chosen labels', () => {
    const rules = rulesSchema.parse({
      groupBy: ['alertname', 'cluster'],
      snoozes: [
        { matchers: [{ label: 'env', op: '=', value: 'prod' }], until: '2026-11-20T10:00:00+01:00', reason: 'maintenance' },
        { matchers: [{ label: 'env', op: '=~', value: 'prod|staging' }], until: '2026-11-20T08:30:00Z', reason: 'migration' },
        { matchers: [{ label: 'env', op: '=', value: 'dev' }], until: '2026-11-21T00:00:00Z', reason: 'noise' },
      ],
    });
    expect(snoozedUntil(rules, labels, new Date('2026-11-20T08:00:00Z'))).toBe('2026-11-20T09:00:00.000Z');
    expect(snoozedUntil(rules, labels, new Date('2026-11-20T09:00:00Z'))).toBeNull();
    expect(groupKey(rules, labels)).toBe('["DbPublic",""]');
    expect(groupKey(rulesSchema.parse({}), labels)).toBeNull();
  });

  it('refuses a regex that does not compile, naming the field', () => {
    const parsed = rulesSchema.safeParse({ autoOpen: [{ matchers: [{ label: 'env', op: '=~', value: '(' }] }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['autoOpen.0.matchers.0.value']);
  });
});
