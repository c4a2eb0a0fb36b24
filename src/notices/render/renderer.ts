import type { Regime } from '../obligations/regime-schema.js';
import { missingRequiredFields, type RequirementTarget } from './missing-required-fields.js';
import { renderEscalationMail, type EscalationInput } from './render-escalation.js';
import { renderSendPausedMail, type SendPausedInput } from './render-send-paused.js';
import type { NoticeContent } from './notice-input.js';
import {
  prepareLocalizedNotice,
  renderIndividualNotice,
  type IndividualNoticeOptions,
  type LocalizedNoticeOptions,
  type RecipientRender,
  type RenderedMessage,
} from './render-individual-notice.js';
import { renderRegulatorReport, type RenderedReport } from './render-regulator-report.js';
import type { ReportTarget } from './report-target.js';
import { TemplateRegistry } from './template-registry.js';

/** The renderer bound to the loaded regimes and templates; built once at start-up. */
export interface NoticeRenderer {
  readonly locales: string[];
  readonly reportRegimes: string[];
  renderIndividualNotice(input: unknown, options: IndividualNoticeOptions): RenderedMessage;
  /** One locale of a notice checked once, for rendering many recipients; `content` must already be parsed. */
  prepareLocalizedNotice(content: NoticeContent, options: LocalizedNoticeOptions): RecipientRender;
  renderRegulatorReport(input: unknown, target: ReportTarget): RenderedReport;
  renderEscalationMail(input: EscalationInput): { subject: string; text: string };
  renderSendPausedMail(input: SendPausedInput): { subject: string; text: string };
  missingRequiredFields(target: RequirementTarget, values: Readonly<Record<string, unknown>>): string[];
}

/**
 * Loads and checks every template (a broken file stops start-up with its name) against the
 * regimes already loaded from `workflows/`.
 */
export async function createNoticeRenderer(regimes: readonly Regime[], templatesDir?: string): Promise<NoticeRenderer> {
  const registry = await TemplateRegistry.load(templatesDir);
  return {
    locales: registry.namesUnder('notices/individuals'),
    reportRegimes: registry.namesUnder('reports'),
    renderIndividualNotice: (input, options) => renderIndividualNotice(registry, regimes, input, options),
    prepareLocalizedNotice: (content, options) => prepareLocalizedNotice(registry, regimes, content, options),
    renderRegulatorReport: (input, target) => renderRegulatorReport(registry, regimes, input, target),
    renderEscalationMail: (input) => renderEscalationMail(registry, input),
    renderSendPausedMail: (input) => renderSendPausedMail(registry, input),
    missingRequiredFields: (target, values) => missingRequiredFields(regimes, target, values),
  };
}
