import { NotFoundError } from '../../errors.js';
import { reportTemplate, STANDARD_REPORT_TEMPLATE } from '../notice-content.js';
import type { Regime } from '../../obligations/regime-schema.js';
import { reportFieldNames, reportFields } from './content-model.js';
import { assertAllRendered, documentData, filledFields } from './document-data.js';
import { checkRequiredFields, parseInput, regulatorReportInputSchema } from './render-inputs.js';
import { resolveReport, type ReportTarget } from './report-target.js';
import type { TemplateRegistry } from './template-registry.js';

export interface RenderedReport {
  subject: string;
  html: string | null;
  text: string;
  /** The filled required items keyed by field name, for a regulator's portal form. */
  fields: Record<string, { label: string; citation: string | null; value: string }>;
}

/**
 * A report to a regulator for one duty (and stage). Labels and citations of the items come from
 * the regime file, so the legal wording lives in one place; the template orders and frames them.
 */
export function renderRegulatorReport(registry: TemplateRegistry, definitions: readonly Regime[], input: unknown, target: ReportTarget): RenderedReport {
  const resolved = resolveReport(definitions, target);
  const { regime, entry, stage } = resolved;
  // A regime whose authority asks for no particular layout is reported in the standard one: its items in the regime file's order.
  const set = registry.get(reportTemplate(regime.id)) ?? registry.get(STANDARD_REPORT_TEMPLATE);
  if (set === undefined) throw new NotFoundError(`no report template for ${regime.id} and no ${STANDARD_REPORT_TEMPLATE}`);
  const parsed = parseInput(regulatorReportInputSchema, input, 'report');
  const fields = reportFields(regime, entry, stage?.id ?? null);
  checkRequiredFields(fields, parsed.fields, 'report', 'fields');
  const duties = regime.recipients.filter((e) => e.recipient === 'regulator');
  const doc = documentData({
    fields,
    values: parsed.fields,
    // One template serves all of a regime's regulator duties, so it may name any of their items.
    knownFields: duties.flatMap((duty) => [...reportFieldNames(regime, duty)]),
    stage: stage?.id ?? null,
    knownStages: duties.flatMap((duty) => (duty.stages ?? []).map((s) => s.id)),
  });
  const view = {
    organization: parsed.organization,
    incident: parsed.incident,
    report: {
      regimeName: regime.name,
      authority: entry.authority ?? regime.name,
      citation: entry.citation,
      stageName: stage?.name ?? null,
      title: `Notice of a security breach to ${entry.authority ?? regime.name} (${entry.citation})`,
      /** The duty's (or stage's) items in the regime file's order, for the standard template. */
      items: fields.map((f) => f.field),
      jurisdiction: resolved.jurisdiction,
      // The scope in the authority's own jurisdiction, as the version recorded it; null on a report drafted without it.
      facts: parsed.facts ?? null,
    },
  };
  const rendered = registry.render(set, view, { doc });
  assertAllRendered(set.key, doc);
  return { ...rendered, fields: filledFields(doc) };
}
