import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOWS_DIR, loadRegimes, WorkflowFileError } from '../../src/obligations/load-regimes.js';
import { holidaysIn } from '../../src/obligations/holiday-calendar.js';
import type { HolidayCalendar } from '../../src/obligations/regime-schema.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
const shownAs = (name: string, file: string) => `test/obligations/fixtures/${name}/${file}`;

describe('loadRegimes on the real workflows/', () => {
  const loaded = loadRegimes();

  it('loads every regime file, each named for its id', async () => {
    const { regimes } = await loaded;
    const files = (await readdir(DEFAULT_WORKFLOWS_DIR)).filter((f) => f.endsWith('.yaml')).sort();
    expect(regimes.map((r) => `${r.id}.yaml`).sort()).toEqual(files);
    expect(regimes.map((r) => r.id)).toEqual(expect.arrayContaining(['cn-pipl', 'eu-gdpr', 'us-ca-1798.82', 'us-hipaa', 'us-nydfs-500']));
  });

  it('loads the US federal and Brazil national calendars by rule, so neither runs out of years', async () => {
    const { calendars } = await loaded;
    const us = calendars.get('us-federal');
    const br = calendars.get('br-national') as HolidayCalendar;
    expect(us?.rules?.map((r) => r.name)).toContain('Juneteenth National Independence Day');
    expect(us?.covers).toBeUndefined();
    expect(br.covers).toBeUndefined();
    // Good Friday follows Easter (3 April 2026, 26 March 2027); Consciência Negra (20 November) is national from 2024 (Lei 14.759/2023).
    expect([...holidaysIn(br, 2026)]).toEqual(expect.arrayContaining(['2026-04-03', '2026-11-20', '2026-04-21', '2026-12-25']));
    expect([...holidaysIn(br, 2027)]).toContain('2027-03-26');
    expect([...holidaysIn(br, 2023)]).not.toContain('2023-11-20');
    // Carnival (16 February 2026) and Corpus Christi (4 June 2026) are optional days (pontos facultativos), not national holidays.
    expect([...holidaysIn(br, 2026)]).not.toContain('2026-02-16');
    expect([...holidaysIn(br, 2026)]).not.toContain('2026-06-04');
  });

  it('says for every duty how firm its source is and the day it was checked, never a day to come', async () => {
    const { regimes } = await loaded;
    const today = new Date().toISOString().slice(0, 10);
    for (const entry of regimes.flatMap((r) => r.recipients)) {
      expect(['statute', 'regulator', 'secondary']).toContain(entry.verification);
      expect(entry.verifiedAt <= today, entry.id).toBe(true);
    }
  });
});

describe('loadRegimes on broken files', () => {
  it.each([
    ['bad-unit', 'eu-gdpr.yaml', 'recipients.0.deadline.unit: Invalid option'],
    ['bad-zone', 'fixture.yaml', 'timeZone: not a valid IANA time zone'],
    ['unknown-calendar', 'fixture.yaml', 'calendar: unknown holiday calendar "us-fed"'],
    ['business-days-without-calendar', 'fixture.yaml', 'calendar: recipients.0 counts business_days: name a holiday calendar'],
    ['bad-stage-ref', 'fixture.yaml', 'recipients.0.stages.0.deadline.from: no earlier stage "notification"'],
    ['bad-condition', 'fixture.yaml', 'recipients.0.appliesWhen: give exactly one of'],
    ['bad-category', 'fixture.yaml', 'recipients.0.appliesWhen.dataCategories.anyOf.1: Invalid option'],
    ['amount-for-open-unit', 'fixture.yaml', 'recipients.0.deadline.amount: promptly takes no amount (use null)'],
    ['unknown-key', 'fixture.yaml', 'recipients.0: Unrecognized key: "deadlines"'],
    ['bad-yaml', 'fixture.yaml', 'line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['duplicate-id', 'b.yaml', 'id: regime id "fixture" is used by another file'],
    ['bad-calendar', 'calendars/holidays.yaml', 'holidays.1.date: 2028-01-01 is outside the covered years'],
  ])('%s names the file, the path and the problem', async (name, file, problem) => {
    const error = await loadRegimes(fixture(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFileError);
    expect((error as Error).message).toContain(`${shownAs(name, file)}: ${problem}`);
  });

  it('loads a folder without calendars', async () => {
    const { regimes, calendars } = await loadRegimes(fixture('valid'));
    expect(regimes.map((r) => r.id)).toEqual(['fixture']);
    expect(calendars.size).toBe(0);
  });
});
