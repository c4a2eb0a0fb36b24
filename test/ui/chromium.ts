import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Debian's Chromium (`.ci/run` installs it): playwright-core brings no browser of its own, and this
 * machine could not download one. CHROMIUM_PATH points elsewhere when needed.
 */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, as root (no sandbox), and quiet: no background calls to hosts a closed network refuses. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** Screenshots are test artifacts (test-artifacts/ is not committed); CI keeps the folder. */
export const ARTIFACTS = join('test-artifacts', 'console');

/** The whole page by default; `fullPage: false` keeps what a 1280x900 window shows (the README's picture). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: options.fullPage ?? true });
}

/** Every field a person can fill has a label a screen reader reads out. */
export async function expectEveryFieldLabelled(page: Page): Promise<void> {
  const unlabelled = await page.evaluate<string[]>(`
    Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
      .filter((field) => field.labels.length === 0 && !field.getAttribute('aria-label'))
      .map((field) => field.name)`);
  expect(unlabelled).toEqual([]);
}
