import { z } from 'zod';

/**
 * The severity of a personal data breach as ENISA's method scores it ("Recommendations for a
 * methodology of the assessment of severity of personal data breaches", v1.0, December 2013):
 * SE = DPC x EI + CB. Legal scores the three criteria; the product only does the arithmetic and
 * reads the band, so a finding always shows the figures it rests on.
 *
 * - DPC, the data processing context: 1 (simple data) to 4 (sensitive data), after legal's
 *   adjustments for volume, the controller's nature, vulnerable people, age or public availability.
 * - EI, the ease of identification: 0.25 negligible, 0.5 limited, 0.75 significant, 1 maximum.
 * - CB, the circumstances: loss of confidentiality, integrity and availability each 0, 0.25 or 0.5,
 *   and 0.5 more for malicious intent.
 */
const quarterOrHalf = z.union([z.literal(0), z.literal(0.25), z.literal(0.5)], { error: 'must be 0 (none), 0.25 or 0.5' });

export const enisaSeveritySchema = z
  .object({
    // The one method scored so far; naming it keeps a later method's scores apart.
    method: z.literal('enisa-2013').default('enisa-2013'),
    dataProcessingContext: z.number({ error: 'score the data processing context: a number from 1 to 4' }).min(1).max(4),
    easeOfIdentification: z.union([z.literal(0.25), z.literal(0.5), z.literal(0.75), z.literal(1)], {
      error: 'score the ease of identification: 0.25 (negligible), 0.5 (limited), 0.75 (significant) or 1 (maximum)',
    }),
    circumstances: z
      .object(
        {
          confidentiality: quarterOrHalf,
          integrity: quarterOrHalf,
          availability: quarterOrHalf,
          maliciousIntent: z.union([z.literal(0), z.literal(0.5)], { error: 'must be 0 (no) or 0.5 (yes)' }),
        },
        { error: 'score the circumstances: loss of confidentiality, integrity and availability, and malicious intent' },
      )
      .strict(),
  })
  .strict();
export type EnisaSeverity = z.infer<typeof enisaSeveritySchema>;

export const SEVERITY_BANDS = ['low', 'medium', 'high', 'veryHigh'] as const;
export type SeverityBand = (typeof SEVERITY_BANDS)[number];

export interface SeverityScore {
  score: number;
  band: SeverityBand;
}

/** The score and its band: below 2 low, below 3 medium, below 4 high, else very high. */
export function scoreSeverity(severity: EnisaSeverity): SeverityScore {
  const { confidentiality, integrity, availability, maliciousIntent } = severity.circumstances;
  // Quarters add exactly in binary floating point, so the bands' edges compare without rounding.
  const score = severity.dataProcessingContext * severity.easeOfIdentification + confidentiality + integrity + availability + maliciousIntent;
  const band: SeverityBand = score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'veryHigh';
  return { score, band };
}

/**
 * The GDPR risk a band reads as, when legal records a score without a risk of its own: ENISA's low
 * band (people unaffected or put to a few inconveniences) as unlikely to result in a risk, medium
 * (significant inconveniences) as a risk, high and very high (significant, perhaps irreversible,
 * consequences) as a high risk. Legal may record another risk with the score; theirs stands.
 */
export const riskOfBand = (band: SeverityBand): 'unlikely' | 'risk' | 'high' => (band === 'low' ? 'unlikely' : band === 'medium' ? 'risk' : 'high');
