import { describe, expect, it } from 'vitest';
import { severityFromWord } from '../../src/alerts/alert-severity.js';

describe('severityFromWord', () => {
  it('maps the words monitoring systems use, and anything else to medium', () => {
    expect(severityFromWord(' P1 ')).toBe('critical');
    expect(severityFromWord('warning')).toBe('medium');
    expect(severityFromWord(undefined)).toBe('medium');
    // Label values are untrusted: prototype member names are just unknown words.
    for (const word of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(severityFromWord(word)).toBe('medium');
  });
});
