import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import type { AdminPage } from '../../app/route';
import { EmptyState } from '../../components/EmptyState';
import { useSession } from '../auth/session-context';
import { activeOrgRole, adminPagesFor, isOrgAdmin } from './admin-access';
import { AuditPage } from './AuditPage';
import { MembersPage } from './MembersPage';
import { OrgCalibrationPage } from './OrgCalibrationPage';
import { OrganisationsPage } from './OrganisationsPage';
import { OrgKeysPage } from './OrgKeysPage';
import { PolicyPage } from './PolicyPage';
import { roleLabels } from './roles';
import { UsagePage } from './UsagePage';

const adminLabels: Record<AdminPage, string> = {
  members: 'Members',
  policy: 'Policy',
  keys: 'Keys & connections',
  calibration: 'Calibration',
  usage: 'Usage',
  audit: 'Audit log',
  orgs: 'Organisations',
};

const memberLabels: Partial<Record<AdminPage, string>> = { policy: 'What’s allowed', usage: 'My usage' };

interface AdminViewProps {
  /** From the URL; null or a page this person may not see falls back to their first page. */
  page: AdminPage | null;
  onPage: (page: AdminPage, options?: { replace?: boolean }) => void;
  onClose: () => void;
}

/**
 * The organisation area (`#/admin/<page>`, spec §7), lazy-loaded. Tabs follow the ARIA tabs pattern
 * like Settings; which tabs exist depends on the caller's role in the active organisation. Switching
 * organisation remounts the workspace, so every page loads the new org's data.
 */
export default function AdminView({ page, onPage, onClose }: AdminViewProps) {
  const { me } = useSession();
  const pages = adminPagesFor(me);
  const role = activeOrgRole(me);
  const org = me.orgs.find((item) => item.id === me.activeOrgId) ?? null;
  const admin = isOrgAdmin(role);
  const current = page && pages.includes(page) ? page : (pages[0] ?? null);
  const tabRefs = useRef<Partial<Record<AdminPage, HTMLButtonElement | null>>>({});

  useEffect(() => {
    if (current && current !== page) onPage(current, { replace: true });
  }, [current, page, onPage]);

  const label = (item: AdminPage) => (admin ? adminLabels[item] : (memberLabels[item] ?? adminLabels[item]));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!current || !['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const index = pages.indexOf(current);
    const nextIndex =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? pages.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + pages.length) % pages.length;
    const next = pages[nextIndex];
    if (next) {
      onPage(next, { replace: true });
      tabRefs.current[next]?.focus();
    }
  };

  return (
    <section className="settings admin" aria-labelledby="admin-title">
      <header className="settings-header">
        <div className="admin-title">
          <h1 id="admin-title">{admin ? 'Organisation' : 'My organisation'}</h1>
          {org ? (
            <p className="muted" data-testid="admin-org">
              <strong>{org.name}</strong> · you are {roleLabels[org.role].toLowerCase()}
              {me.orgs.length > 1 ? ' · switch organisation in the account menu' : ''}
            </p>
          ) : null}
        </div>
        <button type="button" className="button" onClick={onClose} data-testid="admin-close">
          Back to chat
        </button>
      </header>
      {current === null ? (
        <EmptyState title="Nothing to manage here">You don't belong to an organisation yet.</EmptyState>
      ) : (
        <>
          <div
            className="tabs"
            role="tablist"
            aria-label="Organisation sections"
            onKeyDown={onKeyDown}
            data-testid="admin-nav"
          >
            {pages.map((item) => (
              <button
                key={item}
                ref={(element) => {
                  tabRefs.current[item] = element;
                }}
                type="button"
                role="tab"
                id={`admin-tab-${item}`}
                aria-selected={item === current}
                aria-controls="admin-panel"
                tabIndex={item === current ? 0 : -1}
                className={item === current ? 'tab active' : 'tab'}
                onClick={() => onPage(item, { replace: true })}
                data-testid={`admin-tab-${item}`}
              >
                {label(item)}
              </button>
            ))}
          </div>
          <div id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${current}`} className="settings-panel">
            <AdminPanel page={current} orgId={org?.id ?? null} orgName={org?.name ?? ''} admin={admin} role={role} />
          </div>
        </>
      )}
    </section>
  );
}

interface AdminPanelProps {
  page: AdminPage;
  orgId: string | null;
  orgName: string;
  admin: boolean;
  role: ReturnType<typeof activeOrgRole>;
}

function AdminPanel({ page, orgId, orgName, admin, role }: AdminPanelProps) {
  if (page === 'orgs') return <OrganisationsPage />;
  if (!orgId || !role) return null;
  switch (page) {
    case 'members':
      return <MembersPage key={orgId} orgId={orgId} role={role} />;
    case 'policy':
      return <PolicyPage key={orgId} orgId={orgId} orgName={orgName} canEdit={admin} />;
    case 'keys':
      return <OrgKeysPage key={orgId} orgId={orgId} />;
    case 'calibration':
      return <OrgCalibrationPage key={orgId} orgId={orgId} />;
    case 'usage':
      return admin ? (
        <UsagePage key={orgId} scope="org" title={`Usage in ${orgName}`} testId="admin-usage" />
      ) : (
        <UsagePage key={orgId} scope="me" title="My usage" testId="admin-usage" />
      );
    case 'audit':
      return <AuditPage key={orgId} orgId={orgId} />;
  }
}
