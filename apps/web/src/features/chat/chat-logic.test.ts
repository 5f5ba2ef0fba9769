import { describe, expect, it } from 'vitest';
import { parseApiError } from '../../api/api-error';
import type { CalibrationResponse } from '../../api/types';
import { chatErrorAction } from './chat-errors';
import { applyStreamEvent, fromStored, interruptReply, pendingReply } from './chat-message';
import { modelForRequest } from './request-model';

describe('applyStreamEvent', () => {
  const start = {
    type: 'start' as const,
    data: {
      messageId: 'm1',
      provider: 'openai',
      model: 'gpt-4o',
      task: 'chat' as const,
      keyScope: 'org' as const,
      resolvedBy: 'last_used' as const,
    },
  };

  it('builds a complete reply from start, deltas, usage and done', () => {
    let reply = pendingReply();
    const key = reply.key;
    for (const event of [
      start,
      { type: 'reasoning' as const, data: { text: 'thinking' } },
      { type: 'delta' as const, data: { text: 'Hel' } },
      { type: 'delta' as const, data: { text: 'lo' } },
      { type: 'usage' as const, data: { inputTokens: 5, outputTokens: 2 } },
      { type: 'done' as const, data: { messageId: 'm1', finishReason: 'stop' } },
    ]) {
      reply = applyStreamEvent(reply, event);
    }
    expect(reply).toMatchObject({
      key,
      id: 'm1',
      content: 'Hello',
      reasoning: 'thinking',
      model: 'gpt-4o',
      keyScope: 'org',
      resolvedBy: 'last_used',
      usage: { inputTokens: 5, outputTokens: 2 },
      status: 'complete',
    });
  });

  it('keeps partial output on error and marks it partial; error when nothing arrived', () => {
    const partial = applyStreamEvent(
      applyStreamEvent(applyStreamEvent(pendingReply(), start), {
        type: 'delta',
        data: { text: 'Half' },
      }),
      { type: 'error', data: { code: 'upstream_error', message: 'boom' } },
    );
    expect(partial).toMatchObject({ content: 'Half', status: 'partial', error: { code: 'upstream_error' } });
    const failed = applyStreamEvent(pendingReply(), { type: 'error', data: { code: 'upstream_error', message: 'x' } });
    expect(failed.status).toBe('error');
  });

  it('marks a stopped finish as partial', () => {
    const reply = applyStreamEvent(pendingReply(), { type: 'done', data: { messageId: 'm', finishReason: 'stopped' } });
    expect(reply.status).toBe('partial');
  });

  it('interruptReply distinguishes a user stop from a dropped connection', () => {
    const streaming = applyStreamEvent(pendingReply(), { type: 'delta', data: { text: 'x' } });
    expect(interruptReply(streaming, 'stopped')).toMatchObject({ status: 'partial', error: null });
    expect(interruptReply(streaming, 'disconnected')).toMatchObject({
      status: 'partial',
      error: { code: 'upstream_error' },
    });
    expect(interruptReply(pendingReply(), 'disconnected').status).toBe('error');
    const done = { ...streaming, status: 'complete' as const };
    expect(interruptReply(done, 'stopped')).toBe(done);
  });
});

describe('fromStored', () => {
  it('maps stored messages and tolerates unknown values', () => {
    expect(
      fromStored({
        id: 's1',
        role: 'assistant',
        content: 'hi',
        provider: 'openai',
        model: 'gpt',
        task: 'code',
        status: 'partial',
        resolvedBy: 'user_calibration',
        keyScope: 'user',
      }),
    ).toMatchObject({ key: 's1', status: 'partial', task: 'code', resolvedBy: 'user_calibration' });
    expect(
      fromStored({ id: 's2', role: 'assistant', content: '', provider: null, model: null, task: null, status: 'weird' })
        ?.status,
    ).toBe('complete');
    expect(
      fromStored({
        id: 's3',
        role: 'system',
        content: '',
        provider: null,
        model: null,
        task: null,
        status: 'complete',
      }),
    ).toBeNull();
  });
});

describe('modelForRequest', () => {
  const calibrated: CalibrationResponse = {
    tasks: {
      code: { user: { model: 'codestral' }, effective: { model: 'codestral', resolvedBy: 'user_calibration' } },
      reason: { effective: { model: 'gpt', resolvedBy: 'last_used' } },
    },
  };
  it('always sends the picked model in chat mode', () => {
    expect(modelForRequest('chat', 'gpt', calibrated)).toBe('gpt');
  });
  it('lets a calibration decide in other modes', () => {
    expect(modelForRequest('code', 'gpt', calibrated)).toBeUndefined();
    expect(modelForRequest('reason', 'gpt', calibrated)).toBe('gpt');
    expect(modelForRequest('extract', 'gpt', null)).toBe('gpt');
  });
  it('sends nothing on Automatic', () => {
    expect(modelForRequest('chat', null, null)).toBeUndefined();
  });
});

describe('chatErrorAction', () => {
  it('opens the connect dialog on key_required with the provider', () => {
    const error = parseApiError(409, { error: { code: 'key_required', message: 'x', provider: 'mistral' } });
    expect(chatErrorAction(error)).toMatchObject({ kind: 'connect', provider: 'mistral' });
  });
  it('shows the reason for policy refusals', () => {
    const error = parseApiError(403, { error: { code: 'model_not_allowed', message: 'gpt-5 is not on the list' } });
    expect(chatErrorAction(error)).toMatchObject({
      kind: 'notice',
      message: expect.stringContaining('gpt-5 is not on the list'),
    });
  });
});
