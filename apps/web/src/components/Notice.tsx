import type { ReactNode } from 'react';

interface NoticeProps {
  tone?: 'info' | 'error' | 'warning' | 'success';
  children: ReactNode;
  testId?: string;
  action?: ReactNode;
}

/** An inline message. Errors and warnings are announced to screen readers (`role="alert"`). */
export function Notice({ tone = 'info', children, testId, action }: NoticeProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`notice notice-${tone}`} role={urgent ? 'alert' : 'status'} data-testid={testId}>
      <div className="notice-text">{children}</div>
      {action ? <div className="notice-action">{action}</div> : null}
    </div>
  );
}
