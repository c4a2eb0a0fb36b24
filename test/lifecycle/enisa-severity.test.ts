import { describe, expect, it } from 'vitest';
import { enisaSeveritySchema, riskOfBand, scoreSeverity } from '../../src/lifecycle/enisa-severity.js';

// ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches
// (v1.0, December 2013): SE = DPC x EI + CB; below 2 low, from 2 medium, from 3 high, from 4 very high.
const score = (dpc: number, ei: number, c = 0, i = 0, a = 0, m = 0) =>
  scoreSeverity(enisaSeveritySchema.parse({ method: 'enisa-2013', dataProcessingContext: dpc, easeOfIdentification: ei, circumstances: { confidentiality: c, integrity: i, availability: a, maliciousIntent: m } }));

describe('ENISA data breach severity', () => {
  it('multiplies the context by the ease of identification and adds the circumstances', () => {
    expect(score(2, 0.75, 0.25, 0, 0.25, 0.5)).toEqual({ score: 2.5, band: 'medium' });
  });

  it('puts each band edge in the higher band', () => {
    expect(score(1, 1, 0.5, 0.25, 0, 0).band).toBe('low'); // 1.75
    expect(score(1, 1, 0.5, 0.5, 0, 0).band).toBe('medium'); // 2
    expect(score(2, 1, 0.5, 0.25, 0.25, 0).band).toBe('high'); // 3
    expect(score(3, 1, 0.5, 0, 0, 0.5).band).toBe('veryHigh'); // 4
    expect(score(4, 1, 0.5, 0.5, 0.5, 0.5)).toEqual({ score: 6, band: 'veryHigh' });
  });

  it('reads low as unlikely to result in a risk, medium as a risk, high and very high as a high risk', () => {
    expect(['low', 'medium', 'high', 'veryHigh'].map((b) => riskOfBand(b as never))).toEqual(['unlikely', 'risk', 'high', 'high']);
  });

  it('refuses values the method does not have', () => {
    expect(enisaSeveritySchema.safeParse({ method: 'enisa-2013', dataProcessingContext: 5, easeOfIdentification: 1, circumstances: { confidentiality: 0, integrity: 0, availability: 0, maliciousIntent: 0 } }).success).toBe(false);
    expect(enisaSeveritySchema.safeParse({ method: 'enisa-2013', dataProcessingContext: 2, easeOfIdentification: 0.6, circumstances: { confidentiality: 0, integrity: 0, availability: 0, maliciousIntent: 0 } }).success).toBe(false);
    expect(enisaSeveritySchema.safeParse({ method: 'enisa-2013', dataProcessingContext: 2, easeOfIdentification: 1, circumstances: { confidentiality: 0, integrity: 0, availability: 0, maliciousIntent: 0.25 } }).success).toBe(false);
  });
});
