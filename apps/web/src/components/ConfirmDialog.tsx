import { useState } from 'react';
import { describeError } from '../api/api-error';
import { Dialog } from './Dialog';
import { Notice } from './Notice';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId?: string;
}

/** "Are you sure?" for destructive actions; shows the failure inline instead of closing. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose, testId }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} busy={busy} testId={testId}>
      <p>{message}</p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => void confirm()}
          disabled={busy}
          data-testid="confirm-button"
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
