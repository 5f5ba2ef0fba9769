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
    ['#/settings/usage', { view: 'settings', tab: 'usage' }],
    ['#/admin', { view: 'admin', page: null }],
    ['#/admin/members', { view: 'admin', page: 'members' }],
    ['#/admin/audit', { view: 'admin', page: 'audit' }],
    ['#/admin/nope', { view: 'admin', page: null }],
    ['#/whatever', { view: 'chat', conversationId: null }],
    ['#/c/%E0%A4%A', { view: 'chat', conversationId: '%E0%A4%A' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips', () => {
    for (const hash of ['#/', '#/c/x%2Fy', '#/settings/calibration', '#/admin', '#/admin/keys'])
      expect(formatRoute(parseRoute(hash))).toBe(hash);
  });
});
