import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';

interface ComposerProps {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  streaming: boolean;
  /** Why sending is impossible right now, if it is (shown as the placeholder). */
  blockedReason: string | null;
  hint: string | null;
}

const MAX_HEIGHT_PX = 240;

/** The message box: Enter sends, Shift+Enter adds a line; Stop replaces Send while a reply streams. */
export function Composer({ value, onChange, onSend, onStop, streaming, blockedReason, hint }: ComposerProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const canSend = !streaming && blockedReason === null && value.trim() !== '';

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [value]);

  // Back to the box when a reply ends (not on first render: that would pop up phone keyboards).
  const wasStreaming = useRef(streaming);
  useEffect(() => {
    if (wasStreaming.current && !streaming) ref.current?.focus({ preventScroll: true });
    wasStreaming.current = streaming;
  }, [streaming]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canSend) onSend();
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSend) onSend();
      }}
    >
      <div className="composer-row">
        <textarea
          ref={ref}
          aria-label="Message"
          rows={1}
          placeholder={blockedReason ?? 'Message…'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          data-testid="composer-input"
        />
        {streaming ? (
          <button type="button" className="button danger" onClick={onStop} data-testid="stop">
            Stop
          </button>
        ) : (
          <button type="submit" className="button primary" disabled={!canSend} data-testid="send">
            Send
          </button>
        )}
      </div>
      <p className="composer-hint">
        {hint ? <span data-testid="composer-routing">{hint} · </span> : null}
        <span className="keyboard-hint">Enter to send, Shift+Enter for a new line</span>
      </p>
    </form>
  );
}
