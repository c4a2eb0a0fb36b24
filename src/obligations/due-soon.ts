const HOUR_MS = 3_600_000;

/**
 * When an obligation turns "due soon": once a quarter of its window is left, except that windows
 * of four hours or less turn due soon one hour before they end (a quarter of a one-hour CAC window
 * would leave fifteen minutes to act). Never earlier than the clock start itself.
 */
export function dueSoonAt(clockStart: Date, dueAt: string): string {
  const due = Date.parse(dueAt);
  const window = due - clockStart.getTime();
  const soon = window <= 4 * HOUR_MS ? due - HOUR_MS : due - window / 4;
  return new Date(Math.max(soon, clockStart.getTime())).toISOString();
}
