import type { Regime } from '../../obligations/regime-schema.js';
import type { LocalePhrases } from './locale-phrases.js';
import { renderEscalationMail, type EscalationInput } from './render-escalation.js';
import {
  prepareLocalizedNotice,
  renderIndividualNotice,
  type IndividualNoticeOptions,
  type LocalizedNoticeOptions,
  type RecipientRender,
  type RenderedMessage,
} from './render-individual-notice.js';
import type { NoticeContent } from './render-inputs.js';
import { renderRegulatorReport, type RenderedReport } from './render-regulator-report.js';
import { renderSendPausedMail, type SendPausedInput } from './render-send-paused.js';
import type { ReportTarget } from './report-target.js';
import { NOTICES, TemplateRegistry } from './template-registry.js';

/** The renderer bound to the loaded regimes and templates; built once at start-up. */
export interface NoticeRenderer {
  /** The languages a notice to individuals can be written in: one template folder each. */
  readonly locales: string[];
  readonly reportRegimes: string[];
  /** A shipped locale's phrases: its name, a sample recipient, the data categories in words, suggested sentences. */
  phrases(locale: string): LocalePhrases;
  renderIndividualNotice(input: unknown, options: IndividualNoticeOptions): RenderedMessage;
  /** One locale of a notice checked once, for rendering many recipients; `content` must already be parsed. */
  prepareLocalizedNotice(content: NoticeContent, options: LocalizedNoticeOptions): RecipientRender;
  renderRegulatorReport(input: unknown, target: ReportTarget): RenderedReport;
  renderEscalationMail(input: EscalationInput): { subject: string; text: string };
  renderSendPausedMail(input: SendPausedInput): { subject: string; text: string };
}

/**
 * Loads and checks every template and every notice language's phrases (a broken file stops
 * start-up with its name) against the regimes already loaded from `workflows/`.
 */
export async function createNoticeRenderer(regimes: readonly Regime[], templatesDir?: string): Promise<NoticeRenderer> {
  const registry = await TemplateRegistry.load(templatesDir);
  const locales = registry.namesUnder(NOTICES);
  return {
    locales,
    reportRegimes: registry.namesUnder('reports'),
    phrases(locale) {
      const phrases = registry.phrases(locale);
      if (phrases === undefined) throw new Error(`locale ${locale} is not shipped (known: ${locales.join(', ')})`);
      return phrases;
    },
    renderIndividualNotice: (input, options) => renderIndividualNotice(registry, regimes, input, options),
    prepareLocalizedNotice: (content, options) => prepareLocalizedNotice(registry, regimes, content, options),
    renderRegulatorReport: (input, target) => renderRegulatorReport(registry, regimes, input, target),
    renderEscalationMail: (input) => renderEscalationMail(registry, input),
    renderSendPausedMail: (input) => renderSendPausedMail(registry, input),
  };
}
