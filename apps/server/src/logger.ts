import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Redaction covers every place a secret could sit in a log object; the
 * canary test scans the whole log output of a test run for every key it used, to prove it holds.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.apiKey',
  '*.*.apiKey',
  '*.credential.apiKey',
  'credential.apiKey',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  'apiKey',
  'password',
  'token',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { service: 'chatstudio' } };
  return destination ? pino(options, destination) : pino(options);
}
