import type { FakeUpstreams } from '../../../../server/test/fakes/fake-upstreams';

/**
 * The slice of `startAppWithFakes` (apps/server/test/support/with-fakes.ts) the browser tests use.
 * Declared by hand because importing the server's sources into a program with the DOM lib fails to
 * type-check (undici's `Response` is not the DOM's); the server's own tsconfig checks them.
 */
export interface ServerUnderTest {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  /** Response bodies scanned for registered secrets when the server closes; add the browser's here. */
  scannedResponses: string[];
  /** Closes the server, runs the secret-leak scan (throws on a leak), closes the fakes. */
  close(): Promise<void>;
}

/** The real server on a random port with fresh SQLite storage, its providers pointed at fresh fakes. */
export function startServerWithFakes(
  env: Record<string, string>,
): Promise<{ server: ServerUnderTest; fake: FakeUpstreams }>;
