import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Credentials of alert sources. An HMAC secret must stay usable to verify signatures, so it is
 * stored; a PagerDuty routing key only has to be found again, so only its sha256 is stored (it is
 * random, so a plain hash is a sound verifier). Neither is ever returned after creation.
 */
export const newHmacSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** PagerDuty routing keys are 32 characters; ours are too, so senders that check the length accept them. */
export const newRoutingKey = (): string => randomBytes(16).toString('hex');

export const hashRoutingKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const credentialHint = (secret: string): string => `${secret.slice(0, 10)}…`;

export const SIGNATURE_HEADER = 'X-Breachline-Signature';
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex>` over the raw body, the value a sender puts in X-Breachline-Signature. */
export const signBody = (secret: string, body: Uint8Array | string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Constant-time check of a signature header against the raw body. */
export function verifySignature(secret: string, body: Uint8Array, header: string | undefined): boolean {
  const match = SIGNATURE.exec(header?.trim() ?? '');
  if (match === null) return false;
  const given = Buffer.from(match[1]!, 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
