import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Open/close state for a disclosure popover: closes on outside click and on Esc (returning focus to the
 * trigger), and moves focus between the menu's enabled buttons with the arrow keys.
 */
export function usePopover<Trigger extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<Trigger>(null);

  const close = useCallback((focusTrigger = true) => {
    setOpen(false);
    if (focusTrigger) triggerRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onMenuKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      }
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-menu-item]:not([disabled])'));
      if (items.length === 0) return;
      event.preventDefault();
      const index = items.findIndex((item) => item === document.activeElement);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = index === -1 ? (step === 1 ? 0 : items.length - 1) : (index + step + items.length) % items.length;
      items[next]?.focus();
    },
    [close],
  );

  return { open, setOpen, close, rootRef, triggerRef, onMenuKeyDown };
}
