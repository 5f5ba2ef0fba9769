import { Field } from '../../components/Field';

interface NewPasswordFieldsProps {
  /** "Password" or "New password"; the second field is "Repeat <label>". */
  label: string;
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
}

/** A new password typed twice, as setup and the forced password change both ask for it. */
export function NewPasswordFields({ label, password, confirm, onPassword, onConfirm }: NewPasswordFieldsProps) {
  return (
    <>
      <Field
        label={label}
        type="password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        autoComplete="new-password"
        hint="At least 10 characters."
        required
      />
      <Field
        label={`Repeat ${label.toLowerCase()}`}
        type="password"
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        autoComplete="new-password"
        required
      />
    </>
  );
}
