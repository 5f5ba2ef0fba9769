interface SpinnerProps {
  label?: string;
  testId?: string;
  inline?: boolean;
}

/** A loading indicator with a text label for assistive technology (and sighted users, unless inline). */
export function Spinner({ label = 'Loading…', testId, inline = false }: SpinnerProps) {
  return (
    <span className={inline ? 'spinner spinner-inline' : 'spinner'} role="status" data-testid={testId}>
      <span className="spinner-dot" aria-hidden="true" />
      <span className={inline ? 'visually-hidden' : 'spinner-label'}>{label}</span>
    </span>
  );
}
