/** Settings tabs (`#/settings/<tab>`); `usage` is "My usage", there for everyone. */
export const settingsTabs = ['providers', 'calibration', 'tokens', 'usage'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

/**
 * Organisation pages (`#/admin/<page>`, spec §7). Which of them a person sees depends on their role in
 * the active organisation (see `features/admin/admin-access.ts`); the server enforces it regardless.
 */
export const adminPages = ['members', 'policy', 'keys', 'calibration', 'usage', 'audit', 'orgs'] as const;
export type AdminPage = (typeof adminPages)[number];

export type Route =
  | { view: 'chat'; conversationId: string | null }
  | { view: 'settings'; tab: SettingsTab }
  /** `page: null` (`#/admin`) means "the first page this person may see". */
  | { view: 'admin'; page: AdminPage | null };

/**
 * Hash routes (`#/c/<id>`, `#/settings/<tab>`, `#/admin/<page>`): they need no server-side fallback, and
 * the server can serve one `index.html` at `/`. Anything unknown lands on a new chat.
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'c' && parts[1]) return { view: 'chat', conversationId: parts[1] };
  if (parts[0] === 'settings') {
    const tab = settingsTabs.find((candidate) => candidate === parts[1]) ?? 'providers';
    return { view: 'settings', tab };
  }
  if (parts[0] === 'admin') {
    return { view: 'admin', page: adminPages.find((candidate) => candidate === parts[1]) ?? null };
  }
  return { view: 'chat', conversationId: null };
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'settings':
      return `#/settings/${route.tab}`;
    case 'admin':
      return route.page ? `#/admin/${route.page}` : '#/admin';
    case 'chat':
      return route.conversationId ? `#/c/${encodeURIComponent(route.conversationId)}` : '#/';
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
