import type { SendRow } from './delivery-tables.js';
import type { SendCounts } from './send-store.js';

/** A send as the API shows it: its row without the worker's bookkeeping, its counts, its pace. */
export type SendView = Pick<
  SendRow,
  'id' | 'incidentId' | 'noticeId' | 'versionId' | 'contentHash' | 'status' | 'statusReason' | 'createdBy' | 'createdAt' | 'updatedAt' | 'finishedAt'
> &
  SendCounts & {
    /** Messages accepted per second over the last minute, while running. */
    ratePerSecond: number;
    /** Seconds until the pending ones are sent at that rate; null when not running or no rate yet. */
    etaSeconds: number | null;
  };

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
