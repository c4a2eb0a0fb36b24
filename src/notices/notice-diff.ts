import { createTwoFilesPatch } from 'diff';
import { InvalidInputError } from '../errors.js';
import { localesOf, type VersionContent } from './notice-content.js';
import type { RenderedVersion } from './version-render.js';

export interface FieldChange {
  /** A section or item by name, or `metadata.<key>`, `facts.<key>` (a report's scope), `locale`, `locales`, `regimes`, `template`, `stage`. */
  field: string;
  /** An item of a notice to individuals: the locale whose text changed. Absent for what all locales share, and for reports. */
  locale?: string;
  from: string | null;
  to: string | null;
}

export interface NoticeDiff {
  from: number;
  to: number;
  changes: FieldChange[];
  /**
   * A unified diff of the rendered plain text, one file section per locale (`version 1 (zh-CN)`);
   * a locale only one side is written in is diffed against nothing. Null when no locale renders on both sides.
   */
  textPatch: string | null;
  /** Why a locale has no text diff: the renderer's complaint about the side that cannot render, or null. */
  textUnavailable: string | null;
}

interface Entry {
  field: string;
  locale?: string;
  value: string;
}

/** Every value a reviewer compares, keyed so the same item in two locales stays two entries. */
function flatten(content: VersionContent): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const shared = (field: string, value: string) => out.set(field, { field, value });
  shared('template', content.template);
  shared('regimes', content.regimes.join(', '));
  if (content.locale !== null) {
    shared('locale', content.locale);
    shared('locales', localesOf(content).join(', '));
  }
  if (content.stage !== null) shared('stage', content.stage);
  for (const [key, value] of Object.entries(content.metadata)) if (value !== undefined) shared(`metadata.${key}`, value);
  // A report states the scope it was written with: a reviewer sees when the numbers moved.
  for (const [key, value] of Object.entries(content.facts ?? {})) shared(`facts.${key}`, typeof value === 'string' ? value : JSON.stringify(value));
  if (content.locale === null) {
    for (const [field, value] of Object.entries(content.fields)) shared(field, value);
    return out;
  }
  const byLocale: [string, Record<string, string>][] = [[content.locale, content.fields], ...Object.entries(content.translations ?? {})];
  for (const [locale, fields] of byLocale) {
    for (const [field, value] of Object.entries(fields)) out.set(`${locale}/${field}`, { field, locale, value });
  }
  return out;
}

/** Item by item, per locale: what a reviewer reads to see exactly which words changed between two versions. */
export function fieldChanges(from: VersionContent, to: VersionContent): FieldChange[] {
  const a = flatten(from);
  const b = flatten(to);
  // Both sides' entries in one map: the same key names the same item in the same locale.
  const entries = new Map([...a, ...b]);
  return [...entries]
    .filter(([key]) => a.get(key)?.value !== b.get(key)?.value)
    .map(([key, { field, locale }]) => ({ field, ...(locale === undefined ? {} : { locale }), from: a.get(key)?.value ?? null, to: b.get(key)?.value ?? null }));
}

/** Renders one version in one locale (null: a report); null when the version is not written in that locale. */
export type RenderSide = (content: VersionContent, locale: string | null) => RenderedVersion | null;

const asText = (rendered: RenderedVersion | null): string => (rendered === null ? '' : `Subject: ${rendered.subject}\n\n${rendered.text}`);

/**
 * The rendered texts' difference, locale by locale, as one unified patch labelled with the version
 * numbers and locales. A side that cannot render yet (a draft with blanks) leaves its locale out
 * and says why, since the item-by-item changes still show what differs.
 */
export function textDiff(numbers: { from: number; to: number }, a: VersionContent, b: VersionContent, render: RenderSide): Pick<NoticeDiff, 'textPatch' | 'textUnavailable'> {
  const locales = a.locale === null ? [null] : [...new Set([...localesOf(a), ...localesOf(b)])];
  const patches: string[] = [];
  const unavailable: string[] = [];
  for (const locale of locales) {
    const sides: [number, VersionContent][] = [[numbers.from, a], [numbers.to, b]];
    const texts: string[] = [];
    for (const [number, content] of sides) {
      try {
        texts.push(asText(render(content, locale)));
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        unavailable.push(`version ${number}: ${error.message}`);
      }
    }
    const [before, after] = texts;
    if (before === undefined || after === undefined) continue;
    const label = (number: number) => (locale === null ? `version ${number}` : `version ${number} (${locale})`);
    patches.push(createTwoFilesPatch(label(numbers.from), label(numbers.to), before, after));
  }
  return { textPatch: patches.length === 0 ? null : patches.join(''), textUnavailable: unavailable.length === 0 ? null : unavailable.join('; ') };
}
