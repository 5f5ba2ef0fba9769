import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstreams, type FakeUpstreams } from './fakes/fake-upstreams';
import type { TestApp } from './support/app';
import { canary } from './support/canary';
import { testDatabases } from './support/databases';
import { buildUser, setupAdmin } from './support/factories';
import { sendMessage, type ReceivedEvent } from './support/sse';
import { startAppWithFakes } from './support/with-fakes';

describe.each(testDatabases())('chat on %s', (database) => {
  let fake: FakeUpstreams;
  let app: TestApp;
  let close: () => Promise<void>;
  let orgId: string;
  const openaiKey = canary(`sk-proj-chat-${database}-abcd1234`);
  const anthropicKey = canary(`sk-ant-api03-chat-${database}-wxyz`);

  beforeAll(async () => {
    fake = await startFakeUpstreams();
    ({ app, close } = await startAppWithFakes({
      database,
      fake,
      env: {
        CHATSTUDIO_KEEPALIVE_MS: '20',
        CHATSTUDIO_UPSTREAM_RETRY_BASE_MS: '5',
        CHATSTUDIO_UPSTREAM_MAX_RETRIES: '2',
      },
    }));
    orgId = (await setupAdmin(app)).me.activeOrgId;
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });
  beforeEach(async () => {
    fake.reset();
    fake.addKey('openai', openaiKey);
    fake.addKey('anthropic', anthropicKey);
    expect((await app.client.put('/api/providers/openai/key', { apiKey: openaiKey })).status).toBe(200);
  });

  async function newConversation(client = app.client, title?: string): Promise<string> {
    const created = await client.post('/api/conversations', title ? { title } : {});
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** Sends a message and reads the whole SSE stream (or stops reading when `until` says so). */
  async function send(
    conversationId: string,
    body: Record<string, unknown>,
    options: { client?: typeof app.client; onEvent?: (e: ReceivedEvent) => void; signal?: AbortSignal } = {},
  ) {
    return sendMessage(app.url, options.client ?? app.client, conversationId, body, options);
  }

  it('streams a reply as start → delta… → usage → done and stores the whole exchange', async () => {
    fake.setReply('openai', { text: 'Streaming works as expected.', chunkSize: 5, chunkDelayMs: 2 });
    const id = await newConversation();
    const result = await send(id, { content: 'Hello?', provider: 'openai', model: 'gpt-4o-mini' });
    expect(result.status).toBe(200);
    const names = result.events.map((e) => e.event);
    expect(names[0]).toBe('start');
    expect(names.slice(-2)).toEqual(['usage', 'done']);
    expect(names.filter((n) => n === 'delta').length).toBeGreaterThan(2);
    expect(result.events[0]?.data).toEqual({
      messageId: expect.any(String),
      provider: 'openai',
      model: 'gpt-4o-mini',
      task: 'chat',
      keyScope: 'user',
      resolvedBy: 'request',
    });
    const text = result.events
      .filter((e) => e.event === 'delta')
      .map((e) => e.data.text)
      .join('');
    expect(text).toBe('Streaming works as expected.');
    expect(result.events.at(-1)?.data).toEqual({ messageId: result.events[0]?.data.messageId, finishReason: 'stop' });

    const conversation = await app.client.get(`/api/conversations/${id}`);
    expect(conversation.body.messages).toMatchObject([
      { role: 'user', content: 'Hello?', status: 'complete' },
      {
        role: 'assistant',
        content: 'Streaming works as expected.',
        status: 'complete',
        provider: 'openai',
        model: 'gpt-4o-mini',
        task: 'chat',
        resolvedBy: 'request',
        keyScope: 'user',
        outputTokens: expect.any(Number),
        timeToFirstTokenMs: expect.any(Number),
        durationMs: expect.any(Number),
      },
    ]);
    const upstream = fake.requestsFor('openai').find((r) => r.path === '/v1/chat/completions');
    expect(upstream?.body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: 'Hello?' }],
    });
  });

  it('remembers the last-used provider and model for every device', async () => {
    const id = await newConversation();
    await send(id, { content: 'hi', provider: 'openai', model: 'gpt-4.1-nano' });
    const me = await app.client.get('/api/me');
    expect(me.body.lastUsed).toEqual({ provider: 'openai', model: 'gpt-4.1-nano' });
    const second = await send(await newConversation(), { content: 'again', provider: 'openai' });
    expect(second.events[0]?.data).toMatchObject({ model: 'gpt-4.1-nano', resolvedBy: 'last_used' });
    const set = await app.client.put('/api/me/last-used', { provider: 'openai', model: 'o4-mini' });
    expect(set.status).toBe(200);
    expect(set.body.lastUsed).toEqual({ provider: 'openai', model: 'o4-mini' });
  });

  it('uses calibration overrides in the spec order and reports resolvedBy', async () => {
    expect((await app.client.put('/api/providers/anthropic/key', { apiKey: anthropicKey })).status).toBe(200);
    const saved = await app.client.put('/api/providers/anthropic/calibration/code', {
      model: 'claude-3-5-haiku-20241022',
      temperature: 0.2,
      maxOutputTokens: 300,
    });
    expect(saved.status).toBe(200);
    const view = await app.client.get('/api/providers/anthropic/calibration');
    expect(view.body.tasks.code).toEqual({
      user: { model: 'claude-3-5-haiku-20241022', temperature: 0.2, maxOutputTokens: 300 },
      effective: { model: 'claude-3-5-haiku-20241022', resolvedBy: 'user_calibration' },
    });
    expect(view.body.tasks.reason.effective.resolvedBy).toMatch(/last_used|provider_default/);

    const result = await send(await newConversation(), { content: 'write code', provider: 'anthropic', task: 'code' });
    expect(result.events[0]?.data).toMatchObject({
      model: 'claude-3-5-haiku-20241022',
      task: 'code',
      resolvedBy: 'user_calibration',
    });
    const upstream = fake
      .requestsFor('anthropic')
      .filter((r) => r.path === '/v1/messages')
      .at(-1);
    expect(upstream?.body).toMatchObject({ model: 'claude-3-5-haiku-20241022', temperature: 0.2, max_tokens: 300 });

    expect((await app.client.delete('/api/providers/anthropic/calibration/code')).status).toBe(204);
    expect((await app.client.delete('/api/providers/anthropic/calibration/code')).status).toBe(404);
  });

  it('reads org-level overrides below the user’s own', async () => {
    const { app: _unused } = { app };
    await app.server.db.kysely
      .insertInto('calibrations')
      .values({
        id: `org-cal-${database}`,
        scope: 'org',
        owner_id: orgId,
        provider: 'openai',
        task: 'extract',
        model: 'gpt-4.1-nano',
        temperature: null,
        max_output_tokens: null,
        reasoning_effort: null,
        system_prompt: 'Answer in JSON.',
        updated_by: null,
        updated_at: Date.now(),
      })
      .execute();
    const view = await app.client.get('/api/providers/openai/calibration');
    expect(view.body.tasks.extract).toMatchObject({
      org: { model: 'gpt-4.1-nano', systemPrompt: 'Answer in JSON.' },
      effective: { model: 'gpt-4.1-nano', resolvedBy: 'org_calibration' },
    });
    const result = await send(await newConversation(), {
      content: 'extract this',
      provider: 'openai',
      task: 'extract',
    });
    expect(result.events[0]?.data).toMatchObject({ model: 'gpt-4.1-nano', resolvedBy: 'org_calibration' });
    const upstream = fake
      .requestsFor('openai')
      .filter((r) => r.path === '/v1/chat/completions')
      .at(-1);
    expect(upstream?.body).toMatchObject({
      temperature: 0,
      messages: [
        { role: 'system', content: 'Answer in JSON.' },
        { role: 'user', content: 'extract this' },
      ],
    });
  });

  it('validates calibration saves and message input', async () => {
    expect((await app.client.put('/api/providers/openai/calibration/dance', { model: 'gpt-4o-mini' })).status).toBe(
      400,
    );
    const unknownModel = await app.client.put('/api/providers/openai/calibration/title', { model: 'gpt-nonexistent' });
    expect(unknownModel.status).toBe(400);
    expect(unknownModel.body.error.message).toContain('gpt-nonexistent');
    expect(
      (await app.client.put('/api/providers/openai/calibration/title', { model: 'gpt-4o-mini', temperature: 9 }))
        .status,
    ).toBe(400);

    const id = await newConversation();
    const badModel = await send(id, { content: 'x', provider: 'openai', model: 'text-embedding-3-small' });
    expect(badModel.status).toBe(400);
    expect(badModel.error?.code).toBe('bad_request');
    expect(badModel.error?.message).toContain('text-embedding-3-small');
    expect((await send(id, { content: 'x', provider: 'openai', task: 'dance' })).status).toBe(400);
    expect((await send(id, { content: 'x', provider: 'openai', task: 'title' })).status).toBe(400);
    expect((await send(id, { content: '', provider: 'openai' })).status).toBe(400);
    const tooLong = await send(id, { content: 'x'.repeat(100_001), provider: 'openai' });
    expect(tooLong.status).toBe(413);
    const noKey = await send(id, { content: 'x', provider: 'mistral' });
    expect(noKey.status).toBe(409);
    expect(noKey.error).toMatchObject({ code: 'key_required', provider: 'mistral' });
    expect((await app.client.get(`/api/conversations/${id}`)).body.messages).toEqual([]);
  });

  it("hides other users' conversations behind 404", async () => {
    const member = await buildUser(app, { orgId });
    const id = await newConversation();
    for (const response of [
      await member.client.get(`/api/conversations/${id}`),
      await member.client.patch(`/api/conversations/${id}`, { title: 'mine now' }),
      await member.client.delete(`/api/conversations/${id}`),
      await member.client.post(`/api/conversations/${id}/messages/whatever/stop`),
    ]) {
      expect(response.status).toBe(404);
    }
    expect((await send(id, { content: 'x', provider: 'openai' }, { client: member.client })).status).toBe(404);
    expect((await member.client.get('/api/conversations')).body.conversations).toEqual([]);
  });

  it('renames, lists and deletes conversations', async () => {
    const id = await newConversation();
    expect((await app.client.patch(`/api/conversations/${id}`, { title: 'Renamed' })).body.title).toBe('Renamed');
    expect(
      (await app.client.get('/api/conversations')).body.conversations.some(
        (c: { id: string; title: string }) => c.id === id && c.title === 'Renamed',
      ),
    ).toBe(true);
    expect((await app.client.delete(`/api/conversations/${id}`)).status).toBe(204);
    expect((await app.client.get(`/api/conversations/${id}`)).status).toBe(404);
  });

  it('stops a reply midway: aborts upstream and keeps the partial text', async () => {
    fake.setReply('openai', { text: 'a'.repeat(400), chunkSize: 4, chunkDelayMs: 15 });
    const id = await newConversation();
    let messageId = '';
    let stopRequested: Promise<unknown> | undefined;
    const result = await send(
      id,
      { content: 'long please', provider: 'openai' },
      {
        onEvent: (event) => {
          if (event.event === 'start') messageId = event.data.messageId;
          if (event.event === 'delta' && !stopRequested)
            stopRequested = app.client.post(`/api/conversations/${id}/messages/${messageId}/stop`);
        },
      },
    );
    expect(((await stopRequested) as { status: number }).status).toBe(200);
    const aborted = await fake.waitForClientAbort('openai');
    expect(aborted.closedByClient).toBe(true);
    expect(result.events.at(-1)).toEqual({ event: 'done', data: { messageId, finishReason: 'stopped' } });
    const text = result.events
      .filter((e) => e.event === 'delta')
      .map((e) => e.data.text)
      .join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(400);
    const stored = (await app.client.get(`/api/conversations/${id}`)).body.messages[1];
    expect(stored).toMatchObject({ status: 'partial', content: text });
    const usage = await app.server.db.kysely
      .selectFrom('usage_events')
      .selectAll()
      .where('outcome', '=', 'stopped')
      .execute();
    expect(usage.length).toBeGreaterThan(0);
  });

  it('aborts upstream when the client disconnects, keeping the partial reply', async () => {
    fake.setReply('openai', { text: 'b'.repeat(400), chunkSize: 4, chunkDelayMs: 15 });
    const id = await newConversation();
    const controller = new AbortController();
    await send(
      id,
      { content: 'then I leave', provider: 'openai' },
      {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.event === 'delta') controller.abort();
        },
      },
    ).catch(() => undefined);
    await fake.waitForClientAbort('openai');
    await expect
      .poll(async () => (await app.client.get(`/api/conversations/${id}`)).body.messages[1]?.status)
      .toBe('partial');
    const usage = await app.server.db.kysely
      .selectFrom('usage_events')
      .selectAll()
      .where('outcome', '=', 'client_closed')
      .execute();
    expect(usage.length).toBeGreaterThan(0);
  });

  it('refuses a second message while a reply is still streaming (409)', async () => {
    fake.setReply('openai', { text: 'c'.repeat(200), chunkSize: 4, chunkDelayMs: 10 });
    const id = await newConversation();
    let second: Awaited<ReturnType<typeof send>> | undefined;
    let asked: Promise<void> | undefined;
    await send(
      id,
      { content: 'first', provider: 'openai' },
      {
        onEvent: (event) => {
          if (event.event === 'delta' && !asked)
            asked = send(id, { content: 'second', provider: 'openai' }).then((r) => void (second = r));
        },
      },
    );
    await asked;
    expect(second?.status).toBe(409);
    expect(second?.error?.code).toBe('conflict');
  });

  it('retries a retryable failure before the first token, honouring retry-after', async () => {
    fake.failNext('openai', 'chat', { kind: 'rate-limit', retryAfterMs: 10 });
    fake.failNext('openai', 'chat', { kind: 'server-error' });
    const result = await send(await newConversation(app.client, 'titled already'), {
      content: 'retry me',
      provider: 'openai',
    });
    expect(result.events.at(-1)?.event).toBe('done');
    const attempts = fake
      .requestsFor('openai')
      .filter((r) => r.path === '/v1/chat/completions' && JSON.stringify(r.body).includes('retry me'));
    expect(attempts).toHaveLength(3);
  });

  it('retries Anthropic 529 overloaded, then gives up with a clear error after the bound', async () => {
    expect((await app.client.put('/api/providers/anthropic/key', { apiKey: anthropicKey })).status).toBe(200);
    for (let i = 0; i < 3; i++) fake.failNext('anthropic', 'chat', { kind: 'overloaded' });
    const id = await newConversation();
    const result = await send(id, { content: 'busy?', provider: 'anthropic' });
    expect(result.events.map((e) => e.event)).toEqual(['start', 'error']);
    expect(result.events[1]?.data.code).toBe('provider_unavailable');
    expect(fake.requestsFor('anthropic').filter((r) => r.path === '/v1/messages')).toHaveLength(3);
    expect((await app.client.get(`/api/conversations/${id}`)).body.messages[1]).toMatchObject({
      status: 'error',
      errorCode: 'provider_unavailable',
    });
  });

  it('does not retry a rejected key, and says key_invalid', async () => {
    fake.failNext('openai', 'chat', { kind: 'bad-key' });
    const result = await send(await newConversation(), { content: 'x', provider: 'openai' });
    expect(result.events.map((e) => e.event)).toEqual(['start', 'error']);
    expect(result.events[1]?.data.code).toBe('key_invalid');
    expect(fake.requestsFor('openai').filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
  });

  it.each([
    ['an error event in the middle of the stream', { kind: 'mid-stream-error', afterDeltas: 3 } as const],
    ['a connection reset mid-stream', { kind: 'reset', afterDeltas: 3 } as const],
    ['a stream that ends without its terminator', { kind: 'no-terminator', afterDeltas: 3 } as const],
  ])('after the first token, %s is not retried: error event, partial kept', async (_name, failure) => {
    fake.setReply('openai', { text: 'partial answer that will be cut somewhere', chunkSize: 3, chunkDelayMs: 2 });
    fake.failNext('openai', 'chat', failure);
    const id = await newConversation();
    const result = await send(id, { content: 'x', provider: 'openai' });
    expect(result.events.at(-1)?.event).toBe('error');
    expect(result.events.filter((e) => e.event === 'delta').length).toBeGreaterThan(0);
    expect(fake.requestsFor('openai').filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
    expect((await app.client.get(`/api/conversations/${id}`)).body.messages[1].status).toBe('partial');
    const failed = await app.server.db.kysely
      .selectFrom('usage_events')
      .selectAll()
      .where('outcome', '=', 'error')
      .execute();
    expect(failed.length).toBeGreaterThan(0);
  });

  it('sends keep-alive comments while waiting for a slow first token', async () => {
    fake.setReply('openai', { text: 'finally', firstTokenDelayMs: 150 });
    const result = await send(await newConversation(), { content: 'slow', provider: 'openai' });
    expect(result.comments).toBeGreaterThan(1);
    expect(result.events.at(-1)?.event).toBe('done');
  });

  it('gives up on a first token that never comes within the timeout', async () => {
    const slow = await startAppWithFakes({
      fake,
      env: { CHATSTUDIO_UPSTREAM_FIRST_TOKEN_TIMEOUT_MS: '100', CHATSTUDIO_UPSTREAM_MAX_RETRIES: '0' },
    });
    try {
      await setupAdmin(slow.app);
      await slow.app.client.put('/api/providers/openai/key', { apiKey: openaiKey });
      fake.setReply('openai', { text: 'too late', firstTokenDelayMs: 2_000 });
      const id = (await slow.app.client.post('/api/conversations', {})).body.id;
      const { events } = await sendMessage(slow.app.url, slow.app.client, id, { content: 'x', provider: 'openai' });
      expect(events.at(-1)).toEqual({
        event: 'error',
        data: { code: 'provider_unavailable', message: 'the provider sent no token in time' },
      });
      await fake.waitForClientAbort('openai');
    } finally {
      await slow.close();
    }
  });

  it('titles a conversation after its first exchange, with the title task’s calibration', async () => {
    await app.client.put('/api/providers/openai/calibration/title', { model: 'gpt-4.1-nano', temperature: 0.2 });
    fake.setReply('openai', { text: 'A Friendly Greeting' });
    const id = await newConversation();
    const result = await send(id, { content: 'hello there', provider: 'openai', model: 'gpt-4o-mini' });
    expect(result.events.at(-1)?.event).toBe('done');
    await expect
      .poll(async () => (await app.client.get(`/api/conversations/${id}`)).body.title)
      .toBe('A Friendly Greeting');
    const titleCall = fake
      .requestsFor('openai')
      .filter((r) => r.path === '/v1/chat/completions')
      .at(-1);
    expect(titleCall?.body).toMatchObject({ model: 'gpt-4.1-nano', temperature: 0.2 });
    const titleUsage = await app.server.db.kysely
      .selectFrom('usage_events')
      .selectAll()
      .where('source', '=', 'title')
      .execute();
    expect(titleUsage.length).toBeGreaterThan(0);
    await app.client.delete('/api/providers/openai/calibration/title');
  });

  it('titles a conversation whose first reply was stopped once a later reply completes', async () => {
    fake.setReply('openai', { text: 'd'.repeat(300), chunkSize: 3, chunkDelayMs: 15 });
    const id = await newConversation();
    let messageId = '';
    let stopRequested: Promise<unknown> | undefined;
    await send(
      id,
      { content: 'first, stopped', provider: 'openai' },
      {
        onEvent: (event) => {
          if (event.event === 'start') messageId = event.data.messageId;
          if (event.event === 'delta' && !stopRequested)
            stopRequested = app.client.post(`/api/conversations/${id}/messages/${messageId}/stop`);
        },
      },
    );
    await stopRequested;
    expect((await app.client.get(`/api/conversations/${id}`)).body.title).toBeNull();
    fake.setReply('openai', { text: 'Second Time Lucky' });
    expect((await send(id, { content: 'again', provider: 'openai' })).events.at(-1)?.event).toBe('done');
    await expect
      .poll(async () => (await app.client.get(`/api/conversations/${id}`)).body.title)
      .toBe('Second Time Lucky');
  });

  it('condenses history that exceeds a tiny context window with the summarize task', async () => {
    fake.setModels('ollama', [{ name: 'tiny:1b', family: 'llama', capabilities: ['completion'], contextLength: 1100 }]);
    fake.setReply('ollama', { text: 'x'.repeat(1600) });
    const id = await newConversation();
    for (let turn = 0; turn < 3; turn++) {
      const result = await send(id, {
        content: `turn ${turn}: ${'y'.repeat(1200)}`,
        provider: 'ollama',
        model: 'tiny:1b',
      });
      expect(result.events.at(-1)?.event).toBe('done');
    }
    const chats = fake.requestsFor('ollama').filter((r) => r.path === '/api/chat');
    const summarizeCall = chats.find((r) => JSON.stringify(r.body).includes('Summarize the conversation so far'));
    expect(summarizeCall).toBeDefined();
    const lastTurn = chats.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(lastTurn.messages[0]?.content).toMatch(/^Summary of the earlier conversation/);
    const stored = await app.server.db.kysely
      .selectFrom('conversations')
      .select(['summary', 'summary_through'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.summary).toBeTruthy();
    expect(stored.summary_through).toBeGreaterThan(0);
    const usage = await app.server.db.kysely
      .selectFrom('usage_events')
      .selectAll()
      .where('task', '=', 'summarize')
      .execute();
    expect(usage.length).toBeGreaterThan(0);
  });

  it('records a usage event for every call with who, what, key scope and outcome', async () => {
    const before = (await app.server.db.kysely.selectFrom('usage_events').selectAll().execute()).length;
    await send(await newConversation(), {
      content: 'count me',
      provider: 'openai',
      model: 'gpt-4o-mini',
      task: 'reason',
    });
    const rows = await app.server.db.kysely.selectFrom('usage_events').selectAll().orderBy('created_at').execute();
    expect(rows.length).toBeGreaterThan(before);
    expect(rows.find((r) => r.task === 'reason')).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o-mini',
      key_scope: 'user',
      source: 'chat',
      outcome: 'complete',
      org_id: orgId,
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
    });
  });
});
