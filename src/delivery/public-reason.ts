/**
 * A failure reason fit for the timeline and the responders' email: servers often quote the
 * recipient's address in their reply ("550 <ann@example.com>: unknown user"), and those places
 * must not carry personal data. The delivery row itself keeps the full reply.
 */
export const publicReason = (reason: string): string => reason.replace(/[^\s<>"'@]+@[^\s<>"']+/g, '<address>').slice(0, 500);
