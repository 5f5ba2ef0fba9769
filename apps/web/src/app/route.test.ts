import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';

describe('routes', () => {
  it.each([
    ['', { view: 'chat', conversationId: null }],
    ['#/', { view: 'chat', conversationId: null }],
    ['#/c/abc', { view: 'chat', conversationId: 'abc' }],
    ['#/c/a%2Fb', { view: 'chat', conversationId: 'a/b' }],
    ['#/settings', { view: 'settings', tab: 'providers' }],
    ['#/settings/tokens', { view: 'settings', tab: 'tokens' }],
    ['#/settings/nope', { view: 'settings', tab: 'providers' }],
    ['#/whatever', { view: 'chat', conversationId: null }],
    ['#/c/%E0%A4%A', { view: 'chat', conversationId: '%E0%A4%A' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips', () => {
    for (const hash of ['#/', '#/c/x%2Fy', '#/settings/calibration']) expect(formatRoute(parseRoute(hash))).toBe(hash);
  });
});
