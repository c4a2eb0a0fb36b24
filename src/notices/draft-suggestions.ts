import type { IncidentView } from '../lifecycle/incident-view.js';
import type { RequiredField } from './required-fields.js';

/** Items whose wording the incident's recorded facts already give, by the names regimes use for them. */
const FROM_SUMMARY = new Set(['natureOfBreach', 'descriptionOfBreach', 'descriptionOfIncident', 'whatHappened', 'overview']);
const FROM_CATEGORIES = new Set(['categoriesOfData', 'personalInformationInvolved', 'typesOfPersonalInformation', 'dataItems']);
const FROM_OCCURRED = new Set(['dateOfBreach']);

const affectedCount = (incident: IncidentView): number => incident.scope.affected.reduce((sum, a) => sum + a.count, 0);

/**
 * A first draft's values: the facts the incident records, placed in the items that ask for them.
 * Everything else starts blank, so the required-contents check shows what people must still write;
 * nothing is invented.
 */
export function draftValues(incident: IncidentView, fields: readonly RequiredField[]): Record<string, string> {
  const values: Record<string, string> = {};
  const categories = incident.scope.dataCategories.map((c) => c.replaceAll('_', ' ')).join(', ');
  for (const { field } of fields) {
    if (FROM_SUMMARY.has(field) && incident.summary.trim() !== '') values[field] = incident.summary;
    if (FROM_CATEGORIES.has(field) && categories !== '') values[field] = categories;
    if (FROM_OCCURRED.has(field) && incident.clock.occurredAt !== null) values[field] = incident.clock.occurredAt.slice(0, 10);
    if (field === 'approximateNumber' && affectedCount(incident) > 0) values[field] = affectedCount(incident).toLocaleString('en-US');
  }
  return values;
}
