/** Notice templates and the safe renderer: notices to individuals, reports to regulators, internal mail. */
export { createNoticeRenderer, type NoticeRenderer } from './notice-renderer.js';
export { missingRequiredFields, type RequirementTarget } from './missing-required-fields.js';
export type { EscalationInput } from './render-escalation.js';
export type { IndividualNoticeOptions, RenderedMessage } from './render-individual-notice.js';
export type { RenderedReport } from './render-regulator-report.js';
export type { ReportTarget } from './report-target.js';
export type { IndividualNoticeInput, NoticeContent, RecipientInput, RegulatorReportInput } from './notice-input.js';
export { prepareIndividualNotice, type NoticeRecipient, type PreparedNotice } from './prepared-notice.js';
export { DEFAULT_TEMPLATES_DIR, TemplateFileError, TemplateRegistry } from './template-registry.js';
export { TemplateRenderError } from './template-helpers.js';
