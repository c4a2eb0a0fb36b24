import { describe, expect, it } from 'vitest';
import { covers, derivation, obligationJurisdiction } from '../../src/obligations/jurisdictions.js';

describe('covers', () => {
  it.each([
    ['EEA', 'DE', true],
    ['EEA', 'NO', true],
    ['EU', 'NO', false],
    ['EEA', 'GB', false],
    ['EEA', 'DE-BY', true],
    ['GB', 'GB', true],
    ['US', 'US-CA', true],
    ['US', 'US', true],
    ['US-CA', 'US', false],
    ['US-CA', 'US-TX', false],
    ['CA', 'US-CA', false],
    ['CN', 'CN', true],
  ])('%s covers %s: %s', (territory, affected, expected) => {
    expect(covers(territory, affected)).toBe(expected);
  });
});

describe('obligationJurisdiction and derivation', () => {
  it('owes a region duty to the member country', () => {
    expect(obligationJurisdiction('EEA', 'DE-BY')).toBe('DE');
    expect(derivation('EEA', 'DE')).toBe('DE is an EEA member state');
  });
  it('keeps the US state for a US-wide rule', () => {
    expect(obligationJurisdiction('US', 'US-CA')).toBe('US-CA');
    expect(derivation('US', 'US-CA')).toBe('US-CA is part of US');
    expect(derivation('CN', 'CN')).toBeNull();
  });
});
