/** The regulatory-obligations engine: load the regimes once, then assess incidents against them. */
export { assess, type AssessedDeadline, type AssessedExemption, type AssessedObligation, type AssessedStage } from './assess.js';
export { assessmentFactsSchema, type AssessmentFacts } from './assessment-facts.js';
export { dueInstant } from './deadline-math.js';
export { dueSoonAt } from './due-soon.js';
export { DEFAULT_WORKFLOWS_DIR, loadRegimes, WorkflowFileError, type RegimeSet } from './load-regimes.js';
export type { DeadlineUnit, HolidayCalendar, Recipient, Regime } from './regime-schema.js';
