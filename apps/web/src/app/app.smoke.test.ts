// @vitest-environment jsdom
/**
 * Drives the whole app in jsdom against a scripted fake of the HTTP contract: first-run setup falling
 * back to login, connecting a key in the chat flow (rejected, then accepted), picking a model, streaming
 * a reply, stopping it, and the sidebar picking up the new conversation. Browser tests with real
 * Chromium cover layout; this covers the wiring, fast.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './test-support/dom';
import { createHarness } from './test-support/dom';
import { apiError, controllableStream, json, me, providerList } from './test-support/fake-server';

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

afterEach(async () => {
  await h.unmount();
});

describe('the app, end to end against a fake server', () => {
  it('sets up, logs in, connects a key in the chat flow, streams a reply and stops it', async () => {
    let conversations: { id: string; title: string | null; updatedAt: string }[] = [];
    const stream = controllableStream();
    const models = {
      models: [
        { id: 'gpt-4o', name: 'GPT-4o', contextWindow: 128000, capabilities: ['vision', 'tools'] },
        { id: 'o3', name: 'o3', capabilities: ['reasoning'] },
      ],
      fetchedAt: '2025-06-01T12:00:00.000Z',
      stale: true,
    };
    const credential = {
      id: 'k1',
      scope: 'user',
      hint: 'sk-…cdef',
      connectedBy: { id: 'u1', name: 'Ada' },
      connectedAt: '2025-06-01T12:00:00.000Z',
    };
    h.server
      .route('GET /api/me', () => apiError(401, 'unauthorized', 'log in'))
      .route('POST /api/auth/setup', () => apiError(409, 'conflict', 'setup is already complete; log in instead'))
      .route('POST /api/auth/login', () => json(200, me()))
      .route('GET /api/providers', () => json(200, { providers: providerList() }))
      .route('GET /api/conversations', () => json(200, { conversations }))
      .route('GET /api/providers/ollama/models', () => json(200, { ...models, stale: false }))
      .route('GET /api/providers/ollama/calibration', () => json(200, { tasks: {} }))
      .route('GET /api/providers/openai/models', () => json(200, models))
      .route('GET /api/providers/openai/calibration', () => json(200, { tasks: {} }))
      .route('PUT /api/providers/openai/key', (request) =>
        (request.body as { apiKey: string }).apiKey === 'sk-bad-key-1234'
          ? apiError(422, 'key_invalid', 'the provider rejected this key')
          : json(200, { credential, modelCount: 2 }),
      )
      .route('PUT /api/me/last-used', () => new Response(null, { status: 204 }))
      .route('POST /api/conversations', () => {
        conversations = [{ id: 'c1', title: null, updatedAt: new Date().toISOString() }];
        return json(201, { id: 'c1', title: null });
      })
      .route('POST /api/conversations/c1/messages', () => stream.response())
      .route('POST /api/conversations/c1/messages/m1/stop', () => {
        stream.send('done', { messageId: 'm1', finishReason: 'stopped' });
        stream.close();
        return new Response(null, { status: 204 });
      });

    await h.render();

    // First run: setup is tried first; 409 switches to login with a notice and the email kept.
    await h.waitFor(() => h.byTestId('setup-form'), 'setup form');
    await h.type(h.inputLabelled('Your name'), 'Ada');
    await h.type(h.inputLabelled('Email'), 'ada@example.com');
    await h.type(h.inputLabelled('Password'), 'correct horse battery');
    await h.type(h.inputLabelled('Repeat password'), 'correct horse battery');
    await h.click(h.byTestId('setup-submit'));
    await h.waitFor(() => h.byTestId('login-form'), 'login form');
    expect(h.byTestId('auth-notice')?.textContent).toMatch(/already set up/);
    expect(h.inputLabelled('Email').value).toBe('ada@example.com');
    await h.type(h.inputLabelled('Password'), 'correct horse battery');
    await h.click(h.byTestId('login-submit'));

    // Workspace: no last-used, so the first ready provider (Ollama) is preselected.
    await h.waitFor(() => h.byTestId('provider-picker')?.textContent?.includes('Ollama'), 'Ollama preselected');
    expect(h.byTestId('conversations-empty')?.textContent).toMatch(/No conversations yet/);

    // Anthropic is listed but disabled with its reason; choosing OpenAI opens the connect dialog.
    await h.click(h.byTestId('provider-picker'));
    const anthropic = h.byTestId<HTMLButtonElement>('provider-option-anthropic')!;
    expect(anthropic.disabled).toBe(true);
    expect(anthropic.textContent).toMatch(/not approved by your organisation/);
    await h.click(h.byTestId('provider-option-openai'));
    const dialog = await h.waitFor(() => h.byTestId('connect-dialog'), 'connect dialog');
    const keyInput = h.byTestId<HTMLInputElement>('key-input')!;
    expect(keyInput.type).toBe('password');
    expect(keyInput.autocomplete).toBe('off');

    // A rejected key: clear message, input emptied, nothing stored in the browser.
    keyInput.value = 'sk-bad-key-1234';
    await h.click(h.byTestId('connect-submit'));
    await h.waitFor(() => h.byTestId('connect-error'), 'connect error');
    expect(h.byTestId('connect-error')?.textContent).toMatch(/OpenAI rejected this key/);
    expect(keyInput.value).toBe('');

    keyInput.value = 'sk-good-key-abcdef';
    await h.click(h.byTestId('connect-submit'));
    await h.waitFor(() => !h.container.contains(dialog), 'connect dialog closed');
    expect(keyInput.value).toBe('');
    expect(h.byTestId('chat-notice')?.textContent).toMatch(/OpenAI connected: 2 models/);
    const storage = JSON.stringify({ ...window.localStorage, ...window.sessionStorage });
    expect(storage).not.toContain('sk-good-key');
    expect(h.server.find('PUT', '/api/providers/openai/key')?.headers.get('X-CSRF-Token')).toBe('csrf-1');

    // Models: loaded, marked stale, searchable; picking one saves it as last used.
    await h.waitFor(() => h.byTestId('model-stale'), 'stale marker');
    await h.click(h.byTestId('model-picker'));
    await h.type(h.byTestId<HTMLInputElement>('model-search'), 'reason');
    expect(h.container.querySelectorAll('[data-testid="model-option"]')).toHaveLength(1);
    await h.type(h.byTestId<HTMLInputElement>('model-search'), 'gpt');
    await h.click(h.container.querySelector<HTMLElement>('[data-model-id="gpt-4o"]'));
    expect(h.byTestId('model-picker')?.textContent).toContain('GPT-4o');
    expect(h.server.find('PUT', '/api/me/last-used')?.body).toEqual({ provider: 'openai', model: 'gpt-4o' });

    // Send with Enter: a conversation is created, the reply streams in.
    const composer = h.byTestId<HTMLTextAreaElement>('composer-input')!;
    await h.type(composer, 'Say hello');
    await act(async () => {
      composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      await Promise.resolve();
    });
    await h.waitFor(() => h.server.find('POST', '/api/conversations/c1/messages'), 'message posted');
    expect(h.server.find('POST', '/api/conversations/c1/messages')?.body).toEqual({
      content: 'Say hello',
      provider: 'openai',
      model: 'gpt-4o',
      task: 'chat',
    });
    expect(window.location.hash).toBe('#/c/c1');
    await act(async () => {
      stream.comment();
      stream.send('start', {
        messageId: 'm1',
        provider: 'openai',
        model: 'gpt-4o',
        task: 'chat',
        keyScope: 'user',
        resolvedBy: 'request',
      });
      stream.send('delta', { text: 'Hello **world** <img src=x onerror=alert(1)>' });
      await Promise.resolve();
    });
    await h.waitFor(() => h.byTestId('assistant-message')?.querySelector('strong'), 'markdown rendered');
    const reply = h.byTestId('assistant-message')!;
    expect(reply.querySelector('img')).toBeNull();
    expect(reply.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(h.byTestId('stop')).not.toBeNull();
    expect(h.byTestId('send')).toBeNull();

    // Stop asks the server, which ends the stream; what arrived is kept and marked partial.
    await h.click(h.byTestId('stop'));
    await h.waitFor(() => h.byTestId('assistant-message')?.dataset.status === 'partial', 'partial status');
    expect(h.server.find('POST', '/api/conversations/c1/messages/m1/stop')).toBeDefined();
    expect(h.byTestId('answered-by')?.textContent).toMatch(/gpt-4o · OpenAI/);
    expect(h.byTestId('answered-by')?.textContent).toMatch(/you picked it/);
    expect(h.byTestId('answered-by')?.textContent).toMatch(/your key/);
    expect(h.byTestId('message-status')?.textContent).toMatch(/partial/);
    await h.waitFor(() => h.byTestId('send'), 'send button back');

    // The sidebar re-fetches after the reply and shows the new conversation.
    await h.waitFor(() => h.byTestId('conversation-item'), 'sidebar item');
    expect(h.byTestId('conversation-open')?.getAttribute('aria-current')).toBe('page');
  });

  it('opens the connect dialog when sending answers 409 key_required, keeping the draft', async () => {
    h.server
      .route('GET /api/me', () => json(200, me({ lastUsed: { provider: 'ollama', model: 'llama3' } })))
      .route('GET /api/providers', () =>
        json(200, {
          providers: providerList().map((provider) =>
            provider.id === 'openai'
              ? {
                  ...provider,
                  credential: {
                    id: 'k',
                    scope: 'org' as const,
                    hint: 'sk-…org1',
                    connectedBy: null,
                    connectedAt: '2025-06-01T00:00:00.000Z',
                  },
                }
              : provider,
          ),
        }),
      )
      .route('GET /api/conversations', () => json(200, { conversations: [] }))
      .route('GET /api/providers/ollama/models', () =>
        json(200, { models: [{ id: 'llama3', name: 'llama3', capabilities: [] }], fetchedAt: '', stale: false }),
      )
      .route('GET /api/providers/ollama/calibration', () => json(200, { tasks: {} }))
      .route('POST /api/conversations', () => json(201, { id: 'c9', title: null }))
      .route('POST /api/conversations/c9/messages', () =>
        apiError(409, 'key_required', 'connect a key for openai', { provider: 'openai' }),
      );

    await h.render();
    // Last used restores provider and model.
    await h.waitFor(() => h.byTestId('model-picker')?.textContent?.includes('llama3'), 'last-used model');
    expect(h.byTestId('provider-picker')?.textContent).toContain('Ollama');

    const composer = h.byTestId<HTMLTextAreaElement>('composer-input')!;
    await h.type(composer, 'Hi');
    await h.click(h.byTestId('send'));
    await h.waitFor(() => h.byTestId('connect-dialog'), 'connect dialog');
    expect(h.byTestId('connect-dialog')?.textContent).toMatch(/OpenAI/);
    expect(h.byTestId<HTMLTextAreaElement>('composer-input')?.value).toBe('Hi');
    expect(h.container.querySelectorAll('[data-testid="assistant-message"]')).toHaveLength(0);
  });

  it('renames and deletes conversations from the sidebar, and returns to login when the session ends', async () => {
    let conversations = [
      { id: 'c1', title: 'First', updatedAt: '2025-06-01T10:00:00.000Z' },
      { id: 'c2', title: null, updatedAt: '2025-06-01T11:00:00.000Z' },
    ];
    h.server
      .route('GET /api/me', () => json(200, me()))
      .route('GET /api/providers', () => json(200, { providers: providerList() }))
      .route('GET /api/conversations', () => json(200, { conversations }))
      .route('GET /api/providers/ollama/models', () => json(200, { models: [], fetchedAt: '', stale: false }))
      .route('GET /api/providers/ollama/calibration', () => json(200, { tasks: {} }))
      .route('GET /api/conversations/c1', () =>
        json(200, {
          id: 'c1',
          title: 'First',
          messages: [
            { id: 'u', role: 'user', content: 'hi', provider: null, model: null, task: 'chat', status: 'complete' },
            {
              id: 'a',
              role: 'assistant',
              content: 'Hello',
              provider: 'ollama',
              model: 'llama3',
              task: 'chat',
              status: 'error',
              resolvedBy: 'last_used',
              keyScope: 'managed',
            },
          ],
        }),
      )
      .route('PATCH /api/conversations/c1', (request) => json(200, { id: 'c1', ...(request.body as object) }))
      .route('DELETE /api/conversations/c1', () => {
        conversations = conversations.filter((item) => item.id !== 'c1');
        return new Response(null, { status: 204 });
      });
    await h.render();
    const items = await h.waitFor(() => h.all('conversation-item').length === 2 && h.all('conversation-item'), 'list');
    expect(items[0]?.textContent).toContain('Untitled conversation');
    expect(items[1]?.textContent).toContain('First');

    await h.click(h.all('conversation-open')[1] ?? null);
    await h.waitFor(() => h.byTestId('assistant-message'), 'stored reply');
    expect(window.location.hash).toBe('#/c/c1');
    expect(h.byTestId('answered-by')?.textContent).toMatch(/llama3 · Ollama/);
    expect(h.byTestId('answered-by')?.textContent).toMatch(/managed by the operator/);
    expect(h.byTestId('message-status')?.dataset.status).toBe('error');
    expect(h.byTestId('model-picker')?.textContent).toContain('llama3');

    await h.click(h.all('conversation-rename')[1] ?? null);
    await h.type(h.byTestId<HTMLInputElement>('rename-input'), 'Renamed');
    await act(async () => {
      h.byTestId<HTMLInputElement>('rename-input')?.form?.requestSubmit();
      await Promise.resolve();
    });
    await h.waitFor(() => h.all('conversation-item').some((item) => item.textContent?.includes('Renamed')), 'renamed');
    expect(h.server.find('PATCH', '/api/conversations/c1')?.body).toEqual({ title: 'Renamed' });

    await h.click(h.all('conversation-delete')[1] ?? null);
    await h.click(await h.waitFor(() => h.byTestId('confirm-button'), 'confirm'));
    await h.waitFor(() => h.all('conversation-item').length === 1, 'deleted');
    expect(window.location.hash).toBe('#/');

    // Any 401 afterwards means the session ended: back to the login screen with a notice.
    h.server.route('GET /api/conversations/c2', () => apiError(401, 'unauthorized', 'session expired'));
    await h.click(h.all('conversation-open')[0] ?? null);
    await h.waitFor(() => h.byTestId('login-form'), 'login form');
    expect(h.byTestId('auth-notice')?.textContent).toMatch(/session ended/);
  });
});
