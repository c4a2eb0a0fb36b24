import { NotFoundError } from '../errors.js';
import type { ReportDocument } from './report-document.js';

export const EXPORT_FORMATS = ['json', 'html', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

const EXTENSIONS: Record<ExportFormat, string> = { json: 'json', html: 'html', text: 'txt' };

/** Letters, digits, dots and dashes only: nothing a browser or a shell could read as a path or a quote. */
const safePart = (value: string): string => value.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');

/** e.g. `report_<incident id>_eu-gdpr-regulator-DE_v3.html`: the incident, the duty (regime first) and the version. */
export const reportFileName = (incidentId: string, obligationId: string, version: number, format: ExportFormat): string =>
  `report_${safePart(incidentId)}_${safePart(obligationId)}_v${version}.${EXTENSIONS[format]}`;

/** One approved report as a file to upload to a portal or keep on record. */
export function exportFile(document: ReportDocument, format: ExportFormat): ExportFile {
  const { portal, rendered } = document;
  const fileName = reportFileName(portal.incidentId, portal.obligationId, portal.version, format);
  switch (format) {
    case 'json':
      return { body: JSON.stringify(portal, null, 2), contentType: 'application/json; charset=utf-8', fileName };
    case 'text':
      return { body: rendered.text, contentType: 'text/plain; charset=utf-8', fileName };
    case 'html':
      if (rendered.html === null) throw new NotFoundError(`the ${portal.regime} report template has no HTML body: ask for format=text or format=json`);
      return { body: rendered.html, contentType: 'text/html; charset=utf-8', fileName };
  }
}
