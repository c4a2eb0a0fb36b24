import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { Regime, RegimeRecipient } from '../../obligations/regime-schema.js';

/** Which report: a regime, which of its regulator duties, and which stage of a staged duty. */
export interface ReportTarget {
  regime: string;
  /** An obligation id (`eu-gdpr:regulator:DE`) or a recipient entry id; needed when the regime has several regulator duties. */
  obligation?: string;
  /** A stage id (`earlyWarning`) or an assessed stage id ending in it; needed when the duty is staged. */
  stage?: string;
}

export interface ResolvedReport {
  regime: Regime;
  entry: RegimeRecipient;
  stage: NonNullable<RegimeRecipient['stages']>[number] | null;
  jurisdiction: string | null;
}

const invalid = (path: string, message: string) => new InvalidInputError(message, [{ path, message }]);

export const regimesWithReports = (definitions: readonly Regime[]): Regime[] =>
  definitions.filter((r) => r.recipients.some((e) => e.recipient === 'regulator'));

export function resolveReport(definitions: readonly Regime[], target: ReportTarget): ResolvedReport {
  const regime = regimesWithReports(definitions).find((r) => r.id === target.regime);
  if (regime === undefined) {
    throw new NotFoundError(`no regulator report for regime "${target.regime}" (known: ${regimesWithReports(definitions).map((r) => r.id).join(', ')})`);
  }
  const entries = regime.recipients.filter((e) => e.recipient === 'regulator');
  // Obligation ids are `<regime>:<entry>:<jurisdiction>`; regime ids never hold a colon.
  const [first, entryPart, jurisdiction] = (target.obligation ?? '').split(':');
  if (entryPart !== undefined && first !== regime.id) throw invalid('obligation', `obligation "${target.obligation}" is not of regime ${regime.id}`);
  const entryId = entryPart ?? (target.obligation === undefined || target.obligation === '' ? null : first);
  const entryNames = entries.map((e) => e.id).join(', ');
  if (entryId === null && entries.length > 1) throw invalid('obligation', `${regime.id} has several regulator duties: name one of ${entryNames}`);
  const entry = entryId === null ? entries[0] : entries.find((e) => e.id === entryId);
  if (entry === undefined) throw invalid('obligation', `unknown regulator duty "${entryId}" of ${regime.id} (known: ${entryNames})`);
  const stages = entry.stages ?? [];
  const stageId = target.stage?.split(':').pop();
  if (stages.length === 0) {
    if (stageId !== undefined) throw invalid('stage', `${regime.id} ${entry.id} has no stages`);
    return { regime, entry, stage: null, jurisdiction: jurisdiction ?? null };
  }
  const stage = stages.find((s) => s.id === stageId);
  if (stage === undefined) {
    const known = stages.map((s) => s.id).join(', ');
    throw invalid('stage', `${stageId === undefined ? 'no stage given' : `unknown stage "${stageId}"`} for ${regime.id} ${entry.id} (known: ${known})`);
  }
  return { regime, entry, stage, jurisdiction: jurisdiction ?? null };
}
