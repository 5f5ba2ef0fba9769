import type { OrgRole } from '@chatstudio/contract';
import { addMemberSchema, orgRoles } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { describeError } from '../../api/api-error';
import { CopyButton } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import type { AddedMember } from './admin-types';
import { adminApi } from './admin.api';
import { roleLabels } from './roles';

interface AddMemberFormProps {
  orgId: string;
  canAddOwner: boolean;
  onAdded: () => void;
}

/**
 * Adds someone by email. A new account gets a one-time password, shown here exactly once (like a new
 * access token) and never kept anywhere else; an existing account is just added.
 */
export function AddMemberForm({ orgId, canAddOwner, onAdded }: AddMemberFormProps) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<OrgRole>('member');
  const [errors, setErrors] = useState<{ email?: string; name?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<AddedMember | null>(null);
  const roleId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = addMemberSchema.safeParse({ email, name, role });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      return setErrors({
        email: fields.has('email') ? 'Enter an email address like name@example.com.' : undefined,
        name: fields.has('name') ? 'Enter their name (up to 100 characters).' : undefined,
      });
    }
    setBusy(true);
    setErrors({});
    setAdded(null);
    try {
      setAdded(await adminApi.addMember(orgId, parsed.data));
      setEmail('');
      setName('');
      setRole('member');
      onAdded();
    } catch (caught) {
      setErrors({ form: describeError(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {added ? <AddedNotice added={added} onDismiss={() => setAdded(null)} /> : null}
      <form
        className="add-member-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label="Add a member"
        data-testid="add-member-form"
      >
        <Field
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          maxLength={254}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
          testId="member-email"
        />
        <Field
          label="Name"
          autoComplete="off"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          testId="member-name"
        />
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select
            id={roleId}
            value={role}
            onChange={(event) => setRole(orgRoles.find((item) => item === event.target.value) ?? 'member')}
            data-testid="member-role"
          >
            {orgRoles.map((item) => (
              <option key={item} value={item} disabled={item === 'owner' && !canAddOwner}>
                {roleLabels[item]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button primary" disabled={busy} data-testid="add-member-submit">
          {busy ? 'Adding…' : 'Add member'}
        </button>
      </form>
      {errors.form ? <Notice tone="error">Couldn't add this member: {errors.form}</Notice> : null}
    </>
  );
}

function AddedNotice({ added, onDismiss }: { added: AddedMember; onDismiss: () => void }) {
  if (added.oneTimePassword === null) {
    return (
      <Notice tone="success" testId="member-added">
        {added.user.name} ({added.user.email}) already had an account and is now a member. They sign in with their own
        password.
      </Notice>
    );
  }
  return (
    <Notice tone="success" testId="member-added">
      <p>
        <strong>
          Account created for {added.user.name}. Give them this one-time password now: you won't see it again.
        </strong>
      </p>
      <div className="secret-row">
        <code className="secret" data-testid="one-time-password">
          {added.oneTimePassword}
        </code>
        <CopyButton text={added.oneTimePassword} testId="one-time-password-copy" />
      </div>
      <p>
        They sign in as <code>{added.user.email}</code> and must change it at first login.
      </p>
      <button type="button" className="link-button" onClick={onDismiss}>
        I've passed it on, hide it
      </button>
    </Notice>
  );
}
