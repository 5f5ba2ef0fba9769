import { useState } from 'react';
import { describeError } from '../api/api-error';
import { usePopover } from '../components/usePopover';
import { organisationMenuLabel } from '../features/admin/admin-access';
import { authApi } from '../features/auth/auth.api';
import { useSession } from '../features/auth/session-context';
import { runtimeConfig } from './runtime-config';

interface UserMenuProps {
  onSettings: () => void;
  /** Opens the organisation area (admin pages, or "what my organisation allows" for members). */
  onOrganisation: () => void;
}

/** Account menu: who you are, the active organisation (switchable), organisation, settings, log out. */
export function UserMenu({ onSettings, onOrganisation }: UserMenuProps) {
  const { me, refresh, logout } = useSession();
  const { open, setOpen, close, rootRef, triggerRef, onMenuKeyDown } = usePopover();
  const [error, setError] = useState<string | null>(null);
  const version = runtimeConfig().version;
  const initials = me.user.name.trim().slice(0, 1).toUpperCase() || '?';
  const organisationLabel = organisationMenuLabel(me);

  const switchOrg = async (orgId: string) => {
    try {
      await authApi.setActiveOrg(orgId);
      await refresh();
      close();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <div className="picker user-menu" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="avatar-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Account: ${me.user.name}`}
        onClick={() => setOpen(!open)}
        data-testid="user-menu"
      >
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
      </button>
      {open ? (
        <div className="picker-menu align-end" role="group" aria-label="Account" onKeyDown={onMenuKeyDown}>
          <div className="pad">
            <strong>{me.user.name}</strong>
            <div className="muted">{me.user.email}</div>
          </div>
          {me.orgs.length > 1 ? (
            <div className="pad">
              <label className="muted" htmlFor="active-org">
                Organisation
              </label>
              <select
                id="active-org"
                value={me.activeOrgId ?? ''}
                onChange={(event) => void switchOrg(event.target.value)}
                data-testid="org-switcher"
              >
                {me.orgs.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name} ({org.role})
                  </option>
                ))}
              </select>
              {error ? <p className="field-error">{error}</p> : null}
            </div>
          ) : null}
          {organisationLabel ? (
            <button
              type="button"
              className="menu-option"
              data-menu-item
              onClick={() => {
                close(false);
                onOrganisation();
              }}
              data-testid="open-admin"
            >
              {organisationLabel}
            </button>
          ) : null}
          <button
            type="button"
            className="menu-option"
            data-menu-item
            onClick={() => {
              close(false);
              onSettings();
            }}
            data-testid="open-settings"
          >
            Settings
          </button>
          <button
            type="button"
            className="menu-option"
            data-menu-item
            onClick={() => void logout()}
            data-testid="logout"
          >
            Log out
          </button>
          {version ? <div className="pad muted small">ChatStudio {version}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
