import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startFakeUpstreams, type FakeUpstreams } from './fake-upstreams';

/**
 * Runs the fake upstreams standalone, e.g. for benchmarks:
 * `npx tsx apps/server/test/fakes/fake-main.ts --port 4010 --first-token-ms 50 --chunk-ms 5 --reply-chars 2000`.
 * Any non-empty key is accepted. Prints the base URLs as JSON on stdout.
 */
export async function main(argv: string[]): Promise<FakeUpstreams> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      'first-token-ms': { type: 'string', default: '0' },
      'chunk-ms': { type: 'string', default: '0' },
      'reply-chars': { type: 'string', default: '400' },
      'chunk-size': { type: 'string', default: '8' },
    },
  });
  const text = 'The quick brown fox jumps over the lazy dog. '.repeat(1000).slice(0, Number(values['reply-chars']));
  const fake = await startFakeUpstreams({
    port: Number(values.port),
    acceptAnyKey: true,
    defaultReply: {
      text,
      chunkSize: Number(values['chunk-size']),
      chunkDelayMs: Number(values['chunk-ms']),
      firstTokenDelayMs: Number(values['first-token-ms']),
    },
  });
  process.stdout.write(`${JSON.stringify({ origin: fake.origin, baseUrls: fake.baseUrls })}\n`);
  return fake;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
