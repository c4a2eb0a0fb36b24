import { NotFoundError } from '../errors.js';
import type { Regime, RegimeRecipient } from '../obligations/regime-schema.js';

type Stage = NonNullable<RegimeRecipient['stages']>[number];

/** One item of a report as a regulator's portal form asks for it. */
export interface ReportItem {
  field: string;
  label: string;
  citation: string | null;
  /** What the approved version says; null when it says nothing (an optional item, or one the form satisfies). */
  value: string | null;
}

/** The regime file's duty behind an obligation, and the stage a report answers. */
export interface ReportDuty {
  regime: Regime;
  entry: RegimeRecipient;
  stage: Stage | null;
}

/** Obligation ids are `<regime>:<entry>:<jurisdiction>` (see the obligations engine). */
export function reportDuty(regimes: readonly Regime[], obligationId: string, stageId: string | null): ReportDuty {
  const [regimeId, entryId] = obligationId.split(':');
  const regime = regimes.find((r) => r.id === regimeId);
  const entry = regime?.recipients.find((e) => e.id === entryId);
  if (regime === undefined || entry === undefined) throw new NotFoundError(`no regime file defines obligation ${obligationId} any more`);
  const stage = stageId === null ? null : (entry.stages?.find((s) => s.id === stageId) ?? null);
  return { regime, entry, stage };
}

/**
 * The items the regime file requires of this report, in its order, with the version's values. A
 * stage with its own list (NIS2's early warning) uses that list; otherwise the duty's list applies,
 * which is the rule the drafts are checked against.
 */
export function reportItems(duty: ReportDuty, values: Readonly<Record<string, string>>): ReportItem[] {
  const own = duty.stage?.requiredContents ?? [];
  const contents = own.length > 0 ? own : duty.entry.requiredContents;
  return contents.map((item) => {
    const value = values[item.field]?.trim();
    return { field: item.field, label: item.label, citation: item.citation ?? null, value: value === undefined || value === '' ? null : value };
  });
}
