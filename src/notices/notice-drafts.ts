import { randomUUID } from 'node:crypto';
import { actorRef, type Actor } from '../auth/actor.js';
import { InvalidInputError, VersionConflictError } from '../errors.js';
import type { IncidentView } from '../lifecycle/incident-view.js';
import { parseOrThrow } from '../lifecycle/incident-inputs.js';
import { reportFacts, suggestedSections } from './draft-suggestions.js';
import { checklistOf } from './notice-checklist.js';
import { uncoveredJurisdictions } from '../obligations/coverage.js';
import { factsFromIncident } from '../obligations/incident-facts.js';
import { auditNotice, moveTrack, obligationOf, type NoticeDeps, type OrganizationDefaults } from './notice-deps.js';
import {
  contentHash,
  individualsTemplate,
  METADATA_KEYS,
  parseContent,
  reportTemplate,
  STANDARD_REPORT_TEMPLATE,
  withTranslations,
  type LocaleFields,
  type NoticeKind,
  type NoticeMetadata,
  type VersionContent,
} from './notice-content.js';
import { NoticeStateError } from './notice-errors.js';
import { TRACKS_BEFORE_DRAFTING } from './notice-lifecycle.js';
import { commentSchema, createNoticeSchema, editNoticeSchema, type CreateNoticeInput, type EditNoticeInput } from './notice-requests.js';
import { findNotice, findVersion, insertComment, insertVersion, latestVersion, noticeFor, setStatus } from './notice-store.js';
import type { NoticeCommentRow, NoticeRow, NoticeVersionRow } from './notice-tables.js';
import { checkLocale, editItems, editTranslations, requestedLocales, withPrimaryLocale } from './notice-translations.js';
import { officialLanguage } from './render/notice-languages.js';
import { placeholder } from './render/placeholders.js';
import { resolveReport } from './render/report-target.js';

const invalid = (path: string, message: string) => new InvalidInputError(message, [{ path, message }]);
const INDIVIDUALS = 'individuals';
/** Drafting again after an event landed mid-way; more than this many in a row means something keeps changing it. */
const CREATE_ATTEMPTS = 3;

/** A first version's content and which notice it belongs to, from the incident and the request. */
interface Draft {
  kind: NoticeKind;
  regime: string | null;
  content: VersionContent;
}

/** Drafts: create one from an incident's facts, edit it into new versions, comment on a version. */
export class NoticeDrafts {
  constructor(private readonly deps: NoticeDeps) {}

  /** The languages a notice to individuals can be written in: those the templates ship. */
  get locales(): readonly string[] {
    return this.deps.renderer.locales;
  }

  async create(incidentId: string, input: unknown, actor: Actor): Promise<{ notice: NoticeRow; version: NoticeVersionRow }> {
    const request = parseOrThrow(createNoticeSchema, input, 'notice');
    // The draft is built from the incident as read. If an event lands before it is written (a
    // deadline firing, an assessment), the caller named no version, so nothing of theirs is stale:
    // build it again from the newer incident.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.createFrom(await this.deps.incidents.get(incidentId), request, actor);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt === CREATE_ATTEMPTS) throw error;
      }
    }
  }

  private async createFrom(incident: IncidentView, request: CreateNoticeInput, actor: Actor): Promise<{ notice: NoticeRow; version: NoticeVersionRow }> {
    const incidentId = incident.id;
    const organization = await this.deps.organization();
    const organizationName = request.organizationName ?? organization.name;
    if (organizationName === null) {
      throw invalid('organizationName', 'name the organisation the document speaks for, or set it once in the organisation settings (PUT /api/v1/settings/organization)');
    }
    const draft =
      request.target === INDIVIDUALS
        ? this.individualsDraft(incident, request, { organizationName, ...this.sender(request, organization, organizationName) })
        : this.reportDraft(incident, request, organizationName);
    const at = this.deps.clock().toISOString();
    return this.deps.db.transaction().execute(async (trx) => {
      const existing = await noticeFor(trx, incidentId, request.target);
      if (existing !== undefined) throw new NoticeStateError(`incident ${incidentId} already has a notice for ${request.target} (${existing.id}): edit it`);
      const notice: NoticeRow = {
        id: randomUUID(),
        incidentId,
        kind: draft.kind,
        target: request.target,
        regime: draft.regime,
        stage: draft.content.stage,
        createdBy: actorRef(actor),
        createdAt: at,
      };
      await trx.insertInto('notices').values(notice).execute();
      const version = await insertVersion(trx, notice.id, 1, draft.content, notice.createdBy, at);
      // The track moves only from where the incident stood when the draft was built from it.
      const starts = draft.kind === 'report' || incident.tracks === null || TRACKS_BEFORE_DRAFTING.has(incident.tracks.individuals);
      if (starts) await moveTrack(this.deps, trx, notice, 'started', version, incident.version);
      await auditNotice(trx, notice, actor, 'drafted', { version: 1, contentHash: version.contentHash }, at);
      return { notice, version };
    });
  }

  /** A new version from the newest one with the named items changed; an edit under review or after approval voids it. */
  async edit(noticeId: string, input: unknown, actor: Actor): Promise<NoticeVersionRow> {
    const request = parseOrThrow(editNoticeSchema, input, 'edit');
    const at = this.deps.clock().toISOString();
    // A locale this edit adds starts from the incident's facts; read them before the transaction, which may use only its own handle.
    const incident = await this.deps.incidents.get((await findNotice(this.deps.db, noticeId)).incidentId);
    return this.deps.db.transaction().execute(async (trx) => {
      const notice = await findNotice(trx, noticeId);
      const latest = await latestVersion(trx, noticeId);
      if (request.basedOn !== undefined && request.basedOn !== latest.number) {
        throw new VersionConflictError(`notice ${noticeId} is at version ${latest.number}, not ${request.basedOn}: reload and retry`, latest.number);
      }
      const content = this.applyEdit(notice, parseContent(latest.content), request, incident);
      if (contentHash(content) === latest.contentHash) throw invalid('(body)', 'the edit changes nothing');
      const version = await insertVersion(trx, noticeId, latest.number + 1, content, actorRef(actor), at);
      if (latest.status === 'in_review' || latest.status === 'approved') {
        await setStatus(trx, latest, 'superseded');
        await moveTrack(this.deps, trx, notice, 'edited', version);
      }
      await auditNotice(trx, notice, actor, 'edited', { version: version.number, contentHash: version.contentHash, supersedes: latest.number }, at);
      return version;
    });
  }

  async comment(noticeId: string, number: number, input: unknown, actor: Actor): Promise<NoticeCommentRow> {
    const { body } = parseOrThrow(commentSchema, input, 'comment');
    const at = this.deps.clock().toISOString();
    return this.deps.db.transaction().execute(async (trx) => {
      const notice = await findNotice(trx, noticeId);
      const version = await findVersion(trx, noticeId, number);
      const comment = await insertComment(trx, version.id, actorRef(actor), body, at);
      await auditNotice(trx, notice, actor, 'commented', { version: number, commentId: comment.id }, at);
      return comment;
    });
  }

  /** A notice in every locale the request names (or the affected people's languages), each pre-filled from the facts in its own language. */
  private individualsDraft(incident: IncidentView, request: CreateNoticeInput, metadata: NoticeMetadata): Draft {
    const { primary, others } = requestedLocales(this.deps.renderer.locales, request, this.defaultLocales(incident));
    if (request.stage !== undefined) throw invalid('stage', 'only reports to regulators have stages');
    const withNotice = new Set(this.deps.regimes.filter((r) => r.recipients.some((e) => e.recipient === 'individuals')).map((r) => r.id));
    const regimes = [...new Set(incident.obligations.filter((o) => o.recipient === 'individuals' && withNotice.has(o.regime)).map((o) => o.regime))];
    // People in a place with no rules may still be told: legal decides, and the notice is the canonical letter with no law's extra items.
    if (regimes.length === 0 && uncoveredJurisdictions(factsFromIncident(incident), this.deps.regimes, this.deps.clock()).length === 0) {
      throw invalid('target', `incident ${incident.id} has no assessed duty to notify individuals, so no regime says what the notice must contain`);
    }
    const prefill = this.suggestions(incident);
    const content: VersionContent = { template: individualsTemplate(primary), locale: primary, regimes, stage: null, metadata, fields: prefill(primary) };
    return { kind: 'individuals', regime: null, content: withTranslations(content, Object.fromEntries(others.map((l) => [l, prefill(l)]))) };
  }

  /** The languages the affected people read, the most affected first: what a draft that names none is written in. */
  defaultLocales(incident: IncidentView): string[] {
    const { locales } = this.deps.renderer;
    const byCount = [...incident.scope.affected].sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
    const languages = [...new Set(byCount.map((a) => officialLanguage(locales, a.jurisdiction)).filter((l) => l !== null))];
    return languages.length > 0 ? languages : locales.filter((l) => l === 'en');
  }

  /**
   * The sender a reader sees: this notice's, else the organisation's, else MAIL_FROM's; never
   * Breachline's own default (absent then, which keeps the notice from review). A sender address
   * with no name of its own goes by the organisation's name.
   */
  private sender(request: CreateNoticeInput, organization: OrganizationDefaults, organizationName: string): Pick<NoticeMetadata, 'senderName' | 'senderAddress'> {
    const address = request.senderAddress ?? organization.senderAddress;
    const name = request.senderName ?? organization.senderName ?? (address === null ? null : organizationName);
    return { ...present('senderName', name), ...present('senderAddress', address) };
  }

  /** A locale's first words: the incident's facts as suggested text in that language. */
  private suggestions(incident: IncidentView): (locale: string) => LocaleFields {
    return (locale) => suggestedSections(incident, locale, this.deps.renderer.phrases(locale));
  }

  private reportDraft(incident: IncidentView, request: CreateNoticeInput, organizationName: string): Draft {
    const reports = incident.obligations.filter((o) => o.recipient !== 'individuals');
    const obligation = reports.find((o) => o.id === request.target);
    if (obligation === undefined) {
      const known = [INDIVIDUALS, ...reports.map((o) => o.id)].join(', ');
      throw invalid('target', `incident ${incident.id} has no obligation "${request.target}" to report on (known: ${known})`);
    }
    for (const key of ['locale', 'locales'] as const) {
      if (request[key] !== undefined) throw invalid(key, 'reports are written in their regime’s template; only notices to individuals take a locale');
    }
    for (const key of ['senderName', 'senderAddress'] as const) if (request[key] !== undefined) throw invalid(key, 'only notices to individuals have a sender');
    // A staged duty's report is its first stage unless the request names another.
    const duty = this.deps.regimes.find((r) => r.id === obligation.regime)?.recipients.find((e) => e.id === obligation.id.split(':')[1]);
    const stageId = request.stage ?? duty?.stages?.[0]?.id;
    const { regime, stage } = resolveReport(this.deps.regimes, { regime: obligation.regime, obligation: obligation.id, ...(stageId === undefined ? {} : { stage: stageId }) });
    // The responders' summary is internal (hostnames, global counts): a person rewrites it for the authority.
    const summary = incident.summary.trim() === '' ? {} : { summary: placeholder(incident.summary.trim()) };
    const content: VersionContent = {
      template: this.deps.renderer.reportRegimes.includes(obligation.regime) ? reportTemplate(obligation.regime) : STANDARD_REPORT_TEMPLATE,
      locale: null,
      regimes: [obligation.regime],
      stage: stage?.id ?? null,
      metadata: { organizationName, title: incident.title, ...summary },
      fields: {},
      facts: reportFacts(incident, regime, obligation.jurisdiction),
    };
    return { kind: 'report', regime: obligation.regime, content };
  }

  /**
   * Only the document's own items and metadata can change: nothing else reaches the template. A
   * new primary locale applies first, so the same edit can then remove the old one by name. A
   * report states the scope as the incident now records it, so each new version carries it afresh.
   */
  private applyEdit(notice: NoticeRow, previous: VersionContent, request: EditNoticeInput, incident: IncidentView): VersionContent {
    const kind = notice.kind as NoticeKind;
    const { locales } = this.deps.renderer;
    for (const key of ['locale', 'translations'] as const) {
      if (request[key] !== undefined && kind !== 'individuals') throw invalid(key, 'only notices to individuals are written in locales');
    }
    const prefill = this.suggestions(incident);
    let next: VersionContent = { ...previous, metadata: { ...previous.metadata } };
    if (request.locale !== undefined) {
      checkLocale(locales, request.locale, 'locale');
      next = withPrimaryLocale(next, request.locale, prefill);
    }
    for (const key of ['organizationName', 'senderName', 'senderAddress', 'title', 'summary'] as const) {
      const value = request[key];
      if (value === undefined) continue;
      if (!METADATA_KEYS[kind].includes(key)) throw invalid(key, `a ${kind === 'report' ? 'report' : 'notice to individuals'} has no ${key}`);
      next.metadata[key] = value;
    }
    if (kind === 'report') {
      const regime = this.deps.regimes.find((r) => r.id === notice.regime);
      const jurisdiction = obligationOf(notice)?.split(':')[2];
      if (regime !== undefined && jurisdiction !== undefined) next.facts = reportFacts(incident, regime, jurisdiction);
    }
    const { editable } = checklistOf(this.deps.regimes, kind, next, obligationOf(notice));
    next.fields = editItems(next.fields, request.fields ?? {}, editable, 'fields');
    if (request.translations === undefined) return next;
    return editTranslations(next, request.translations, { locales, fields: editable, prefill });
  }
}

/** `{ [key]: value }` when there is a value, so an absent one leaves the key out of the hashed content. */
const present = <K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, string>);
