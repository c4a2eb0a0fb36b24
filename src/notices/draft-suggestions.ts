import type { IncidentView } from '../lifecycle/incident-view.js';
import { covers, isRegion } from '../obligations/jurisdictions.js';
import type { Regime } from '../obligations/regime-schema.js';
import type { LocaleFields } from './notice-content.js';
import { categoriesInWords, longDate, type LocalePhrases } from './render/locale-phrases.js';
import { placeholder } from './render/placeholders.js';
import type { ReportFacts } from './render/render-inputs.js';

/**
 * What a first draft of a notice to individuals starts with, in one language: only what the
 * incident's recorded facts say, worded for a reader and marked as suggested text for a person to
 * confirm. Nothing internal is copied: no summary, hostname or category key. Every other section
 * starts blank, so the checklist shows what people must still write.
 */
export function suggestedSections(incident: IncidentView, locale: string, phrases: LocalePhrases): LocaleFields {
  const sections: LocaleFields = {};
  const { occurredAt, awarenessAt } = incident.clock;
  const when = [
    occurredAt === null ? null : phrases.suggestions.began.replace('{date}', longDate(locale, occurredAt)),
    awarenessAt === null ? null : phrases.suggestions.learned.replace('{date}', longDate(locale, awarenessAt)),
  ].filter((sentence) => sentence !== null);
  if (when.length > 0) sections.whatHappened = placeholder(when.join(' '));
  const categories = incident.scope.dataCategories;
  if (categories.length > 0) {
    sections.informationInvolved = placeholder(phrases.suggestions.informationInvolved.replace('{categories}', categoriesInWords(phrases, locale, categories)));
  }
  return sections;
}

/**
 * The scope a report states, in the authority's own jurisdiction: its people (never another
 * country's), the data categories and the clock facts. A duty owed in each member state of a union
 * also states the people across the union, labelled, when that number differs.
 */
export function reportFacts(incident: IncidentView, regime: Regime, jurisdiction: string): ReportFacts {
  const count = (where: (code: string) => boolean) => incident.scope.affected.filter((a) => where(a.jurisdiction)).reduce((sum, a) => sum + (a.count ?? 0), 0);
  const affected = count((code) => covers(jurisdiction, code));
  const union = regime.jurisdictions.find((territory) => isRegion(territory) && covers(territory, jurisdiction));
  const inUnion = union === undefined ? null : count((code) => covers(union, code));
  return {
    jurisdiction,
    affected,
    territory: union === undefined || inUnion === null || inUnion === affected ? null : { code: union, affected: inUnion },
    dataCategories: [...incident.scope.dataCategories],
    occurredAt: incident.clock.occurredAt,
    awarenessAt: incident.clock.awarenessAt,
  };
}
