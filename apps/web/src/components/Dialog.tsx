import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  description?: ReactNode;
  testId?: string;
  /** Disables Esc/backdrop closing, e.g. while a request is in flight. */
  busy?: boolean;
}

const focusable =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Where focus goes when the dialog opens: the element marked `data-autofocus`, else the first control
 * after the header (the × button is for pointers; keyboard users have Esc). React's `autoFocus` cannot
 * do this: it runs before `showModal()`, while the dialog is still hidden, and `showModal()` would then
 * focus the first focusable element, the × button.
 */
function initialFocus(dialog: HTMLDialogElement, header: HTMLElement | null): HTMLElement | undefined {
  const marked = dialog.querySelector<HTMLElement>('[data-autofocus]');
  if (marked) return marked;
  return Array.from(dialog.querySelectorAll<HTMLElement>(focusable)).find((element) => !header?.contains(element));
}

/**
 * A modal dialog on the native `<dialog>`: `showModal()` makes the rest of the page inert (focus stays
 * inside), Esc closes, and focus returns to whatever opened it. Mount it to open, unmount to close.
 */
export function Dialog({ title, onClose, children, description, testId, busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus(dialog, headerRef.current)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busyRef.current) onClose();
      }}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !busyRef.current) onClose();
      }}
    >
      <div className="dialog-body">
        <header className="dialog-header" ref={headerRef}>
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose} disabled={busy}>
            ×
          </button>
        </header>
        {description ? (
          <div id={descriptionId} className="dialog-description">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </dialog>
  );
}
