/**
 * Which affected people a regime's territory covers. Regimes name ISO 3166 codes or one of the
 * regions below; people are recorded by country (`DE`) or subdivision (`US-CA`), so membership is
 * derived here rather than listed in every regime file.
 */
const EU_MEMBERS = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

/** Iceland, Liechtenstein and Norway apply EU law that the EEA Agreement has incorporated. */
const EEA_MEMBERS = [...EU_MEMBERS, 'IS', 'LI', 'NO'] as const;

export const REGIONS: Readonly<Record<string, readonly string[]>> = { EU: EU_MEMBERS, EEA: EEA_MEMBERS };

export const isRegion = (code: string): boolean => Object.hasOwn(REGIONS, code);

export const countryOf = (jurisdiction: string): string => jurisdiction.slice(0, 2);

/** Whether people resident in `affected` fall under a regime that names `territory`. */
export function covers(territory: string, affected: string): boolean {
  const region = REGIONS[territory];
  if (region !== undefined) return region.includes(countryOf(affected));
  if (territory.length === 2) return countryOf(affected) === territory;
  return affected === territory;
}

/**
 * The jurisdiction an obligation is owed in: a region's duty is owed per member country (GDPR to
 * each country's authority), while a country-wide rule keeps the subdivision people were recorded
 * in, because some of its duties count residents state by state (HIPAA media notice).
 */
export const obligationJurisdiction = (territory: string, affected: string): string =>
  isRegion(territory) ? countryOf(affected) : affected;

/** Why the people in `affected` count for `territory`, when that is not plain from the codes. */
export function derivation(territory: string, affected: string): string | null {
  if (territory === affected) return null;
  if (isRegion(territory)) return `${countryOf(affected)} is an ${territory} member state`;
  return `${affected} is part of ${territory}`;
}
