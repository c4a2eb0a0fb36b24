import { loadRegimes } from '../../src/obligations/load-regimes.js';
import type { Regime } from '../../src/obligations/regime-schema.js';
import { createNoticeRenderer, type NoticeRenderer } from '../../src/notices/render/renderer.js';

/** A value that names its field, so a test can see exactly which items reached the output. */
export const marker = (field: string) => `value-of-${field}.`;

export const allFields = (names: Iterable<string>): Record<string, string> => Object.fromEntries([...names].map((n) => [n, marker(n)]));

/** The day every rendered notice in these tests is dated. */
export const NOTICE_DATE = '2026-11-21T10:00:00.000Z';

let loaded: Promise<{ regimes: Regime[]; renderer: NoticeRenderer }> | undefined;
export function setup(): Promise<{ regimes: Regime[]; renderer: NoticeRenderer }> {
  loaded ??= (async () => {
    const { regimes } = await loadRegimes();
    return { regimes, renderer: await createNoticeRenderer(regimes) };
  })();
  return loaded;
}

export const noticeInput = (fields: Record<string, string>, name = 'Alex Doe') => ({
  content: { organization: { name: 'Acme Ltd' }, fields },
  recipient: { name },
});

export const reportInput = (fields: Record<string, string>) => ({
  organization: { name: 'Acme Ltd' },
  incident: { title: 'CRM export leaked', summary: 'An export of the CRM was readable from the internet.' },
  fields,
});
