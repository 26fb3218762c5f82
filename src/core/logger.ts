/**
 * Structured logs (pino). Log lines are built from allowlisted fields only: never a child's name, date of birth
 * or case detail. Record identifiers (Lantern IDs) are allowed; they reveal nothing without access.
 */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'info'): Logger {
  return pino({
    level,
    base: { service: 'lantern' },
    // Belt and braces: if a field with one of these names is ever passed, it is redacted.
    redact: {
      paths: [
        'firstName',
        'lastName',
        'name',
        'dateOfBirth',
        'password',
        '*.firstName',
        '*.lastName',
        '*.dateOfBirth',
        '*.password',
        'req.headers.cookie',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
