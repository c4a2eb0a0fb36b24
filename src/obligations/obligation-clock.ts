import { InvalidInputError } from '../errors.js';
import type { AssessmentFacts } from './assessment-facts.js';
import { dueInstant, localStart } from './deadline-math.js';
import { CalendarGapError } from './holiday-calendar.js';
import { dueSoonAt } from './due-soon.js';
import { isCounted, isUrgentUnit, stageRef, type DeadlineSpec, type HolidayCalendar } from './regime-schema.js';

export interface ClockOutcome {
  /** The amount after any multiplier (LGPD small processing agents count double). */
  amount: number | null;
  dueAt: string | null;
  dueSoonAt: string | null;
  urgent: boolean;
  /** Facts that must be known before the due time can be computed (or can move earlier). */
  missingFacts: string[];
}

export interface ClockContext {
  facts: AssessmentFacts;
  zone: string;
  calendar: HolidayCalendar | undefined;
  /** Prefix of stage ids, for clocks that start when an earlier stage was submitted. */
  obligationId: string;
  /** The regime's own assessment instant (regimeAssessedAt) stands in for assessedNotifiableAt. */
  regimeId: string;
}

interface Start {
  at: Date | null;
  fact: string;
}

function factValue(from: string, context: ClockContext): unknown {
  const own = from === 'assessedNotifiableAt' ? context.facts.regimeAssessedAt?.[context.regimeId] : undefined;
  return own ?? context.facts[from as keyof AssessmentFacts];
}

function startOf(from: string, context: ClockContext): Start {
  const stage = stageRef(from);
  const fact = stage === null ? from : `stagesSubmittedAt.${context.obligationId}:${stage}`;
  const value = stage === null ? factValue(from, context) : context.facts.stagesSubmittedAt?.[`${context.obligationId}:${stage}`];
  if (typeof value !== 'string') return { at: null, fact };
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new InvalidInputError(`${fact} is not an instant`, [{ path: fact, message: 'not an ISO-8601 instant' }]);
  return { at, fact };
}

interface Count {
  due: string;
  soon: string;
}

/** Counts one limit; a year the holiday calendar lacks becomes a missing fact, not a guess. */
function count(start: Date, amount: number, spec: Pick<DeadlineSpec, 'unit' | 'anchor'>, context: ClockContext, missing: string[]): Count | null {
  if (!isCounted(spec.unit)) return null;
  try {
    const due = dueInstant(start, amount, spec.unit, { zone: context.zone, calendar: context.calendar, anchor: spec.anchor });
    const clockStart = spec.anchor === undefined ? start : localStart(start, context.zone, spec.anchor).toJSDate();
    return { due, soon: dueSoonAt(clockStart, due) };
  } catch (error) {
    if (!(error instanceof CalendarGapError)) throw error;
    missing.push(`holiday calendar ${error.calendar} for ${error.year}`);
    return null;
  }
}

/**
 * Runs one deadline against the facts. With a `notLaterThan` backstop the earlier limit governs,
 * and a backstop alone still gives a due time while the main clock's fact is missing (DORA's 24
 * hours from awareness runs before the incident is classified as major).
 */
export function runClock(spec: DeadlineSpec, context: ClockContext): ClockOutcome {
  const multiplied = spec.multiplied !== undefined && context.facts.organization[spec.multiplied.when] === true;
  const amount = spec.amount === null ? null : spec.amount * (multiplied ? (spec.multiplied?.factor ?? 1) : 1);
  const missing: string[] = [];
  const start = startOf(spec.from, context);
  if (start.at === null) missing.push(start.fact);
  const counts: Count[] = [];
  if (start.at !== null && amount !== null) {
    const main = count(start.at, amount, spec, context, missing);
    if (main !== null) counts.push(main);
  }
  if (spec.notLaterThan !== undefined) {
    const backstop = startOf(spec.notLaterThan.from, context);
    if (backstop.at === null) missing.push(backstop.fact);
    else {
      const limit = count(backstop.at, spec.notLaterThan.amount, spec.notLaterThan, context, missing);
      if (limit !== null) counts.push(limit);
    }
  }
  const governing = counts.sort((a, b) => a.due.localeCompare(b.due))[0];
  return {
    amount,
    dueAt: governing?.due ?? null,
    dueSoonAt: governing?.soon ?? null,
    urgent: isUrgentUnit(spec.unit),
    missingFacts: [...new Set(missing)],
  };
}
