import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Log ids, counts and event types, never tokens or personal data; the
 * redaction list is a second line of defence for fields that could carry them.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'breachline' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['token', '*.token', 'authorization', '*.authorization', 'req.headers.authorization', 'req.headers.cookie', 'email', '*.email'],
      censor: '[redacted]',
    },
  });
}
