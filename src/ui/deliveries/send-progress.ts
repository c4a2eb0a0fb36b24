import type { SendStatus } from '../../delivery/delivery-tables.js';
import type { SendView } from '../../delivery/send-view.js';
import { durationText } from '../components/time.js';

/** The words a send's state reads as; the badge's colour only repeats them. */
export const SEND_STATUS_WORDS: Record<SendStatus, string> = {
  running: 'Sending',
  paused: 'Paused',
  cancelled: 'Cancelled',
  complete: 'Complete',
};

/** The sentences the panel shows for a send, written once here for the page and for the poller. */
export interface ProgressText {
  status: string;
  counts: string;
  rate: string;
  eta: string;
}

const seconds = (s: number): string => (s < 60 ? `${s} s` : durationText(s * 1000));

export function progressText(send: SendView): ProgressText {
  return {
    status: SEND_STATUS_WORDS[send.status],
    counts: `${send.sent.toLocaleString('en')} sent, ${send.failed.toLocaleString('en')} failed, ${send.pending.toLocaleString('en')} pending, of ${send.total.toLocaleString('en')}`,
    rate: send.status === 'running' ? `${send.ratePerSecond.toLocaleString('en')} messages per second` : 'not sending now',
    eta: send.etaSeconds === null ? (send.status === 'running' ? 'time left not known yet' : '') : `about ${seconds(send.etaSeconds)} left`,
  };
}

/** What the progress poller reads: the send's figures and the same sentences the page drew. */
export const progressJson = (send: SendView) => ({
  id: send.id,
  status: send.status,
  statusReason: send.statusReason,
  total: send.total,
  sent: send.sent,
  failed: send.failed,
  pending: send.pending,
  ratePerSecond: send.ratePerSecond,
  etaSeconds: send.etaSeconds,
  finishedAt: send.finishedAt,
  text: progressText(send),
});
