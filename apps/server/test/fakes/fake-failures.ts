import type { FakeExchange } from './fake-exchange';
import type { FakeErrorResponse, FakeFailure } from './fake-types';

/** Each provider's real error answers (status + body), per providers.md. */
export interface ProviderErrors {
  badKey(key: string | undefined): FakeErrorResponse;
  forbidden(): FakeErrorResponse;
  unknownModel(model: string): FakeErrorResponse;
  rateLimit(quota: boolean): FakeErrorResponse;
  server(): FakeErrorResponse;
  overloaded(): FakeErrorResponse;
}

/**
 * Answers a queued failure that happens before any body is streamed. Returns true when the
 * request has been answered; stream-shaped failures are left for the stream writer, and on a
 * non-streaming route a `reset` cuts the connection and `slow-first-token` just delays.
 */
export async function answerFailure(
  exchange: FakeExchange,
  failure: FakeFailure | undefined,
  errors: ProviderErrors,
  streaming: boolean,
): Promise<boolean> {
  if (failure === undefined) return false;
  switch (failure.kind) {
    case 'bad-key':
      exchange.error(errors.badKey(undefined));
      return true;
    case 'forbidden':
      exchange.error(errors.forbidden());
      return true;
    case 'unknown-model':
      exchange.error(errors.unknownModel('unknown-model'));
      return true;
    case 'rate-limit': {
      const answer = errors.rateLimit(failure.quota ?? false);
      const headers = { ...answer.headers };
      if (failure.retryAfter !== undefined) headers['retry-after'] = failure.retryAfter;
      if (failure.retryAfterMs !== undefined) headers['retry-after-ms'] = String(failure.retryAfterMs);
      exchange.error({ ...answer, headers });
      return true;
    }
    case 'server-error':
      exchange.error(errors.server());
      return true;
    case 'overloaded':
      exchange.error(errors.overloaded());
      return true;
    case 'status':
      exchange.json(failure.status, failure.body, failure.headers);
      return true;
    case 'reset':
      if (streaming) return false;
      exchange.reset();
      return true;
    case 'slow-first-token':
      if (!streaming) await exchange.pause(failure.delayMs);
      return false;
    case 'mid-stream-error':
    case 'no-terminator':
      return false;
  }
}
