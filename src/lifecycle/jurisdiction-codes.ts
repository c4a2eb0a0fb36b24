import { iso31661, iso31662 } from 'iso-3166';

/**
 * The codes people can be recorded under: assigned ISO 3166-1 alpha-2 countries (`DE`) and ISO
 * 3166-2 subdivisions (`US-CA`). A made-up code (`US-ZZ`, `XX`) would silently match no rules, so
 * it is refused where it is entered.
 */
const COUNTRIES = new Set(iso31661.map((country) => country.alpha2));
const SUBDIVISIONS = new Map(iso31662.map((subdivision) => [subdivision.code, subdivision.name]));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export const isIsoJurisdiction = (code: string): boolean => COUNTRIES.has(code) || SUBDIVISIONS.has(code);

/**
 * The code's English name as people say it: "Tuvalu", "United Kingdom"; a subdivision with its
 * country's code, "Georgia (US)", so that it is not taken for the country.
 */
export function jurisdictionName(code: string): string {
  const subdivision = SUBDIVISIONS.get(code);
  if (subdivision !== undefined) return `${subdivision} (${code.slice(0, 2)})`;
  // Intl knows the EU (UN M.49 has it) but not the EEA, which regimes also name.
  if (code === 'EEA') return 'European Economic Area';
  return regionNames.of(code) ?? code;
}
