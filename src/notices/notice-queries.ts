import { InvalidInputError } from '../errors.js';
import { contentHash, localesOf, parseContent, type NoticeKind, type VersionContent } from './notice-content.js';
import { checklist, obligationOf, type NoticeDeps } from './notice-deps.js';
import { fieldChanges, textDiff, type NoticeDiff } from './notice-diff.js';
import { commentsOf, findNotice, findVersion, latestVersion, noticeFor, noticesOf, versionsOf } from './notice-store.js';
import type { NoticeRow } from './notice-tables.js';
import { noticeView, versionView, type NoticeView, type VersionView } from './notice-view.js';
import { renderVersion, type RenderedVersion, type SampleRecipient } from './version-render.js';

/** The approved words delivery may send, with the hash legal approved. */
export interface SendableVersion {
  noticeId: string;
  versionId: string;
  number: number;
  contentHash: string;
  /** The words themselves, as checked against `contentHash`: what `prepareIndividualNotice` takes. */
  content: VersionContent;
  view: VersionView;
}

/** Reads: notices, versions, diffs and previews, and the one question delivery asks. */
export class NoticeQueries {
  constructor(private readonly deps: NoticeDeps) {}

  async get(noticeId: string): Promise<NoticeView> {
    return this.view(await findNotice(this.deps.db, noticeId));
  }

  async listForIncident(incidentId: string): Promise<NoticeView[]> {
    await this.deps.incidents.get(incidentId);
    const notices = await noticesOf(this.deps.db, incidentId);
    return Promise.all(notices.map((notice) => this.view(notice)));
  }

  async versions(noticeId: string): Promise<VersionView[]> {
    await findNotice(this.deps.db, noticeId);
    const rows = await versionsOf(this.deps.db, noticeId);
    const comments = await commentsOf(this.deps.db, rows.map((r) => r.id));
    return rows.map((row) => versionView(row, comments));
  }

  async version(noticeId: string, number: number): Promise<VersionView> {
    const row = await findVersion(this.deps.db, noticeId, number);
    return versionView(row, await commentsOf(this.deps.db, [row.id]));
  }

  async diff(noticeId: string, from: number, to: number): Promise<NoticeDiff> {
    const notice = await findNotice(this.deps.db, noticeId);
    const a = parseContent((await findVersion(this.deps.db, noticeId, from)).content);
    const b = parseContent((await findVersion(this.deps.db, noticeId, to)).content);
    const text = textDiff({ from, to }, a, b, (content, locale) => {
      if (locale !== null && !localesOf(content).includes(locale)) return null;
      return this.render(notice, content, locale === null ? {} : { locale });
    });
    return { from, to, changes: fieldChanges(a, b), ...text };
  }

  async preview(noticeId: string, number: number, recipient: SampleRecipient): Promise<RenderedVersion> {
    const notice = await findNotice(this.deps.db, noticeId);
    const version = await findVersion(this.deps.db, noticeId, number);
    if (notice.kind === 'report' && (recipient.name !== undefined || recipient.locale !== undefined)) {
      throw new InvalidInputError('reports have no recipient to personalise', [{ path: recipient.name === undefined ? 'locale' : 'name', message: 'only notices to individuals take a sample recipient' }]);
    }
    return this.render(notice, parseContent(version.content), recipient);
  }

  /** The locales the newest version of the incident's notice to individuals is written in, the primary first; empty before one is drafted. */
  async individualsLocales(incidentId: string): Promise<string[]> {
    const notice = await noticeFor(this.deps.db, incidentId, 'individuals');
    return notice === undefined ? [] : localesOf(parseContent((await latestVersion(this.deps.db, notice.id)).content));
  }

  /**
   * The version delivery may send for an incident's track (`individuals` or an obligation id), or
   * null. Only the newest version counts, only when approved, only when its words still hash to
   * what legal approved, and only when the incident's lifecycle records that same approval.
   */
  async approvedVersionForSending(incidentId: string, target: string): Promise<SendableVersion | null> {
    const notice = await noticeFor(this.deps.db, incidentId, target);
    if (notice === undefined) return null;
    const latest = await latestVersion(this.deps.db, notice.id);
    const content = parseContent(latest.content);
    if (latest.status !== 'approved' || contentHash(content) !== latest.contentHash) return null;
    const incident = await this.deps.incidents.get(incidentId);
    const recorded =
      notice.kind === 'individuals' ? incident.individuals.approvedVersion : (incident.obligations.find((o) => o.id === target)?.approvedVersion ?? null);
    if (recorded?.versionId !== latest.id || recorded.contentHash !== latest.contentHash) return null;
    const comments = await commentsOf(this.deps.db, [latest.id]);
    return { noticeId: notice.id, versionId: latest.id, number: latest.number, contentHash: latest.contentHash, content, view: versionView(latest, comments) };
  }

  private render(notice: NoticeRow, content: VersionContent, recipient: SampleRecipient = {}): RenderedVersion {
    // A preview is dated today, as a message sent now would be.
    return renderVersion(this.deps.renderer, notice.kind as NoticeKind, obligationOf(notice), content, this.deps.clock().toISOString(), recipient);
  }

  private async view(notice: NoticeRow): Promise<NoticeView> {
    const latest = await latestVersion(this.deps.db, notice.id);
    const comments = await commentsOf(this.deps.db, [latest.id]);
    return noticeView(notice, versionView(latest, comments), checklist(this.deps, notice, latest));
  }
}
