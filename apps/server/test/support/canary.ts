/**
 * Every provider key, password and token a test hands the server is registered here; when a test
 * server closes, its whole log output, every response body it sent and its database are scanned for
 * each one (spec §5: log redaction is enforced by a test).
 */
const secrets = new Set<string>();
/** Secrets the server legitimately shows once in a response (one-time passwords, new tokens). */
const shownOnce = new Set<string>();

export function canary<T extends string>(secret: T, options: { shownOnceInResponse?: boolean } = {}): T {
  secrets.add(secret);
  if (options.shownOnceInResponse) shownOnce.add(secret);
  return secret;
}

export function shownOnceSecrets(): ReadonlySet<string> {
  return shownOnce;
}

export function registeredSecrets(): string[] {
  return [...secrets];
}

/** Names of the secrets found in `haystack`, for a useful failure message. */
export function leakedIn(haystack: string, allowed: ReadonlySet<string> = new Set()): string[] {
  return registeredSecrets().filter((secret) => !allowed.has(secret) && haystack.includes(secret));
}
