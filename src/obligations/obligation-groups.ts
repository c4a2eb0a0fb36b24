import { jurisdictionName } from '../lifecycle/jurisdiction-codes.js';
import type { AssessedObligation } from './assess.js';
import type { Recipient } from './regime-schema.js';

/**
 * The duties of one kind of recipient in one jurisdiction, read as one line: "Notify individuals in
 * China: PIPL Art. 57, DSL Art. 29, CSL Art. 44(2), NDSMR Art. 11(2), immediately". Each duty keeps
 * its own status and report; a group only orders and names them, so legal reads one row per
 * audience rather than one per law.
 */
export interface ObligationGroup {
  /** `<recipient>:<jurisdiction>`. */
  id: string;
  recipient: Recipient;
  jurisdiction: string;
  /** The jurisdiction's name in English ("China"); the code itself for a subdivision. */
  jurisdictionName: string;
  /** Obligation ids, the most pressing first. */
  duties: string[];
  /** Each duty's citation, in the same order. */
  citations: string[];
  /** Any duty demands action now ("immediately", "without undue delay"). */
  urgent: boolean;
  /** The earliest fixed due time among them; null when none has one. */
  dueAt: string | null;
}

/** A fixed clock that runs out within this long is more pressing than an open "immediately". */
const PRESSING_MS = 24 * 3_600_000;

/**
 * Most pressing first: a fixed due time within a day (the CAC's 4 hours), then "immediately"
 * duties, then later due times, then duties with no due time yet; ties by id.
 */
export function byPressure(now: Date): (a: AssessedObligation, b: AssessedObligation) => number {
  const rank = (o: AssessedObligation) => {
    if (o.dueAt !== null && Date.parse(o.dueAt) - now.getTime() <= PRESSING_MS) return 0;
    if (o.urgent) return 1;
    return o.dueAt !== null ? 2 : 3;
  };
  return (a, b) => rank(a) - rank(b) || (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.id.localeCompare(b.id);
}


/** The duties grouped by recipient and jurisdiction, groups and duties in each the most pressing first. */
export function groupObligations(obligations: readonly AssessedObligation[], now: Date): ObligationGroup[] {
  const order = byPressure(now);
  const groups = new Map<string, AssessedObligation[]>();
  for (const obligation of obligations) {
    const id = `${obligation.recipient}:${obligation.jurisdiction}`;
    groups.set(id, [...(groups.get(id) ?? []), obligation]);
  }
  return [...groups.entries()]
    .map(([id, members]) => ({ id, members: [...members].sort(order) }))
    .sort((a, b) => order(a.members[0] as AssessedObligation, b.members[0] as AssessedObligation))
    .map(({ id, members }) => {
      const first = members[0] as AssessedObligation;
      const due = members.map((m) => m.dueAt).filter((d) => d !== null).sort();
      return {
        id,
        recipient: first.recipient,
        jurisdiction: first.jurisdiction,
        jurisdictionName: jurisdictionName(first.jurisdiction),
        duties: members.map((m) => m.id),
        citations: members.map((m) => m.citation),
        urgent: members.some((m) => m.urgent),
        dueAt: due[0] ?? null,
      };
    });
}
