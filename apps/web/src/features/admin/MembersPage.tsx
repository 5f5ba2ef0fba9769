import type { OrgRole } from '@chatstudio/contract';
import { orgRoles } from '@chatstudio/contract';
import { useCallback, useId, useState } from 'react';
import { describeError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { useSession } from '../auth/session-context';
import { adminApi } from './admin.api';
import type { Member } from './admin-types';
import { AddMemberForm } from './AddMemberForm';
import { roleLabels } from './roles';
import { useResource } from './use-resource';

interface MembersPageProps {
  orgId: string;
  /** The caller's role: only owners may grant, take away or remove the owner role. */
  role: OrgRole;
}

/** Organisation → Members: who belongs, their roles, adding people (one-time password) and removing them. */
export function MembersPage({ orgId, role }: MembersPageProps) {
  const { me, refresh } = useSession();
  const members = useResource(useCallback((signal: AbortSignal) => adminApi.members(orgId, signal), [orgId]));
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const list = members.data?.members ?? [];

  const changeRole = async (member: Member, next: OrgRole) => {
    if (next === member.role) return;
    setPending(member.userId);
    setNotice(null);
    try {
      await adminApi.changeRole(orgId, member.userId, next);
      members.setData((data) =>
        data
          ? { members: data.members.map((item) => (item.userId === member.userId ? { ...item, role: next } : item)) }
          : data,
      );
      setNotice({ tone: 'success', text: `${member.name} is now ${roleLabels[next].toLowerCase()}.` });
      // Changing your own role changes what you may see here.
      if (member.userId === me.user.id) await refresh();
    } catch (caught) {
      setNotice({ tone: 'error', text: `Couldn't change ${member.name}'s role: ${describeError(caught)}` });
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="settings-section" data-testid="admin-members">
      <h2>Members</h2>
      <p className="muted">
        Owners and admins manage keys, policy and members; only owners can make someone an owner. Every change is in the
        audit log.
      </p>
      <AddMemberForm orgId={orgId} canAddOwner={role === 'owner'} onAdded={() => void members.reload()} />
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {members.error ? <Notice tone="error">Couldn't load members: {members.error}</Notice> : null}
      {members.loading && !members.data ? <Spinner label="Loading members…" /> : null}
      {members.data && list.length === 0 ? <EmptyState title="No members yet" /> : null}
      <ul className="card-list" aria-label="Members">
        {list.map((member) => (
          <MemberRow
            key={member.userId}
            member={member}
            isYou={member.userId === me.user.id}
            callerRole={role}
            busy={pending === member.userId}
            onRole={(next) => void changeRole(member, next)}
            onRemove={() => setRemoving(member)}
          />
        ))}
      </ul>
      {removing ? (
        <ConfirmDialog
          title={removing.userId === me.user.id ? 'Leave this organisation?' : `Remove ${removing.name}?`}
          message={
            removing.userId === me.user.id
              ? 'You will lose access to this organisation and its keys straight away.'
              : `${removing.name} loses access to this organisation and its keys straight away. Their account and personal keys stay.`
          }
          confirmLabel={removing.userId === me.user.id ? 'Leave' : 'Remove'}
          testId="remove-member-dialog"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await adminApi.removeMember(orgId, removing.userId);
            setNotice({ tone: 'success', text: `${removing.name} was removed.` });
            if (removing.userId === me.user.id) await refresh();
            else void members.reload();
          }}
        />
      ) : null}
    </div>
  );
}

interface MemberRowProps {
  member: Member;
  isYou: boolean;
  callerRole: OrgRole;
  busy: boolean;
  onRole: (role: OrgRole) => void;
  onRemove: () => void;
}

function MemberRow({ member, isYou, callerRole, busy, onRole, onRemove }: MemberRowProps) {
  const selectId = useId();
  // Admins can't touch owners (the server would say 403); say so by disabling, not by failing.
  const ownerLocked = member.role === 'owner' && callerRole !== 'owner';
  return (
    <li className="card member-row" data-testid="member-row" data-email={member.email}>
      <div className="member-who">
        <strong>
          {member.name}
          {isYou ? <span className="muted"> (you)</span> : null}
        </strong>
        <span className="muted member-email">{member.email}</span>
        <span className="muted small">
          Joined {formatDateTime(member.joinedAt)}
          {member.mustChangePassword ? <span className="badge badge-stale">must change password</span> : null}
        </span>
      </div>
      <div className="member-actions">
        <label className="visually-hidden" htmlFor={selectId}>
          Role of {member.name}
        </label>
        <select
          id={selectId}
          value={member.role}
          disabled={busy || ownerLocked}
          onChange={(event) => {
            const next = orgRoles.find((item) => item === event.target.value);
            if (next) onRole(next);
          }}
          data-testid="member-role-select"
        >
          {orgRoles.map((item) => (
            <option key={item} value={item} disabled={item === 'owner' && callerRole !== 'owner'}>
              {roleLabels[item]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button small danger"
          onClick={onRemove}
          disabled={busy || ownerLocked}
          data-testid="remove-member"
          aria-label={isYou ? 'Leave the organisation' : `Remove ${member.name}`}
        >
          {isYou ? 'Leave' : 'Remove'}
        </button>
      </div>
    </li>
  );
}
