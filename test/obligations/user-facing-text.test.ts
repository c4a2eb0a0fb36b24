import { describe, expect, it } from 'vitest';
import { loadRegimes } from '../../src/obligations/load-regimes.js';
import type { Condition } from '../../src/obligations/condition-schema.js';

const { regimes } = await loadRegimes();

/**
 * Words that mark a research note rather than the law: doubts, where a fact was seen, guesses about
 * numbering. They belong in the regime files' YAML comments, never in what legal reads.
 */
const RESEARCH_NOTE = /UNCONFIRMED|\bunclear\b|\blikely becomes\b|\bsecondary (source|sources|notes|only|summar)|\bper (the )?(reference|notes)\b|\bfrom memory\b|\bseen in\b|\bnot (directly )?seen\b|\bthe reference\b|\bTODO\b|\bverify\b(?! compliance)|\?|->|>=|\(\d{4} text\)/i;

function conditionTexts(condition: Condition | undefined): string[] {
  if (condition === undefined) return [];
  return [
    condition.label,
    condition.judgement,
    ...(condition.allOf ?? []).flatMap(conditionTexts),
    ...(condition.anyOf ?? []).flatMap(conditionTexts),
    ...conditionTexts(condition.not),
  ].filter((text): text is string => text !== undefined);
}

/** Every string of a regime that the API or the console shows, named by where it sits. */
function userFacing(regime: (typeof regimes)[number]): Array<[string, string]> {
  const out: Array<[string, string]> = [[`${regime.id} name`, regime.name], ...(regime.notes ?? []).map((n, i): [string, string] => [`${regime.id} notes.${i}`, n])];
  for (const entry of regime.recipients) {
    const at = `${regime.id} ${entry.id}`;
    out.push([`${at} citation`, entry.citation], [`${at} trigger`, entry.trigger]);
    if (entry.authority !== null) out.push([`${at} authority`, entry.authority]);
    if (entry.deadline.note !== undefined) out.push([`${at} deadline.note`, entry.deadline.note]);
    for (const [i, note] of (entry.notes ?? []).entries()) out.push([`${at} notes.${i}`, note]);
    for (const item of [...entry.requiredContents, ...(entry.stages ?? []).flatMap((s) => s.requiredContents ?? [])]) {
      out.push([`${at} ${item.field} label`, item.label]);
      if (item.citation !== undefined) out.push([`${at} ${item.field} citation`, item.citation]);
    }
    for (const stage of entry.stages ?? []) {
      out.push([`${at} stage ${stage.id} name`, stage.name]);
      if (stage.note !== undefined) out.push([`${at} stage ${stage.id} note`, stage.note]);
      if (stage.deadline.note !== undefined) out.push([`${at} stage ${stage.id} deadline.note`, stage.deadline.note]);
    }
    for (const exemption of entry.exemptions) out.push([`${at} exemption ${exemption.id}`, `${exemption.description} ${exemption.citation}`]);
    for (const text of conditionTexts(entry.appliesWhen)) out.push([`${at} appliesWhen`, text]);
  }
  return out;
}

describe('what legal reads of the regime files', () => {
  it('carries no research notes: citations, authorities, labels and notes are clean text', () => {
    const noted = regimes.flatMap(userFacing).filter(([, text]) => RESEARCH_NOTE.test(text));
    expect(noted).toEqual([]);
  });

  it('names every source as a URL and the day it was checked, never in the citation', () => {
    for (const entry of regimes.flatMap((r) => r.recipients)) {
      expect(entry.citation).not.toMatch(/https?:|verified|checked/i);
      expect(entry.source.every((url) => /^https?:\/\//.test(url))).toBe(true);
    }
  });

  it('cites China’s Cybersecurity Law by the article in force since its amendment of 2026-01-01', () => {
    const csl = regimes.find((r) => r.id === 'cn-csl')!;
    for (const entry of csl.recipients) expect(entry.citation).toMatch(/Art\. 44\(2\)/);
  });
});
