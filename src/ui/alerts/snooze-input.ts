import { text, type FormValues } from '../form-action.js';
import { instantFromInput } from '../utc-input.js';

/** The durations the snooze forms offer, in hours. */
export const SNOOZE_HOURS: readonly number[] = [1, 4, 24];

/**
 * The API's snooze input ({ until, reason }) from a snooze form: a typed time, read as UTC, wins;
 * else now plus the chosen hours. Anything else goes to the domain as typed, so its checks (a real
 * instant, in the future) and their messages stay the only ones.
 */
export function snoozeInput(values: FormValues, now: Date): { until?: string; reason: string } {
  const reason = text(values, 'reason');
  const typed = text(values, 'until').trim();
  if (typed !== '') return { until: instantFromInput(typed), reason };
  const hours = Number(text(values, 'for'));
  if (!SNOOZE_HOURS.includes(hours)) return { reason };
  return { until: new Date(now.getTime() + hours * 3_600_000).toISOString(), reason };
}
