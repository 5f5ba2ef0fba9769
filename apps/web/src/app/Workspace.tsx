import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Spinner } from '../components/Spinner';
import { ChatView } from '../features/chat/ChatView';
import { ConversationsProvider, useConversations } from '../features/conversations/ConversationsContext';
import { Sidebar } from '../features/conversations/Sidebar';
import { ProvidersProvider } from '../features/providers/ProvidersContext';
import type { AdminPage } from './route';
import { runtimeConfig } from './runtime-config';
import { useHashRoute } from './useHashRoute';
import { UserMenu } from './UserMenu';

const SettingsView = lazy(() => import('../features/settings/SettingsView'));
const AdminView = lazy(() => import('../features/admin/AdminView'));

/** The signed-in app: top bar, conversation sidebar (a drawer on phones), and the chat or settings view. */
export function Workspace() {
  return (
    <ProvidersProvider>
      <ConversationsProvider>
        <WorkspaceLayout />
      </ConversationsProvider>
    </ProvidersProvider>
  );
}

function WorkspaceLayout() {
  const [route, navigate] = useHashRoute();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { conversations } = useConversations();
  const activeId = route.view === 'chat' ? route.conversationId : null;
  const title = activeId ? conversations.find((item) => item.id === activeId)?.title : null;
  const productName = runtimeConfig().productName ?? 'ChatStudio';

  useEffect(() => {
    document.title = title ? `${title} · ${productName}` : productName;
  }, [title, productName]);

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDrawerOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  const viewTitle = route.view === 'settings' ? 'Settings' : 'Organisation';
  const openAdminPage = useCallback(
    (page: AdminPage, options?: { replace?: boolean }) => navigate({ view: 'admin', page }, options),
    [navigate],
  );

  const openChat = (conversationId: string | null) => {
    setDrawerOpen(false);
    navigate({ view: 'chat', conversationId });
  };

  return (
    <div className={drawerOpen ? 'workspace drawer-open' : 'workspace'}>
      <header className="topbar">
        <button
          type="button"
          className="icon-button drawer-toggle"
          aria-label={drawerOpen ? 'Hide conversations' : 'Show conversations'}
          aria-expanded={drawerOpen}
          aria-controls="sidebar-drawer"
          onClick={() => setDrawerOpen(!drawerOpen)}
          data-testid="drawer-toggle"
        >
          ☰
        </button>
        <a className="brand" href="#/" onClick={() => setDrawerOpen(false)}>
          {productName}
        </a>
        <span className="topbar-title" data-testid="conversation-title">
          {route.view === 'chat' ? (title ?? (activeId ? 'Untitled conversation' : 'New chat')) : viewTitle}
        </span>
        <UserMenu
          onSettings={() => navigate({ view: 'settings', tab: 'providers' })}
          onOrganisation={() => navigate({ view: 'admin', page: null })}
        />
      </header>
      <div className="workspace-body">
        <div id="sidebar-drawer" className="sidebar-drawer">
          <Sidebar activeId={activeId} onSelect={(id) => openChat(id)} onNew={() => openChat(null)} />
        </div>
        {drawerOpen ? (
          <div className="drawer-backdrop" onClick={() => setDrawerOpen(false)} aria-hidden="true" />
        ) : null}
        <main className="main">
          {route.view === 'chat' ? (
            <ChatView
              conversationId={route.conversationId}
              onOpenConversation={(id) => navigate({ view: 'chat', conversationId: id }, { replace: true })}
            />
          ) : route.view === 'settings' ? (
            <Suspense fallback={<Spinner label="Loading settings…" />}>
              <SettingsView
                tab={route.tab}
                onTab={(tab) => navigate({ view: 'settings', tab }, { replace: true })}
                onClose={() => navigate({ view: 'chat', conversationId: null })}
              />
            </Suspense>
          ) : (
            <Suspense fallback={<Spinner label="Loading organisation…" />}>
              <AdminView
                page={route.page}
                onPage={openAdminPage}
                onClose={() => navigate({ view: 'chat', conversationId: null })}
              />
            </Suspense>
          )}
        </main>
      </div>
    </div>
  );
}
