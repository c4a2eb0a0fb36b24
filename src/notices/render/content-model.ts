import { BY_FORM, NOTICE_SECTIONS, type NoticeSection } from '../../obligations/notice-sections.js';
import type { Regime, RegimeRecipient } from '../../obligations/regime-schema.js';

/** One item a law requires, as its regime file words it. */
export interface CoveredItem {
  regime: string;
  item: string;
  label: string;
  citation: string | null;
}

/**
 * One thing a document must carry and a person writes: a section of a notice to individuals, or an
 * item of a report to a regulator. `covers` lists the laws' items it satisfies, so a reviewer sees
 * that one section answers PIPL's "possible harm" and GDPR's "likely consequences" at once.
 */
export interface RequiredField {
  /** The section id (`likelyConsequences`) or the report item's field. */
  field: string;
  /** What a reader of the checklist calls it: the section's name, or the report item's label. */
  label: string;
  citation: string | null;
  /** Every law that names it marks it optional: shown when given, never demanded. */
  optional: boolean;
  requiredBy: string[];
  covers: CoveredItem[];
}

/** What a notice to individuals for some regimes must say: its sections, and the items its form satisfies. */
export interface NoticeRequirements {
  sections: RequiredField[];
  /** Items no person writes: the letter's title, headings, type size, plain language and date. */
  byForm: CoveredItem[];
}

/** The sections' names as the console and the API's checklist show them (the notice itself words them per language). */
export const SECTION_LABELS: Readonly<Record<NoticeSection, string>> = {
  whatHappened: 'What happened and when',
  informationInvolved: 'What information was involved',
  likelyConsequences: 'What it could mean for the reader',
  whatWeAreDoing: 'What we are doing',
  identityProtection: 'Identity protection services offered',
  whatYouCanDo: 'What the reader can do',
  helpResources: 'Where else to get help',
  securityFreeze: 'Police reports and security freezes',
  yourRights: 'The reader’s rights',
  contact: 'How to contact us',
  otherInformation: 'Other information',
};

type Content = RegimeRecipient['requiredContents'][number];

const covered = (regime: Regime, content: Content): CoveredItem => ({ regime: regime.id, item: content.field, label: content.label, citation: content.citation ?? null });

/** Adds one item to the field it belongs to; one law demanding a field outweighs another listing it as optional. */
function add(into: Map<string, RequiredField>, field: string, label: string, regime: Regime, content: Content): void {
  const known = into.get(field) ?? { field, label, citation: null, optional: true, requiredBy: [], covers: [] };
  known.optional &&= content.optional === true;
  if (!known.requiredBy.includes(regime.id)) known.requiredBy.push(regime.id);
  known.covers.push(covered(regime, content));
  into.set(field, known);
}

/**
 * The sections a notice must carry to satisfy each of these regimes, in the notice's reading
 * order, each with the items it answers; an item the letter's form satisfies is listed apart.
 */
export function noticeRequirements(regimes: readonly Regime[]): NoticeRequirements {
  const sections = new Map<string, RequiredField>();
  const byForm: CoveredItem[] = [];
  for (const regime of regimes) {
    for (const entry of regime.recipients.filter((r) => r.recipient === 'individuals')) {
      for (const content of entry.requiredContents) {
        // The schema makes every item of a notice to individuals name its section.
        const section = content.section as NoticeSection | typeof BY_FORM;
        if (section === BY_FORM) byForm.push(covered(regime, content));
        else add(sections, section, SECTION_LABELS[section], regime, content);
      }
    }
  }
  // A notice no law governs (people in a place with no rules, told on legal's decision) still says what any notice must.
  if (regimes.length === 0) {
    for (const section of VOLUNTARY_NOTICE_SECTIONS) sections.set(section, { field: section, label: SECTION_LABELS[section], citation: null, optional: false, requiredBy: [], covers: [] });
  }
  const order = (field: string) => NOTICE_SECTIONS.indexOf(field as NoticeSection);
  return { sections: [...sections.values()].sort((a, b) => order(a.field) - order(b.field)), byForm };
}

/** What a notice sent where no law prescribes one must still say: what happened, what it touched, what is done, whom to ask. */
const VOLUNTARY_NOTICE_SECTIONS: readonly NoticeSection[] = ['whatHappened', 'informationInvolved', 'whatWeAreDoing', 'contact'];

/**
 * What one report must say. A stage with its own list (NIS2's early warning, CAC's final summary)
 * uses that list; a stage without one (GDPR's notification, CAC's initial report) carries the
 * entry's list. Items the report's form satisfies (PIPEDA's "in writing") ask nobody for words.
 */
export function reportFields(regime: Regime, entry: RegimeRecipient, stageId: string | null): RequiredField[] {
  const stage = stageId === null ? undefined : entry.stages?.find((s) => s.id === stageId);
  const contents = stage?.requiredContents !== undefined && stage.requiredContents.length > 0 ? stage.requiredContents : entry.requiredContents;
  const fields = new Map<string, RequiredField>();
  for (const content of contents) {
    if (content.section === BY_FORM) continue;
    add(fields, content.field, content.label, regime, content);
    const field = fields.get(content.field) as RequiredField;
    field.citation ??= content.citation ?? null;
  }
  return [...fields.values()];
}

/** Every field name any report of this entry may carry, across its stages: what its template may name. */
export function reportFieldNames(regime: Regime, entry: RegimeRecipient): Set<string> {
  const stages = (entry.stages ?? []).map((s) => s.id);
  return new Set([null, ...stages].flatMap((stage) => reportFields(regime, entry, stage).map((f) => f.field)));
}

/** Which laws ask for a field, each with its citation: "eu-gdpr (GDPR Art. 34(2)), cn-pipl (PIPL Art. 57(1)(3))". */
export const requiringLaws = (field: RequiredField): string =>
  [...new Set(field.covers.map((c) => (c.citation === null ? c.regime : `${c.regime} (${c.citation})`)))].join(', ');

export const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
