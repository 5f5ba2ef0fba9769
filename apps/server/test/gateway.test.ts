import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstreams, type FakeUpstreams } from './fakes/fake-upstreams';
import type { TestApp } from './support/app';
import { canary } from './support/canary';
import { testDatabases } from './support/databases';
import { createToken } from './support/factories';
import { buildOrgWorld, type OrgWorld } from './support/org-world';
import { startAppWithFakes } from './support/with-fakes';

describe.each(testDatabases())('OpenAI-compatible gateway with the official openai client on %s', (database) => {
  let fake: FakeUpstreams;
  let app: TestApp;
  let close: () => Promise<void>;
  let world: OrgWorld;
  let client: OpenAI;
  let token: string;
  const anthropicKey = canary(`sk-ant-api03-gateway-${database}-9999`);

  beforeAll(async () => {
    fake = await startFakeUpstreams();
    ({ app, close } = await startAppWithFakes({ database, fake, env: { CHATSTUDIO_UPSTREAM_MAX_RETRIES: '0' } }));
    world = await buildOrgWorld(app, fake);
    token = await createToken(world.memberA.client, 'openai sdk');
    client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });
  beforeEach(() => {
    fake.setReply('openai', {
      text: 'Hello from the gateway.',
      chunkSize: 6,
      usage: { inputTokens: 12, outputTokens: 5 },
    });
    fake.addKey('anthropic', anthropicKey);
  });

  it('lists every model the caller may use as <provider>/<id>', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('openai/gpt-4o-mini');
    expect(ids).toContain('ollama/qwen3:8b');
    expect(ids.some((id) => id.startsWith('anthropic/'))).toBe(false);
  });

  it('answers a non-streaming completion with usage, recorded like the chat UI', async () => {
    const completion = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.3,
      max_tokens: 50,
    });
    expect(completion.choices[0]?.message.content).toBe('Hello from the gateway.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.model).toBe('openai/gpt-4o-mini');
    expect(completion.usage).toEqual({ prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
    const upstream = fake
      .requestsFor('openai')
      .filter((r) => r.path === '/v1/chat/completions')
      .at(-1);
    expect(upstream?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.3 });
    expect(upstream?.headers.authorization).toBe(`Bearer ${world.orgKey}`);
    const usage = await app.server.db.kysely
      .selectFrom('usage_events')
      .selectAll()
      .where('source', '=', 'gateway')
      .execute();
    expect(usage.at(-1)).toMatchObject({
      user_id: world.memberA.userId,
      org_id: world.orgA,
      provider: 'openai',
      model: 'gpt-4o-mini',
      key_scope: 'org',
      outcome: 'complete',
      input_tokens: 12,
      output_tokens: 5,
    });
  });

  it('streams chunks and a usage chunk with stream_options.include_usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    let chunks = 0;
    for await (const part of stream) {
      chunks += 1;
      text += part.choices[0]?.delta.content ?? '';
      finish = part.choices[0]?.finish_reason ?? finish;
      if (part.usage) usage = part.usage;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(text).toBe('Hello from the gateway.');
    expect(finish).toBe('stop');
    expect(usage).toEqual({ prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
  });

  it('resolves a bare provider through calibration for the X-ChatStudio-Task task', async () => {
    await world.memberA.client.put('/api/providers/openai/calibration/code', { model: 'gpt-4.1-nano' });
    const completion = await client.chat.completions.create(
      { model: 'openai', messages: [{ role: 'user', content: 'code' }] },
      { headers: { 'X-ChatStudio-Task': 'code' } },
    );
    expect(completion.model).toBe('openai/gpt-4.1-nano');
    const response = await client.chat.completions
      .create(
        { model: 'openai', messages: [{ role: 'user', content: 'code' }] },
        { headers: { 'X-ChatStudio-Task': 'code' } },
      )
      .withResponse();
    expect(response.response.headers.get('x-chatstudio-resolved-by')).toBe('user_calibration');
    await world.memberA.client.delete('/api/providers/openai/calibration/code');
  });

  it('rejects a bad token with 401 AuthenticationError', async () => {
    const stranger = new OpenAI({ apiKey: 'csk_not-a-real-token', baseURL: `${app.url}/v1`, maxRetries: 0 });
    const error = await stranger.chat.completions
      .create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('unauthorized');
  });

  it('refuses a provider the policy forbids with 403, an unknown model with 404', async () => {
    await world.adminA.client.put(`/api/orgs/${world.orgA}/policy`, {
      approvedProviders: ['openai', 'ollama'],
      allowPersonalKeys: true,
    });
    const forbidden = await client.chat.completions
      .create({ model: 'anthropic/claude-sonnet-4-5-20250929', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((forbidden as InstanceType<typeof OpenAI.PermissionDeniedError>).code).toBe('provider_not_approved');
    await world.adminA.client.put(`/api/orgs/${world.orgA}/policy`, {
      approvedProviders: null,
      allowPersonalKeys: true,
    });
    for (const model of ['openai/gpt-does-not-exist', 'nonsense/model', 'openai/']) {
      const missing = await client.chat.completions
        .create({ model, messages: [{ role: 'user', content: 'x' }] })
        .catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    }
  });

  it('refuses calls over budget with 429', async () => {
    await world.adminA.client.put(`/api/orgs/${world.orgA}/policy`, {
      approvedProviders: null,
      allowPersonalKeys: true,
      memberMonthlyTokenBudget: 10,
    });
    const error = await client.chat.completions
      .create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], max_tokens: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('budget_exceeded');
    await world.adminA.client.put(`/api/orgs/${world.orgA}/policy`, {
      approvedProviders: null,
      allowPersonalKeys: true,
    });
  });

  it('turns an upstream cut mid-stream into an error the client sees, never a clean end', async () => {
    fake.failNext('openai', 'chat', { kind: 'reset', afterDeltas: 2 });
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const consume = async () => {
      for await (const part of stream) void part;
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
  });

  it('aborts the upstream request when the client disconnects', async () => {
    fake.setReply('openai', { text: 'z'.repeat(300), chunkSize: 3, chunkDelayMs: 15 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true },
      { signal: controller.signal },
    );
    const consume = async () => {
      for await (const part of stream) {
        if (part.choices[0]?.delta.content) controller.abort();
      }
    };
    await consume().catch(() => undefined);
    const aborted = await fake.waitForClientAbort('openai');
    expect(aborted.closedByClient).toBe(true);
  });

  it('passes tools through and returns the model’s tool calls, streaming and not', async () => {
    fake.setReply('openai', { text: '', toolCall: { name: 'get_weather', arguments: '{"city":"Paris"}' } });
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Weather by city',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ];
    const completion = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'weather in Paris?' }],
      tools,
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' ? call.function : undefined).toEqual({
      name: 'get_weather',
      arguments: '{"city":"Paris"}',
    });
    const upstream = fake
      .requestsFor('openai')
      .filter((r) => r.path === '/v1/chat/completions')
      .at(-1);
    expect(upstream?.body).toMatchObject({ tools: [{ type: 'function', function: { name: 'get_weather' } }] });

    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'weather?' }],
      tools,
      stream: true,
    });
    let args = '';
    let finish: string | null | undefined;
    for await (const part of stream) {
      args += part.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
      finish = part.choices[0]?.finish_reason ?? finish;
    }
    expect(args).toBe('{"city":"Paris"}');
    expect(finish).toBe('tool_calls');

    fake.setReply('openai', { text: 'It is sunny in Paris.' });
    const followUp = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      tools,
      messages: [
        { role: 'user', content: 'weather in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: call?.id ?? 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: call?.id ?? 'call_1', content: '{"sky":"clear"}' },
      ],
    });
    expect(followUp.choices[0]?.message.content).toBe('It is sunny in Paris.');
  });

  it('validates the request body in OpenAI’s error shape', async () => {
    const response = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringContaining('messages'),
        type: 'invalid_request_error',
        param: null,
        code: 'bad_request',
      },
    });
    const task = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-chatstudio-task': 'dance' },
      body: JSON.stringify({ model: 'openai', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(task.status).toBe(400);
  });
});
