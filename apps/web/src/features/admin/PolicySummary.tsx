import type { PolicyView } from '@chatstudio/contract';
import { useProviders } from '../providers/ProvidersContext';
import { describeBudget } from './policy-form';

/** The read-only policy for members: plain sentences, no controls. */
export function PolicySummary({ policy }: { policy: PolicyView }) {
  const { providers } = useProviders();
  const approved = (id: string) => policy.approvedProviders === null || policy.approvedProviders.some((p) => p === id);
  return (
    <div className="stack" data-testid="policy-view">
      <section className="card">
        <h3>Providers</h3>
        {policy.approvedProviders === null ? <p>Every provider is approved.</p> : null}
        <ul className="policy-summary-list">
          {providers.map((provider) => {
            const models = policy.allowedModels[provider.id] ?? [];
            return (
              <li key={provider.id} data-testid={`policy-view-${provider.id}`}>
                <span className={approved(provider.id) ? 'policy-mark yes' : 'policy-mark no'} aria-hidden="true">
                  {approved(provider.id) ? '✓' : '✕'}
                </span>
                <strong>{provider.name}</strong>{' '}
                {approved(provider.id) ? (
                  models.length > 0 ? (
                    <span>
                      — only these models: <code>{models.join(', ')}</code>
                    </span>
                  ) : (
                    <span className="muted">— approved, any model</span>
                  )
                ) : (
                  <span className="muted">— not approved</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card">
        <h3>Keys</h3>
        <p>
          {policy.allowPersonalKeys
            ? 'You may connect your own provider keys; they are used before the organisation’s.'
            : 'Personal keys are not used here: calls go through the organisation’s keys.'}
        </p>
      </section>
      <section className="card">
        <h3>Monthly token budgets</h3>
        <dl className="details">
          <dt>Whole organisation</dt>
          <dd>{describeBudget(policy.monthlyTokenBudget)}</dd>
          <dt>Each member</dt>
          <dd>{describeBudget(policy.memberMonthlyTokenBudget)}</dd>
        </dl>
      </section>
    </div>
  );
}
