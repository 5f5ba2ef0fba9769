// @vitest-environment jsdom
/**
 * Settings and account flows in jsdom against the fake contract: forced password change, providers &
 * keys (remove), access tokens (shown once, revoke) and calibration (edit, clear).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './test-support/dom';
import { createHarness } from './test-support/dom';
import { json, me, providerList } from './test-support/fake-server';

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

afterEach(async () => {
  await h.unmount();
});

const personalKey = {
  id: 'k1',
  scope: 'user' as const,
  hint: 'sk-…cdef',
  connectedBy: { id: 'u1', name: 'Ada' },
  connectedAt: '2025-06-01T12:00:00.000Z',
};

function connectedProviders() {
  return providerList().map((provider) =>
    provider.id === 'openai' ? { ...provider, credential: personalKey } : provider,
  );
}

const noContent = () => new Response(null, { status: 204 });

function baseRoutes(): void {
  h.server
    .route('GET /api/me', () => json(200, me()))
    .route('GET /api/providers', () => json(200, { providers: connectedProviders() }))
    .route('GET /api/conversations', () => json(200, { conversations: [] }))
    .route('GET /api/providers/openai/models', () =>
      json(200, {
        models: [
          { id: 'gpt-4o', name: 'GPT-4o', capabilities: [] },
          { id: 'o3', name: 'o3', capabilities: ['reasoning'] },
        ],
        fetchedAt: '2025-06-01T12:00:00.000Z',
        stale: false,
      }),
    )
    .route('GET /api/providers/openai/calibration', () => json(200, { tasks: {} }));
}

describe('account and settings', () => {
  it('forces a password change before anything else', async () => {
    let mustChange = true;
    baseRoutes();
    h.server
      .route('GET /api/me', () => json(200, me({ user: { ...me().user, mustChangePassword: mustChange } })))
      .route('POST /api/auth/password', () => {
        mustChange = false;
        return noContent();
      });
    await h.render();
    await h.waitFor(() => h.byTestId('change-password-form'), 'password form');
    expect(h.byTestId('chat-toolbar')).toBeNull();
    await h.type(h.inputLabelled('Current (one-time) password'), 'one-time-pass-123');
    await h.type(h.inputLabelled('New password'), 'short');
    await h.type(h.inputLabelled('Repeat new password'), 'short');
    await h.click(h.byTestId('change-password-submit'));
    expect(h.container.textContent).toMatch(/at least 10 characters/);
    await h.type(h.inputLabelled('New password'), 'a much better password');
    await h.type(h.inputLabelled('Repeat new password'), 'a much better password');
    await h.click(h.byTestId('change-password-submit'));
    await h.waitFor(() => h.byTestId('chat-toolbar'), 'workspace');
    expect(h.server.find('POST', '/api/auth/password')?.body).toEqual({
      currentPassword: 'one-time-pass-123',
      newPassword: 'a much better password',
    });
  });

  it('shows key hints and removes a personal key', async () => {
    let removed = false;
    baseRoutes();
    h.server
      .route('GET /api/providers', () => json(200, { providers: removed ? providerList() : connectedProviders() }))
      .route('DELETE /api/providers/openai/key', () => {
        removed = true;
        return noContent();
      });
    window.location.hash = '#/settings/providers';
    await h.render();
    const card = await h.waitFor(() => h.byTestId('settings-provider-openai'), 'provider card');
    expect(card.textContent).toContain('sk-…cdef');
    expect(card.textContent).toContain('by Ada');
    expect(h.byTestId('settings-provider-anthropic')?.textContent).toMatch(/not approved/);
    await h.click(h.byTestId('provider-remove-openai'));
    await h.click(await h.waitFor(() => h.byTestId('confirm-button'), 'confirm'));
    await h.waitFor(() => !h.byTestId('provider-remove-openai'), 'key removed');
    expect(h.byTestId('settings-provider-openai')?.textContent).toMatch(/No key connected/);
    expect(h.server.find('DELETE', '/api/providers/openai/key')?.headers.get('X-CSRF-Token')).toBe('csrf-1');
  });

  it('creates a token shown once, then revokes it', async () => {
    let tokens: { id: string; name: string; hint: string; createdAt: string; lastUsedAt: string | null }[] = [];
    baseRoutes();
    h.server
      .route('GET /api/tokens', () => json(200, { tokens }))
      .route('POST /api/tokens', () => {
        tokens = [{ id: 't1', name: 'ci', hint: 'cs_…wxyz', createdAt: '2025-06-01T12:00:00.000Z', lastUsedAt: null }];
        return json(201, { id: 't1', name: 'ci', token: 'cs_secret_value_wxyz' });
      })
      .route('DELETE /api/tokens/t1', () => {
        tokens = [];
        return noContent();
      });
    window.location.hash = '#/settings/tokens';
    await h.render();
    await h.waitFor(() => h.byTestId('tokens-empty'), 'empty state');
    expect(h.byTestId('settings-tab-tokens')?.getAttribute('aria-selected')).toBe('true');
    await h.type(h.byTestId<HTMLInputElement>('token-name'), 'ci');
    await h.click(h.byTestId('token-create'));
    const created = await h.waitFor(() => h.byTestId('token-created'), 'token shown');
    expect(created.textContent).toMatch(/won't see it again/);
    expect(h.byTestId('token-value')?.textContent).toBe('cs_secret_value_wxyz');
    expect(h.byTestId('token-copy')).not.toBeNull();
    await h.waitFor(() => h.byTestId('token-item'), 'token listed');
    await h.click(h.byTestId('token-revoke'));
    await h.click(await h.waitFor(() => h.byTestId('confirm-button'), 'confirm'));
    await h.waitFor(() => !h.byTestId('token-item'), 'token revoked');
  });

  it('edits and clears a calibration with a model from the discovered list', async () => {
    let saved: unknown = null;
    baseRoutes();
    h.server
      .route('GET /api/providers/openai/calibration', () =>
        json(200, {
          tasks: {
            code: saved
              ? { user: saved, effective: { model: 'o3', resolvedBy: 'user_calibration' } }
              : { effective: { model: 'gpt-4o', resolvedBy: 'provider_default' } },
          },
        }),
      )
      .route('PUT /api/providers/openai/calibration/code', (request) => {
        saved = request.body;
        return json(200, request.body);
      })
      .route('DELETE /api/providers/openai/calibration/code', () => {
        saved = null;
        return noContent();
      });
    window.location.hash = '#/settings/calibration';
    await h.render();
    const task = await h.waitFor(() => h.byTestId('calibration-task-code'), 'code task');
    expect(task.textContent).toMatch(/gpt-4o/);
    await h.waitFor(() => !h.byTestId<HTMLButtonElement>('calibration-edit-code')?.disabled, 'models loaded');
    await h.click(h.byTestId('calibration-edit-code'));
    const select = await h.waitFor(() => h.byTestId<HTMLSelectElement>('calibration-model'), 'editor');
    expect(Array.from(select.options).map((option) => option.value)).toEqual(['', 'gpt-4o', 'o3']);
    await h.choose(select, 'o3');
    await h.type(h.inputLabelled('Temperature'), '0');
    await h.click(h.byTestId('calibration-save'));
    await h.waitFor(() => h.byTestId('calibration-clear-code'), 'saved');
    expect(saved).toEqual({ model: 'o3', temperature: 0 });
    expect(h.byTestId('calibration-task-code')?.textContent).toMatch(/your calibration for code/);
    await h.click(h.byTestId('calibration-clear-code'));
    await h.click(await h.waitFor(() => h.byTestId('confirm-button'), 'confirm'));
    await h.waitFor(() => !h.byTestId('calibration-clear-code'), 'cleared');
  });
});
