import { createTwoFilesPatch } from 'diff';
import type { VersionContent } from './notice-content.js';
import type { RenderedVersion } from './version-render.js';

export interface FieldChange {
  /** A required-content item by name, or `metadata.<key>`, `locale`, `regimes`, `template`, `stage`. */
  field: string;
  from: string | null;
  to: string | null;
}

export interface NoticeDiff {
  from: number;
  to: number;
  changes: FieldChange[];
  /** A unified diff of the rendered plain text, or null when a side cannot render yet. */
  textPatch: string | null;
  /** Why there is no text diff: the renderer's complaint about the side that cannot render. */
  textUnavailable: string | null;
}

const flatten = (content: VersionContent): Map<string, string> => {
  const out = new Map<string, string>([
    ['template', content.template],
    ['regimes', content.regimes.join(', ')],
  ]);
  if (content.locale !== null) out.set('locale', content.locale);
  if (content.stage !== null) out.set('stage', content.stage);
  for (const [key, value] of Object.entries(content.metadata)) if (value !== undefined) out.set(`metadata.${key}`, value);
  for (const [key, value] of Object.entries(content.fields)) out.set(key, value);
  return out;
};

/** Item by item: what a reviewer reads to see exactly which words changed between two versions. */
export function fieldChanges(from: VersionContent, to: VersionContent): FieldChange[] {
  const a = flatten(from);
  const b = flatten(to);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  return names.filter((name) => a.get(name) !== b.get(name)).map((name) => ({ field: name, from: a.get(name) ?? null, to: b.get(name) ?? null }));
}

/** The rendered texts' difference, as a unified patch labelled with the version numbers. */
export const textPatch = (from: number, to: number, a: RenderedVersion, b: RenderedVersion): string =>
  createTwoFilesPatch(`version ${from}`, `version ${to}`, `Subject: ${a.subject}\n\n${a.text}`, `Subject: ${b.subject}\n\n${b.text}`);
