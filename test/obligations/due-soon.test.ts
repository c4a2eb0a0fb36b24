import { describe, expect, it } from 'vitest';
import { dueSoonAt } from '../../src/obligations/due-soon.js';

describe('dueSoonAt', () => {
  it.each([
    ['72-hour window: a quarter (18 h) before due', '2026-03-06T10:00:00.000Z', '2026-03-09T10:00:00.000Z', '2026-03-08T16:00:00.000Z'],
    ['5-hour window: a quarter (75 min) before due', '2026-03-06T10:00:00.000Z', '2026-03-06T15:00:00.000Z', '2026-03-06T13:45:00.000Z'],
    ['4-hour window: one hour before due', '2026-03-06T10:00:00.000Z', '2026-03-06T14:00:00.000Z', '2026-03-06T13:00:00.000Z'],
    ['2-hour window: one hour before due', '2026-03-06T10:00:00.000Z', '2026-03-06T12:00:00.000Z', '2026-03-06T11:00:00.000Z'],
    ['1-hour window: due soon from the start', '2026-03-06T10:00:00.000Z', '2026-03-06T11:00:00.000Z', '2026-03-06T10:00:00.000Z'],
    ['30-minute window: never before the start', '2026-03-06T10:00:00.000Z', '2026-03-06T10:30:00.000Z', '2026-03-06T10:00:00.000Z'],
  ])('%s', (_name, start, due, expected) => {
    expect(dueSoonAt(new Date(start), due)).toBe(expected);
  });
});
