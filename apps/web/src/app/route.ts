/** Settings tabs; org admin pages will add their own route kind (`#/admin/<page>`). */
export const settingsTabs = ['providers', 'calibration', 'tokens'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

export type Route = { view: 'chat'; conversationId: string | null } | { view: 'settings'; tab: SettingsTab };

/**
 * Hash routes (`#/c/<id>`, `#/settings/<tab>`): they need no server-side fallback, and the server can
 * serve one `index.html` at `/`. Anything unknown lands on a new chat.
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'c' && parts[1]) return { view: 'chat', conversationId: parts[1] };
  if (parts[0] === 'settings') {
    const tab = settingsTabs.find((candidate) => candidate === parts[1]) ?? 'providers';
    return { view: 'settings', tab };
  }
  return { view: 'chat', conversationId: null };
}

export function formatRoute(route: Route): string {
  if (route.view === 'settings') return `#/settings/${route.tab}`;
  return route.conversationId ? `#/c/${encodeURIComponent(route.conversationId)}` : '#/';
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
