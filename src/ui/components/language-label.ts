const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * "German (de)", "Chinese, China (zh-CN)": a locale as a reviewer reads it, name first and the code
 * people type beside it. The region a name carries in brackets becomes a comma, so the code's
 * brackets are the only ones.
 */
export function languageLabel(code: string): string {
  let name: string | undefined;
  try {
    name = languageNames.of(code);
  } catch {
    // Not a well-formed tag: the code alone still says what was recorded.
  }
  if (name === undefined || name === code) return code;
  return `${name.replace(/ \(([^)]*)\)$/, ', $1')} (${code})`;
}
