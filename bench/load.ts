import autocannon from 'autocannon';
import { Agent, request } from 'undici';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

/** A fixed-duration closed-loop load with autocannon: `connections` requests in flight at all times. */
export async function runLoad(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  durationS: number;
  method?: 'GET' | 'POST';
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'POST',
    headers: options.headers,
    ...(options.method === 'GET' ? {} : { body: options.body }),
    connections: options.connections,
    duration: options.durationS,
    pipelining: 1,
    timeout: 30,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

/** Precise request latency (sub-millisecond) of sequential non-streaming calls, for concurrency 1. */
export async function measureLatency(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  requests: number;
}): Promise<{ p50: number; p99: number }> {
  const dispatcher = new Agent({ connections: 2 });
  const samples: number[] = [];
  for (let index = 0; index < options.requests; index++) {
    const started = performance.now();
    const response = await request(options.url, {
      method: 'POST',
      headers: options.headers,
      body: options.body,
      dispatcher,
    });
    await response.body.arrayBuffer();
    if (response.statusCode !== 200) throw new Error(`request failed with ${response.statusCode}`);
    samples.push(performance.now() - started);
  }
  await dispatcher.close();
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

export interface StreamTiming {
  ttftP50: number;
  ttftP99: number;
  /** Time from the first content byte to the last — near the upstream's own pacing when nothing buffers. */
  spreadP50: number;
  samples: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Time to first token of streamed responses: `concurrency` workers each send `perWorker` requests
 * in turn; a token is the first SSE data line carrying text (`"content":"…"` non-empty or `"text"`).
 */
export async function measureStreams(options: {
  concurrency: number;
  perWorker: number;
  send: (worker: number) => { url: string; headers: Record<string, string>; body: string };
}): Promise<StreamTiming> {
  const dispatcher = new Agent({ connections: options.concurrency + 4 });
  const ttfts: number[] = [];
  const spreads: number[] = [];
  const hasToken = /"(content|text)":"[^"]/;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let index = 0; index < options.perWorker; index++) {
        const call = options.send(worker);
        const started = performance.now();
        let first: number | undefined;
        let last = started;
        const response = await request(call.url, {
          method: 'POST',
          headers: call.headers,
          body: call.body,
          dispatcher,
        });
        for await (const chunk of response.body) {
          const text = String(chunk);
          if (hasToken.test(text)) {
            const now = performance.now();
            first ??= now;
            last = now;
          }
        }
        if (response.statusCode !== 200 || first === undefined)
          throw new Error(`stream failed with ${response.statusCode}`);
        ttfts.push(first - started);
        spreads.push(last - first);
      }
    }),
  );
  await dispatcher.close();
  return {
    ttftP50: percentile(ttfts, 50),
    ttftP99: percentile(ttfts, 99),
    spreadP50: percentile(spreads, 50),
    samples: ttfts.length,
  };
}
