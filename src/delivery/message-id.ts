/**
 * The domain Breachline's Message-IDs end in: MAIL_FROM's, so receivers see ids from the sender's
 * own domain; a bare or unparsable MAIL_FROM falls back to `breachline.local`.
 */
export function messageIdDomain(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain !== undefined && /^[a-z0-9.-]+$/.test(domain) ? domain : 'breachline.local';
}

/**
 * The notice's Message-ID for one recipient: fixed by the notice version and the recipient, so a
 * retry, a restart or a second send of the same words carries the same id, and the database's
 * unique key on it refuses a second message. Written the same way in SQL (delivery-queue.ts).
 */
export const noticeMessageId = (versionId: string, recipientId: number, domain: string): string => `<notice.${versionId}.${recipientId}@${domain}>`;
