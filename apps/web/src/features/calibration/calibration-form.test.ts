import { describe, expect, it } from 'vitest';
import { formFromOverride, overrideFromForm, summarizeOverride } from './calibration-form';

describe('calibration form', () => {
  it('round-trips an override', () => {
    const override = {
      model: 'm',
      temperature: 0,
      maxOutputTokens: 2000,
      reasoningEffort: 'high' as const,
      systemPrompt: 'Be terse.',
    };
    expect(overrideFromForm(formFromOverride(override))).toEqual({ ok: true, value: override });
  });

  it('leaves unset fields out', () => {
    expect(overrideFromForm(formFromOverride(undefined, 'gpt'))).toEqual({ ok: true, value: { model: 'gpt' } });
  });

  it('rejects a missing model and out-of-range numbers', () => {
    const form = formFromOverride(undefined, 'gpt');
    expect(overrideFromForm({ ...form, model: ' ' })).toMatchObject({ ok: false });
    expect(overrideFromForm({ ...form, temperature: '3' })).toMatchObject({ ok: false });
    expect(overrideFromForm({ ...form, temperature: 'abc' })).toMatchObject({ ok: false });
    expect(overrideFromForm({ ...form, maxOutputTokens: '1.5' })).toMatchObject({ ok: false });
    expect(overrideFromForm({ ...form, maxOutputTokens: '0' })).toMatchObject({ ok: false });
  });

  it('summarizes', () => {
    expect(summarizeOverride({ model: 'm', temperature: 0.2, systemPrompt: 'x' })).toBe('m · temp 0.2 · system prompt');
    expect(summarizeOverride(null)).toBeNull();
  });
});
