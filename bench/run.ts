import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startBenchUpstream } from './fake-upstream';
import { measureLatency, measureStreams, runLoad, type LoadResult, type StreamTiming } from './load';
import { peakRssMb, pinningNote, pinSelf } from './processes';
import { chatStudioTarget, directTarget, portkeyTarget, type Target } from './targets';

/**
 * `npm run bench`: the same load sent directly to a fake upstream, through ChatStudio's gateway
 * (SQLite and PostgreSQL, full governance) and through Portkey's gateway, in one run on one machine.
 * Ratios are against the baseline measured in this same run. Writes a Markdown report to
 * bench/results/. Knobs: BENCH_DURATION (s, default 5), BENCH_CONCURRENCY (default 1,16,64,256),
 * BENCH_UPSTREAM_LATENCY_MS (first-token delay, default 0), BENCH_REPLY_CHARS (default 200).
 */
const durationS = Number(process.env.BENCH_DURATION ?? 5);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,16,64,256').split(',').map(Number);
const latencyMs = Number(process.env.BENCH_UPSTREAM_LATENCY_MS ?? 0);
const replyChars = Number(process.env.BENCH_REPLY_CHARS ?? 200);
const modes = ['non-streaming', 'streaming'] as const;
type Mode = (typeof modes)[number];

const body = (model: string, mode: Mode) =>
  JSON.stringify({
    model,
    messages: [{ role: 'user', content: 'Say something short.' }],
    max_tokens: 256,
    ...(mode === 'streaming' ? { stream: true, stream_options: { include_usage: true } } : {}),
  });

interface Row {
  target: string;
  mode: Mode;
  concurrency: number;
  result: LoadResult;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

async function loadTarget(target: Target, rows: Row[]): Promise<void> {
  for (const mode of modes) {
    for (const concurrency of concurrencies) {
      // A short warm-up so JIT and connection pools are settled before the measured run.
      await runLoad({
        url: target.chatUrl,
        headers: target.headers,
        body: body(target.model, mode),
        connections: concurrency,
        durationS: 1,
      });
      const result = await runLoad({
        url: target.chatUrl,
        headers: target.headers,
        body: body(target.model, mode),
        connections: concurrency,
        durationS,
      });
      rows.push({ target: target.name, mode, concurrency, result });
      log(
        `${target.name.padEnd(26)} ${mode.padEnd(14)} c=${String(concurrency).padEnd(4)} ${fmt(result.rps, 0).padStart(7)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  errors ${result.errors}`,
      );
    }
  }
}

async function ttft(target: Target, concurrency: number): Promise<StreamTiming> {
  return measureStreams({
    concurrency,
    perWorker: Math.max(10, Math.floor(200 / concurrency)),
    send: () => ({ url: target.chatUrl, headers: target.headers, body: body(target.model, 'streaming') }),
  });
}

async function main(): Promise<void> {
  pinSelf(1);
  const upstream = await startBenchUpstream({ firstTokenMs: latencyMs, replyChars, chunkChars: 20, chunkMs: 0 });
  const pacedUpstream = await startBenchUpstream({ firstTokenMs: 20, replyChars: 200, chunkChars: 20, chunkMs: 20 });
  log(`fake upstream ${upstream.baseUrl}: first token ${latencyMs} ms, ${replyChars} chars; ${pinningNote()}`);
  const rows: Row[] = [];
  const rss = new Map<string, number | undefined>();
  const ttfts: { target: string; concurrency: number; timing: StreamTiming }[] = [];
  const extras: string[] = [];
  const latencies: { target: string; p50: number; p99: number }[] = [];

  const targets: (() => Promise<Target | undefined>)[] = [
    () => Promise.resolve(directTarget(upstream.baseUrl)),
    () => chatStudioTarget(upstream.baseUrl, 3901, 'sqlite'),
    () => chatStudioTarget(upstream.baseUrl, 3902, 'postgres'),
    () => portkeyTarget(upstream.baseUrl, 3903),
  ];
  for (const start of targets) {
    const target = await start();
    if (!target) {
      extras.push('ChatStudio (postgres) skipped: no PostgreSQL at CHATSTUDIO_TEST_POSTGRES_URL / 127.0.0.1:5432.');
      continue;
    }
    try {
      await loadTarget(target, rows);
      try {
        latencies.push({
          target: target.name,
          ...(await measureLatency({
            url: target.chatUrl,
            headers: target.headers,
            body: body(target.model, 'non-streaming'),
            requests: 500,
          })),
        });
      } catch (error) {
        extras.push(`${target.name}: latency probe failed (${String(error)})`);
      }
      for (const concurrency of [1, 16]) {
        try {
          ttfts.push({ target: target.name, concurrency, timing: await ttft(target, concurrency) });
        } catch (error) {
          extras.push(`${target.name}: streaming TTFT probe failed at c=${concurrency} (${String(error)})`);
        }
      }
      if (target.extra) extras.push(...(await chatStudioExtras(target)));
      rss.set(target.name, peakRssMb(target.pid));
    } finally {
      await target.close();
    }
  }
  extras.push(await forwardingCheck(pacedUpstream.baseUrl));
  upstream.server.close();
  pacedUpstream.server.close();
  const report = renderReport(rows, rss, ttfts, extras, latencies);
  const dir = path.resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.md`);
  writeFileSync(file, report);
  writeFileSync(path.join(dir, 'latest.md'), report);
  log(`\n${report}\nwritten to ${path.relative(process.cwd(), file)}`);
}

/** Cached model-list latency (issue: providers) and chat-stream TTFT overhead (issue: chat). */
async function chatStudioExtras(target: Target): Promise<string[]> {
  const { token, baseUrl } = target.extra ?? { token: '', baseUrl: '' };
  const lines: string[] = [];
  const models = await runLoad({
    url: `${baseUrl}/api/providers/openai/models`,
    method: 'GET',
    headers: { authorization: `Bearer ${token}` },
    body: '',
    connections: 16,
    durationS: Math.min(durationS, 3),
  });
  lines.push(
    `${target.name}: cached model list (GET /api/providers/openai/models, c=16): ${fmt(models.rps, 0)} req/s, p50 ${fmt(models.p50)} ms, p99 ${fmt(models.p99)} ms, errors ${models.errors}`,
  );
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const conversations: string[] = [];
  for (let index = 0; index < 20; index++) {
    const created = await fetch(`${baseUrl}/api/conversations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: `bench ${index}` }),
    });
    conversations.push(((await created.json()) as { id: string }).id);
  }
  const chat = await measureStreams({
    concurrency: 20,
    perWorker: 5,
    send: (worker) => ({
      url: `${baseUrl}/api/conversations/${conversations[worker] ?? ''}/messages`,
      headers,
      body: JSON.stringify({ content: 'Say something short.', provider: 'openai', model: 'gpt-4o-mini' }),
    }),
  });
  lines.push(
    `${target.name}: chat stream (POST /api/conversations/:id/messages, 20 concurrent): TTFT p50 ${fmt(chat.ttftP50)} ms, p99 ${fmt(chat.ttftP99)} ms over ${chat.samples} streams`,
  );
  return lines;
}

/**
 * Deltas are forwarded as they arrive: an upstream sending 10 chunks 20 ms apart shows the same
 * first-to-last spread through ChatStudio as directly; a buffering proxy would collapse it to ~0.
 */
async function forwardingCheck(pacedBaseUrl: string): Promise<string> {
  const target = await chatStudioTarget(pacedBaseUrl, 3904, 'sqlite');
  if (!target) return 'forwarding check skipped';
  try {
    const streamBody = body(target.model, 'streaming');
    const direct = await measureStreams({
      concurrency: 20,
      perWorker: 3,
      send: () => ({
        url: `${pacedBaseUrl}/chat/completions`,
        headers: { authorization: 'Bearer sk-bench', 'content-type': 'application/json' },
        body: body('gpt-4o-mini', 'streaming'),
      }),
    });
    const through = await measureStreams({
      concurrency: 20,
      perWorker: 3,
      send: () => ({ url: target.chatUrl, headers: target.headers, body: streamBody }),
    });
    return `forwarding (upstream: 10 chunks 20 ms apart, first token after 20 ms, 20 concurrent streams): first→last chunk spread p50 ${fmt(direct.spreadP50)} ms direct vs ${fmt(through.spreadP50)} ms through ChatStudio; TTFT p50 ${fmt(direct.ttftP50)} ms direct vs ${fmt(through.ttftP50)} ms through ChatStudio (p99 ${fmt(direct.ttftP99)} vs ${fmt(through.ttftP99)})`;
  } finally {
    await target.close();
  }
}

function renderReport(
  rows: Row[],
  rss: Map<string, number | undefined>,
  ttfts: { target: string; concurrency: number; timing: StreamTiming }[],
  extras: string[],
  latencies: { target: string; p50: number; p99: number }[],
): string {
  const direct = (mode: Mode, c: number) =>
    rows.find((row) => row.target.startsWith('direct') && row.mode === mode && row.concurrency === c)?.result;
  const portkey = (mode: Mode, c: number) =>
    rows.find((row) => row.target.startsWith('Portkey') && row.mode === mode && row.concurrency === c)?.result;
  const lines = [
    `# Benchmark — ${new Date().toISOString()}`,
    '',
    `Machine: ${process.platform} ${process.arch}, Node ${process.version}. Each cell: ${durationS} s closed-loop load (autocannon) after a 1 s warm-up. ${pinningNote()}.`,
    `Fake upstream: OpenAI wire format, first token after ${latencyMs} ms, ${replyChars}-char reply in 20-char chunks.`,
    'ChatStudio runs with full governance: PAT auth, org policy with an allowlist, org key opened per call, org + member budgets reserved and settled, a usage event per call, one log line per request.',
    '',
    '| target | mode | conc. | req/s | p50 ms | p99 ms | errors | p50 over direct (ms) | req/s vs Portkey |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => {
      const base = direct(row.mode, row.concurrency);
      const pk = portkey(row.mode, row.concurrency);
      const overhead = base && !row.target.startsWith('direct') ? fmt(row.result.p50 - base.p50, 2) : '—';
      const comparable = !row.target.startsWith('Portkey') && !row.target.startsWith('direct');
      // Portkey's failing cells (non-2xx) are not a throughput to compare against.
      const ratio =
        !comparable || !pk
          ? '—'
          : pk.errors > 0 || pk.rps === 0
            ? 'n/a (Portkey failed)'
            : `${fmt(row.result.rps / pk.rps, 2)}×`;
      return `| ${row.target} | ${row.mode} | ${row.concurrency} | ${fmt(row.result.rps, 0)} | ${fmt(row.result.p50)} | ${fmt(row.result.p99)} | ${row.result.errors} | ${overhead} | ${ratio} |`;
    }),
    '',
    '## Latency at concurrency 1 (non-streaming; own client, 500 sequential calls, sub-millisecond)',
    '',
    '| target | p50 ms | p99 ms | added p50 ms | added p99 ms |',
    '|---|---:|---:|---:|---:|',
    ...latencies.map((entry) => {
      const base = latencies.find((candidate) => candidate.target.startsWith('direct'));
      const added = base && entry !== base ? [fmt(entry.p50 - base.p50, 2), fmt(entry.p99 - base.p99, 2)] : ['—', '—'];
      return `| ${entry.target} | ${fmt(entry.p50, 2)} | ${fmt(entry.p99, 2)} | ${added[0]} | ${added[1]} |`;
    }),
    '',
    '## Time to first token (streaming; own client, first SSE chunk with text)',
    '',
    '| target | conc. | TTFT p50 ms | TTFT p99 ms | samples |',
    '|---|---:|---:|---:|---:|',
    ...ttfts.map(
      (entry) =>
        `| ${entry.target} | ${entry.concurrency} | ${fmt(entry.timing.ttftP50, 2)} | ${fmt(entry.timing.ttftP99, 2)} | ${entry.timing.samples} |`,
    ),
    '',
    '## Peak RSS of the process under test (VmHWM)',
    '',
    '| target | peak RSS MB |',
    '|---|---:|',
    ...[...rss.entries()]
      .filter(([name]) => !name.startsWith('direct'))
      .map(([name, mb]) => `| ${name} | ${fmt(mb, 0)} |`),
    '',
    '## Other measurements',
    '',
    ...extras.map((line) => `- ${line}`),
    '',
  ];
  return lines.join('\n');
}

await main();
