import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CLOCK_FACTS, jurisdictionSchema } from '../lifecycle/scope.js';
import { conditionSchema } from './condition-schema.js';
import { isRegion } from './jurisdictions.js';
import { BY_FORM, NOTICE_SECTIONS } from './notice-sections.js';

/**
 * The shape of a regime file in `workflows/`. Legal users edit these files, so the schema is strict
 * (a misspelt key fails start-up instead of being ignored) and checks what a reader could get wrong
 * inside one file: time zones, stage references, units that need a number or a holiday calendar.
 *
 * Units are a closed set; the reference's wordings map onto them as follows.
 * - `hours`, `calendar_days`, `days` (the source does not say calendar or business), `business_days`,
 *   `months`: counted as the regulations README says (see deadline-math.ts).
 * - `immediate`: 立即, "immediately", "without delay", "immediately upon confirmation".
 * - `without_undue_delay`: "without undue delay", "without undue further delay".
 * - `promptly`: 及时, 速やかに, "promptly according to the situation".
 * - `as_soon_as_practicable`: "as soon as practicable / feasible / available", "as soon as
 *   practicable and without unreasonable delay".
 * - `unspecified`: the source gives no time limit at all; listed, but neither due nor urgent.
 */
export const COUNTED_UNITS = ['hours', 'calendar_days', 'days', 'business_days', 'months'] as const;
export const OPEN_UNITS = ['immediate', 'without_undue_delay', 'promptly', 'as_soon_as_practicable', 'unspecified'] as const;
export const DEADLINE_UNITS = [...COUNTED_UNITS, ...OPEN_UNITS] as const;
export type CountedUnit = (typeof COUNTED_UNITS)[number];
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];
export const isCounted = (unit: DeadlineUnit): unit is CountedUnit => (COUNTED_UNITS as readonly string[]).includes(unit);
/** Open units other than `unspecified` demand action now: the product shows them as urgent. */
export const isUrgentUnit = (unit: DeadlineUnit): boolean => !isCounted(unit) && unit !== 'unspecified';

export const RECIPIENTS = ['regulator', 'individuals', 'media', 'other'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

const STAGE_REF = /^stage:([a-z][A-Za-z0-9]*)$/;
/** A clock fact, or `stage:<id>`: the submission of an earlier stage of the same duty. */
const clockStartSchema = z.union([z.enum(CLOCK_FACTS), z.string().regex(STAGE_REF, 'must be a clock fact or stage:<id>')]);
export const stageRef = (from: string): string | null => STAGE_REF.exec(from)?.[1] ?? null;

const camelKey = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase key');
const kebabId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case letters, digits, "." and "-"');
const text = z.string().trim().min(1);

const countedDeadlineSchema = z.strictObject({
  amount: z.number().positive(),
  unit: z.enum(COUNTED_UNITS),
  from: z.enum(CLOCK_FACTS),
});

const deadlineSchema = z
  .strictObject({
    amount: z.number().positive().nullable(),
    unit: z.enum(DEADLINE_UNITS),
    from: clockStartSchema,
    /** Count from the end of the calendar year in which `from` falls (HIPAA's annual log). */
    anchor: z.literal('endOfCalendarYear').optional(),
    /** A second limit from another fact; whichever falls first governs (DORA's 24-hour backstop). */
    notLaterThan: countedDeadlineSchema.optional(),
    /** The amount is multiplied when an organisation fact holds (LGPD small processing agents). */
    multiplied: z.strictObject({ factor: z.number().int().min(2), when: z.literal('smallProcessingAgent'), citation: text }).optional(),
    note: text.optional(),
  })
  .superRefine((deadline, ctx) => {
    const counted = isCounted(deadline.unit);
    if (counted && deadline.amount === null) ctx.addIssue({ code: 'custom', path: ['amount'], message: `${deadline.unit} needs an amount` });
    if (!counted && deadline.amount !== null) ctx.addIssue({ code: 'custom', path: ['amount'], message: `${deadline.unit} takes no amount (use null)` });
    if (counted && deadline.unit !== 'hours' && deadline.amount !== null && !Number.isInteger(deadline.amount)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `${deadline.unit} must be a whole number` });
    }
    if (deadline.anchor !== undefined && (deadline.unit === 'hours' || !counted)) {
      ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'an anchor needs a day- or month-counted unit' });
    }
  });
export type DeadlineSpec = z.infer<typeof deadlineSchema>;

const requiredContentSchema = z.strictObject({
  field: camelKey,
  label: text,
  citation: text.optional(),
  /** Shown when given, never demanded (Australia's other entities involved). */
  optional: z.boolean().optional(),
  /** Notices to individuals: the section that says it (notice-sections.ts); any document: `form` when the document's form does. */
  section: z.enum([...NOTICE_SECTIONS, BY_FORM]).optional(),
});

/**
 * How firm the source of a rule is, shown to legal beside its citation: the law's own text (in the
 * original or an official translation), the regulator's own guidance, or only a secondary summary.
 */
export const VERIFICATION_LEVELS = ['statute', 'regulator', 'secondary'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];
const exemptionSchema = z.strictObject({
  id: kebabId,
  description: text,
  citation: text,
  /** Likely available when the exposed data was encrypted and its key was not exposed; legal still decides. */
  whenEncrypted: z.boolean().optional(),
  /** Likely available when the exposed data was redacted or truncated. */
  whenRedacted: z.boolean().optional(),
  /** Available once legal records, for the jurisdiction, that misuse or harm is not reasonably likely. */
  whenHarmUnlikely: z.boolean().optional(),
  /** The statute's delay at law enforcement's request: a recorded delay moves the due time to its end. */
  lawEnforcementDelay: z.boolean().optional(),
});
const forbiddenContentSchema = z.strictObject({ field: camelKey, label: text, citation: text });
const stageSchema = z.strictObject({
  id: camelKey,
  name: text,
  deadline: deadlineSchema,
  requiredContents: z.array(requiredContentSchema).optional(),
  note: text.optional(),
});

const contactSchema = z.strictObject({
  channel: text,
  url: z.url().nullable(),
  /** Where the authority takes reports by email, when it publishes one; organisation settings override it. */
  email: z.email().optional(),
});

/** The authority one country's share of a duty goes to, where each country has its own (GDPR, NIS2). */
const authoritySchema = z.strictObject({
  name: text,
  contact: contactSchema.nullable(),
  /** BCP 47 tags of the languages the authority takes reports in. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "de" or "pt-PT"')).min(1),
  /** The day the duty to this authority starts, when a national law brings it in (a directive's transposition). */
  inForceFrom: z.iso.date().optional(),
  citation: text.optional(),
  source: z.array(z.url()).min(1).optional(),
});
export type Authority = z.infer<typeof authoritySchema>;

/**
 * One duty per affected jurisdiction (each member state's authority), one for the regime, or one to
 * the lead authority: the authority of the organisation's main establishment when it lies in the
 * territory (GDPR Art. 56, NIS2 Art. 26), else each authority where people live.
 */
export const ENTRY_SCOPES = ['each_jurisdiction', 'once', 'lead_authority'] as const;

const entrySchema = z
  .strictObject({
    id: kebabId,
    recipient: z.enum(RECIPIENTS),
    authority: text.nullable(),
    contact: contactSchema.nullable(),
    /** Keyed by ISO country code: who receives the duty owed there, overriding authority and contact. */
    authorities: z.record(jurisdictionSchema, authoritySchema).optional(),
    scope: z.enum(ENTRY_SCOPES),
    /** The law imposes no duty; the regulator's own guidance asks for this notice (Hong Kong's PCPD). */
    voluntary: z.literal(true).optional(),
    /** The days this duty is in force, in the regime's zone, where they differ from the regime's. */
    inForceFrom: z.iso.date().optional(),
    inForceUntil: z.iso.date().optional(),
    trigger: text,
    appliesWhen: conditionSchema.optional(),
    deadline: deadlineSchema,
    stages: z.array(stageSchema).optional(),
    requiredContents: z.array(requiredContentSchema),
    /** What the notice must not say (Massachusetts: the nature of the breach, the number affected). */
    prohibitedContents: z.array(forbiddenContentSchema).optional(),
    /** When and how the law lets a notice be given by email, website or media instead. */
    substituteNotice: z.strictObject({ description: text, citation: text }).optional(),
    exemptions: z.array(exemptionSchema),
    citation: text,
    source: z.array(z.url()).min(1),
    verification: z.enum(VERIFICATION_LEVELS),
    /** The day the rule was last checked against its source. */
    verifiedAt: z.iso.date(),
    notes: z.array(text).optional(),
  })
  .superRefine((entry, ctx) => {
    entry.requiredContents.forEach((item, index) => {
      // A notice to individuals is written in sections: each item it must carry says which one carries it.
      if (entry.recipient === 'individuals' && item.section === undefined) {
        ctx.addIssue({ code: 'custom', path: ['requiredContents', index, 'section'], message: `name the notice section that says it (${[...NOTICE_SECTIONS, BY_FORM].join(', ')})` });
      }
      if (entry.recipient !== 'individuals' && item.section !== undefined && item.section !== BY_FORM) {
        ctx.addIssue({ code: 'custom', path: ['requiredContents', index, 'section'], message: `only items of a notice to individuals map to a section; a report's item may only be "${BY_FORM}"` });
      }
    });
    const seen = new Set<string>();
    for (const [index, stage] of (entry.stages ?? []).entries()) {
      const ref = stageRef(stage.deadline.from);
      if (ref !== null && !seen.has(ref)) {
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'deadline', 'from'], message: `no earlier stage "${ref}"` });
      }
      if (seen.has(stage.id)) ctx.addIssue({ code: 'custom', path: ['stages', index, 'id'], message: `duplicate stage id "${stage.id}"` });
      seen.add(stage.id);
    }
    if (stageRef(entry.deadline.from) !== null) {
      ctx.addIssue({ code: 'custom', path: ['deadline', 'from'], message: 'only a stage can start from another stage' });
    }
  });
export type RegimeRecipient = z.infer<typeof entrySchema>;

export const regimeSchema = z
  .strictObject({
    id: kebabId,
    name: text,
    jurisdictions: z.array(z.union([jurisdictionSchema, z.string().refine(isRegion, 'must be an ISO 3166 code, EU or EEA')])).min(1),
    /** `organization`: the duty follows the organisation (SEC, NIS2, DORA), not where people live. */
    coverage: z.enum(['affected', 'organization']),
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'not a valid IANA time zone'),
    /**
     * Day-counted clocks run in the organisation's configured time zone, `timeZone` being the fallback:
     * the US statutes count from the business's own discovery, wherever it is.
     */
    countsInOrganizationZone: z.boolean().optional(),
    /** Who the regime binds, when only one sector (HIPAA, insurance licensees): it does not make a jurisdiction covered. */
    sector: text.optional(),
    calendar: kebabId.nullable(),
    /** The day its duties come into force, in its time zone: a breach learned of earlier brings none of them. */
    inForceFrom: z.iso.date().optional(),
    /** The last day it is in force (repealed or replaced after it): a breach learned of later brings none of its duties. */
    inForceUntil: z.iso.date().optional(),
    notes: z.array(text).optional(),
    recipients: z.array(entrySchema).min(1),
  })
  .superRefine((regime, ctx) => {
    const ids = new Set<string>();
    for (const [index, entry] of regime.recipients.entries()) {
      if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['recipients', index, 'id'], message: `duplicate recipient id "${entry.id}"` });
      ids.add(entry.id);
      const deadlines = [entry.deadline, ...(entry.stages ?? []).map((s) => s.deadline)];
      const business = deadlines.some((d) => d.unit === 'business_days' || d.notLaterThan?.unit === 'business_days');
      if (business && regime.calendar === null) {
        ctx.addIssue({ code: 'custom', path: ['calendar'], message: `recipients.${index} counts business_days: name a holiday calendar` });
      }
      if (regime.coverage === 'organization' && (entry.appliesWhen === undefined || entry.scope === 'each_jurisdiction')) {
        ctx.addIssue({
          code: 'custom',
          path: ['recipients', index],
          message: 'with coverage "organization" every recipient needs appliesWhen and scope "once" or "lead_authority"',
        });
      }
      for (const [from, until, path] of [
        [entry.inForceFrom ?? regime.inForceFrom, entry.inForceUntil ?? regime.inForceUntil, ['recipients', index, 'inForceUntil']],
        [regime.inForceFrom, regime.inForceUntil, ['inForceUntil']],
      ] as const) {
        if (from !== undefined && until !== undefined && until < from) ctx.addIssue({ code: 'custom', path: [...path], message: `ends (${until}) before it starts (${from})` });
      }
    }
  });
export type Regime = z.infer<typeof regimeSchema>;

const weekday = z.number().int().min(1).max(7);
/**
 * A holiday by rule: a fixed date (`month`, `day`), the `nth` `weekday` of a month (-1 = the last),
 * or a number of days after Easter Sunday (`easter: -2` is Good Friday; `church: orthodox` for the
 * Orthodox date).
 */
const holidayRuleSchema = z
  .strictObject({
    name: text,
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    weekday: weekday.optional(),
    nth: z.union([z.literal(-1), z.number().int().min(1).max(5)]).optional(),
    easter: z.number().int().min(-70).max(70).optional(),
    church: z.enum(['western', 'orthodox']).optional(),
    /** Kept on the following Monday when it falls on another day (Colombia's Ley Emiliani). */
    movedToMonday: z.literal(true).optional(),
    /** The first year the holiday is kept (Juneteenth from 2021). */
    since: z.number().int().optional(),
    /** The last year it is kept. */
    until: z.number().int().optional(),
  })
  .superRefine((rule, ctx) => {
    const byDate = rule.month !== undefined && rule.easter === undefined;
    const byDay = byDate && rule.day !== undefined && rule.weekday === undefined && rule.nth === undefined;
    const byWeekday = byDate && rule.day === undefined && rule.weekday !== undefined && rule.nth !== undefined;
    const byEaster = rule.easter !== undefined && rule.month === undefined && rule.day === undefined && rule.weekday === undefined && rule.nth === undefined;
    if ([byDay, byWeekday, byEaster].filter(Boolean).length !== 1) ctx.addIssue({ code: 'custom', message: 'give month and day, or month, weekday and nth, or easter' });
    if (rule.church !== undefined && rule.easter === undefined) ctx.addIssue({ code: 'custom', path: ['church'], message: 'church goes with easter' });
  });
export type HolidayRule = z.infer<typeof holidayRuleSchema>;

/**
 * How a holiday on a weekend is kept: `weekend-to-nearest-weekday` moves Saturday to Friday and
 * Sunday to Monday (5 U.S.C. 6103 with Executive Order 11582); `sunday-to-monday` moves only Sunday.
 */
export const OBSERVANCES = ['none', 'sunday-to-monday', 'weekend-to-nearest-weekday'] as const;

export const calendarSchema = z
  .strictObject({
    id: kebabId,
    name: text,
    jurisdiction: jurisdictionSchema,
    /** For a listed calendar: the years whose holidays are all listed; counting outside them is refused. */
    covers: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
    notes: z.array(text).optional(),
    /** Holidays listed by date (when no rule gives them, e.g. ones that follow Easter). */
    holidays: z.array(z.strictObject({ date: z.iso.date(), name: text })).min(1).optional(),
    /** Holidays by rule: every year is covered. */
    rules: z.array(holidayRuleSchema).min(1).optional(),
    observed: z.enum(OBSERVANCES).optional(),
  })
  .superRefine((calendar, ctx) => {
    if ((calendar.holidays === undefined) === (calendar.rules === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['rules'], message: 'give either holidays (listed by date) or rules' });
      return;
    }
    if (calendar.holidays !== undefined && calendar.covers === undefined) {
      ctx.addIssue({ code: 'custom', path: ['covers'], message: 'a listed calendar says which years it covers' });
    }
    calendar.holidays?.forEach((holiday, index) => {
      const year = Number(holiday.date.slice(0, 4));
      if (calendar.covers !== undefined && (year < calendar.covers.from || year > calendar.covers.to)) {
        ctx.addIssue({ code: 'custom', path: ['holidays', index, 'date'], message: `${holiday.date} is outside the covered years` });
      }
    });
  });
export type HolidayCalendar = z.infer<typeof calendarSchema>;
