import { mkdtemp, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess } from '../src/obligations/assess.js';
import type { AssessmentFacts } from '../src/obligations/assessment-facts.js';
import { uncoveredJurisdictions } from '../src/obligations/coverage.js';
import { DEFAULT_WORKFLOWS_DIR, loadRegimes } from '../src/obligations/load-regimes.js';
import { compare, rate, type Comparison } from './measure.js';

const ASSESSMENTS = 2_000;
const LOADS = 20;
const NOW = new Date('2026-03-02T15:00:00Z');

/** The 54 US breach-notification jurisdictions: the 50 states, DC, Puerto Rico, Guam and the Virgin Islands. */
const US = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT',
  'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'GU', 'VI',
].map((code) => `US-${code}`);

/** The places outside the US the rules base answers for: the 30 EEA states and 34 more. */
const WORLD = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI',
  'SK', 'IS', 'LI', 'NO', 'GB', 'CH', 'CA', 'CA-QC', 'CA-AB', 'MX', 'BR', 'AR', 'CO', 'CL', 'PE', 'CN', 'HK', 'TW', 'JP', 'KR', 'SG', 'MY', 'ID', 'TH', 'VN',
  'PH', 'IN', 'AU', 'NZ', 'ZA', 'KE', 'NG', 'EG', 'IL', 'TR', 'SA', 'AE', 'QA',
];

const facts = (jurisdictions: string[]): AssessmentFacts => ({
  awarenessAt: NOW.toISOString(),
  organization: { hipaaCoveredEntity: true, insuranceLicensee: true },
  affected: jurisdictions.map((jurisdiction, i) => ({ jurisdiction, count: 600 + i * 37 })),
  dataCategories: ['name', 'national_id', 'health'],
  media: ['electronic'],
  encrypted: false,
});

/**
 * The engine's assessment of an incident touching every US jurisdiction against the whole rules
 * base, beside the smallest assessment there is: one jurisdiction against its one regime, in the same
 * run. And start-up's load of every regime file beside loading a folder with one file.
 */
export async function assessmentBenchmark(): Promise<Comparison[]> {
  const base = await loadRegimes();
  const washington = base.regimes.filter((r) => r.id === 'us-wa-rcw-19.255');
  const one = facts(['US-WA']);
  const all = facts(US);
  const single = () => assess(one, washington, base.calendars, NOW);
  const whole = () => {
    assess(all, base.regimes, base.calendars, NOW);
    uncoveredJurisdictions(all, base.regimes, NOW);
  };
  const world = { ...facts(WORLD), organization: { mainEstablishment: null } };
  const everywhere = () => {
    assess(world, base.regimes, base.calendars, NOW);
    uncoveredJurisdictions(world, base.regimes, NOW);
  };
  await rate(ASSESSMENTS / 4, single);
  await rate(ASSESSMENTS / 4, whole);
  await rate(ASSESSMENTS / 8, everywhere);
  const baseline = { name: '1 jurisdiction, 1 regime', unit: 'assessments/s', value: await rate(ASSESSMENTS, single) };
  const ours = { name: `54 US jurisdictions, all ${base.regimes.length} regimes`, unit: 'assessments/s', value: await rate(ASSESSMENTS, whole) };
  const obligations = assess(all, base.regimes, base.calendars, NOW).length;
  // Measured beside its own baseline, since this machine's speed drifts within a run.
  const worldBaseline = { name: '1 jurisdiction, 1 regime', unit: 'assessments/s', value: await rate(ASSESSMENTS, single) };
  const worldOurs = { name: `${WORLD.length} places outside the US, all ${base.regimes.length} regimes`, unit: 'assessments/s', value: await rate(ASSESSMENTS / 4, everywhere) };
  const worldObligations = assess(world, base.regimes, base.calendars, NOW).length;

  const folder = await mkdtemp(join(tmpdir(), 'breachline-one-regime-'));
  try {
    await copyFile(join(DEFAULT_WORKFLOWS_DIR, 'us-wa-rcw-19.255.yaml'), join(folder, 'us-wa-rcw-19.255.yaml'));
    const loadOne = { name: 'load 1 regime file', unit: 'loads/s', value: await rate(LOADS, () => loadRegimes(folder)) };
    const loadAll = { name: `load workflows/ (${base.regimes.length} regimes, ${base.calendars.size} calendars)`, unit: 'loads/s', value: await rate(LOADS, () => loadRegimes()) };
    return [
      compare(`assessment: every US jurisdiction (${obligations} obligations) vs one`, baseline, ours),
      compare(`assessment: every place outside the US (${worldObligations} obligations) vs one`, worldBaseline, worldOurs),
      compare('rules base: start-up load and validation', loadOne, loadAll),
    ];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
