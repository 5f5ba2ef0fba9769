import { describe, expect, it } from 'vitest';
import { sanitizeRuntimeConfig } from './runtime-config';

describe('sanitizeRuntimeConfig', () => {
  it('keeps well-typed known fields only', () => {
    expect(
      sanitizeRuntimeConfig({ version: '1.2.3', setupRequired: false, productName: ' Acme AI ', evil: '<script>' }),
    ).toEqual({ version: '1.2.3', setupRequired: false, productName: 'Acme AI' });
  });

  it('works when the config is absent or malformed', () => {
    expect(sanitizeRuntimeConfig(undefined)).toEqual({});
    expect(sanitizeRuntimeConfig('nope')).toEqual({});
    expect(sanitizeRuntimeConfig([1])).toEqual({});
    expect(sanitizeRuntimeConfig({ version: 3, setupRequired: 'yes', productName: '  ' })).toEqual({});
  });
});
