import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { authoritiesTable, coverageTable, withCoverageTables } from '../../src/obligations/coverage-table.js';
import { loadRegimes } from '../../src/obligations/load-regimes.js';

describe('the README coverage table', () => {
  it('is the one the rules base gives, so it cannot drift (regenerate with npm run coverage-table)', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const { regimes } = await loadRegimes();
    expect(withCoverageTables(readme, regimes)).toBe(readme);
  });

  it('has one row per regime, each with a source link and how it was verified', async () => {
    const { regimes } = await loadRegimes();
    const rows = coverageTable(regimes).split('\n').slice(2);
    expect(rows).toHaveLength(regimes.length);
    for (const row of rows) expect(row).toMatch(/\| \[[^\]]+\]\(https?:\/\/[^)]+\) \| (statute|regulator|secondary), \d{4}-\d{2}-\d{2} \|$/);
    // India's DPDP Act s 8(6) and Rule 7 start eighteen months after the Rules' publication on 13 November 2025.
    expect(rows.find((r) => r.includes('Digital Personal Data Protection'))).toContain('from 2027-05-13 (pending on 2026-12-07)');
    // Texas: the Attorney General hears of breaches touching 250 or more residents within 30 days (Tex. Bus. & Com. Code 521.053(i)).
    expect(rows.find((r) => r.includes('521.053'))).toContain('≥ 250: 30 days after discovery');
  });

  it('lists every country’s own authority with the languages it takes reports in', async () => {
    const { regimes } = await loadRegimes();
    const rows = authoritiesTable(regimes).split('\n').slice(2);
    const gdpr = rows.filter((r) => r.includes('| eu-gdpr regulator |'));
    // The GDPR binds the 27 EU member states and, through the EEA Agreement, Iceland, Liechtenstein and Norway.
    expect(gdpr).toHaveLength(30);
    expect(gdpr.find((r) => r.startsWith('| France |'))).toMatch(/\| fr \|/);
  });
});
