import type { SendRow, SendStatus } from './delivery-tables.js';
import type { SendCounts } from './send-store.js';

export interface SendView {
  id: string;
  incidentId: string;
  noticeId: string;
  versionId: string;
  contentHash: string;
  status: SendStatus;
  statusReason: string | null;
  /** Recipients the send covers (those already sent the same words by an earlier send are not counted). */
  total: number;
  sent: number;
  failed: number;
  /** Still to go; for a cancelled send, what will now not be sent. */
  pending: number;
  /** Messages accepted per second over the last minute, while running. */
  ratePerSecond: number;
  /** Seconds until the pending ones are sent at that rate; null when not running or no rate yet. */
  etaSeconds: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export function sendView(send: SendRow, counts: SendCounts, ratePerSecond: number | null): SendView {
  const rate = ratePerSecond ?? 0;
  return {
    id: send.id,
    incidentId: send.incidentId,
    noticeId: send.noticeId,
    versionId: send.versionId,
    contentHash: send.contentHash,
    status: send.status,
    statusReason: send.statusReason,
    ...counts,
    ratePerSecond: Math.round(rate * 10) / 10,
    etaSeconds: send.status === 'running' && rate > 0 ? Math.ceil(counts.pending / rate) : null,
    createdBy: send.createdBy,
    createdAt: send.createdAt,
    updatedAt: send.updatedAt,
    finishedAt: send.finishedAt,
  };
}
