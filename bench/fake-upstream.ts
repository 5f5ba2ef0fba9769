import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * The benchmark's upstream: OpenAI's Chat Completions wire format (streaming SSE with `[DONE]` and
 * `stream_options.include_usage`, and plain JSON), any Bearer key, with a configurable time to
 * first token, reply length and chunk pacing. Lean on purpose: the fake must not be the bottleneck.
 */
export interface FakeUpstreamOptions {
  port?: number;
  firstTokenMs: number;
  replyChars: number;
  chunkChars: number;
  chunkMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startBenchUpstream(options: FakeUpstreamOptions): Promise<{ server: Server; baseUrl: string }> {
  const reply = 'The quick brown fox jumps over the lazy dog. '
    .repeat(Math.ceil(options.replyChars / 45) + 1)
    .slice(0, options.replyChars);
  const chunks: string[] = [];
  for (let index = 0; index < reply.length; index += options.chunkChars)
    chunks.push(reply.slice(index, index + options.chunkChars));
  const models = JSON.stringify({
    object: 'list',
    data: ['gpt-4o-mini', 'gpt-4.1-nano'].map((id) => ({
      id,
      object: 'model',
      created: 1721172741,
      owned_by: 'system',
    })),
  });

  const server = createServer((request, response) => {
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(
          '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}',
        );
      return;
    }
    if (request.method === 'GET' && request.url === '/v1/models') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(models);
      return;
    }
    const body: Buffer[] = [];
    request.on('data', (chunk: Buffer) => body.push(chunk));
    request.on('end', () => {
      void answer(Buffer.concat(body).toString('utf8'));
    });
    async function answer(text: string) {
      const parsed = JSON.parse(text) as {
        model?: string;
        stream?: boolean;
        stream_options?: { include_usage?: boolean };
      };
      const model = parsed.model ?? 'gpt-4o-mini';
      const usage = {
        prompt_tokens: Math.ceil(text.length / 4),
        completion_tokens: chunks.length,
        total_tokens: Math.ceil(text.length / 4) + chunks.length,
      };
      if (options.firstTokenMs > 0) await sleep(options.firstTokenMs);
      const id = 'chatcmpl-bench';
      const created = Math.floor(Date.now() / 1000);
      if (!parsed.stream) {
        if (options.chunkMs > 0) await sleep(options.chunkMs * chunks.length);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            id,
            object: 'chat.completion',
            created,
            model,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: reply, refusal: null },
                logprobs: null,
                finish_reason: 'stop',
              },
            ],
            usage,
          }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const frame = (delta: unknown, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
      response.write(frame({ role: 'assistant', content: '' }, null));
      for (const piece of chunks) {
        if (options.chunkMs > 0) await sleep(options.chunkMs);
        if (response.destroyed) return;
        response.write(frame({ content: piece }, null));
      }
      response.write(frame({}, 'stop'));
      if (parsed.stream_options?.include_usage) {
        response.write(
          `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`,
        );
      }
      response.end('data: [DONE]\n\n');
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}/v1` };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'first-token-ms': { type: 'string', default: '0' },
      'reply-chars': { type: 'string', default: '200' },
      'chunk-chars': { type: 'string', default: '20' },
      'chunk-ms': { type: 'string', default: '0' },
    },
  });
  const { baseUrl } = await startBenchUpstream({
    port: Number(values.port),
    firstTokenMs: Number(values['first-token-ms']),
    replyChars: Number(values['reply-chars']),
    chunkChars: Number(values['chunk-chars']),
    chunkMs: Number(values['chunk-ms']),
  });
  process.stdout.write(`${baseUrl}\n`);
}
