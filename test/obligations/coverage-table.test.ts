import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { coverageTable, withCoverageTable } from '../../src/obligations/coverage-table.js';
import { loadRegimes } from '../../src/obligations/load-regimes.js';

describe('the README coverage table', () => {
  it('is the one the rules base gives, so it cannot drift (regenerate with npm run coverage-table)', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const { regimes } = await loadRegimes();
    expect(withCoverageTable(readme, coverageTable(regimes))).toBe(readme);
  });

  it('has one row per regime, each with a source link and how it was verified', async () => {
    const { regimes } = await loadRegimes();
    const rows = coverageTable(regimes).split('\n').slice(2);
    expect(rows).toHaveLength(regimes.length);
    for (const row of rows) expect(row).toMatch(/\| \[[^\]]+\]\(https?:\/\/[^)]+\) \| (statute|regulator|secondary), \d{4}-\d{2}-\d{2} \|$/);
    // Texas: the Attorney General hears of breaches touching 250 or more residents within 30 days (Tex. Bus. & Com. Code 521.053(i)).
    expect(rows.find((r) => r.includes('521.053'))).toContain('≥ 250: 30 days after discovery');
  });
});
