import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { NoticeQueries } from '../notices/notice-queries.js';
import { readerLanguage, type LanguageReason } from '../notices/render/notice-languages.js';
import { recipientGroups } from '../recipients/recipient-queries.js';

/** One group of recipients (same locale and jurisdiction columns) and the language they will read. */
export interface LanguageGroup {
  locale: string | null;
  jurisdiction: string | null;
  recipients: number;
  /** The notice language they read; null while no notice is drafted and neither column decides it. */
  reads: string | null;
  reason: LanguageReason;
  /** Whether the newest version of the notice is written in that language: a send is refused while any group's is not. */
  written: boolean;
}

export interface LanguagePlan {
  /** The newest version's locales, the primary first; empty before a notice is drafted. */
  noticeLocales: string[];
  groups: LanguageGroup[];
}

/**
 * Who reads the notice in which language, before anything is sent: each group's own locale when a
 * template ships for it, else where they live, else the notice's primary language (see
 * notice-languages.ts). Reviewers see at a glance which languages the notice still needs.
 */
export async function languagePlan(db: Kysely<Database>, incidents: IncidentService, notices: NoticeQueries, shipped: readonly string[], incidentId: string): Promise<LanguagePlan> {
  await incidents.get(incidentId);
  const noticeLocales = await notices.individualsLocales(incidentId);
  const primary = noticeLocales[0];
  const groups = (await recipientGroups(db, incidentId)).map(({ locale, jurisdiction, recipients }) => {
    // Before a notice is drafted there is no primary language to fall back on.
    const { locale: reads, reason } = readerLanguage(shipped, { locale, jurisdiction }) ?? { locale: primary ?? null, reason: 'primary' as const };
    return { locale, jurisdiction, recipients, reads, reason, written: reads !== null && noticeLocales.includes(reads) };
  });
  return { noticeLocales, groups };
}
