import type { PolicyView } from '@chatstudio/contract';
import { providerIds } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useId, useMemo, useState } from 'react';
import { describeError } from '../../api/api-error';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useProviders } from '../providers/ProvidersContext';
import { adminApi } from './admin.api';
import { ModelAllowlist } from './ModelAllowlist';
import type { PolicyForm, PolicyFormErrors } from './policy-form';
import {
  addAllowedModel,
  describeBudget,
  formFromPolicy,
  isApproved,
  parseBudget,
  policyFromForm,
  removeAllowedModel,
  setProviderApproved,
} from './policy-form';

interface PolicyEditorProps {
  orgId: string;
  policy: PolicyView;
  onSaved: (policy: PolicyView) => void;
}

function budgetHint(text: string, scope: string): string {
  const parsed = parseBudget(text);
  const base = `Tokens in + out per calendar month (UTC) ${scope}. Empty: no limit.`;
  return typeof parsed === 'number' ? `${base} Now: ${describeBudget(parsed)}.` : base;
}

export function PolicyEditor({ orgId, policy, onSaved }: PolicyEditorProps) {
  const { providers, reload } = useProviders();
  const [form, setForm] = useState<PolicyForm>(() => formFromPolicy(policy));
  const [errors, setErrors] = useState<PolicyFormErrors>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const allId = useId();
  const keysId = useId();
  const listed = useMemo(
    () =>
      providers.length > 0
        ? providers.map((provider) => ({ id: provider.id, name: provider.name }))
        : providerIds.map((id) => ({ id, name: id })),
    [providers],
  );
  const allIds = listed.map((provider) => provider.id);
  const dirty = JSON.stringify(policyFromForm(form)) !== JSON.stringify(policyFromForm(formFromPolicy(policy)));
  const noneApproved = !form.approveAll && form.approved.length === 0;

  const update = (next: PolicyForm) => {
    setForm(next);
    setStatus(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = policyFromForm(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await adminApi.savePolicy(orgId, parsed.value);
      setForm(formFromPolicy(saved));
      onSaved(saved);
      setStatus({ tone: 'success', text: 'Policy saved. It applies to the next call everyone makes.' });
      // Approval and personal-key changes alter what the chat view offers.
      void reload();
    } catch (caught) {
      setStatus({ tone: 'error', text: `Couldn't save the policy: ${describeError(caught)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate data-testid="policy-form">
      <fieldset className="card policy-fieldset">
        <legend>Approved providers</legend>
        <p className="field-hint">Members are only offered approved providers; calls to others are refused.</p>
        <div className="check-row">
          <input
            id={allId}
            type="checkbox"
            checked={form.approveAll}
            onChange={(event) =>
              update(
                event.target.checked
                  ? { ...form, approveAll: true }
                  : { ...form, approveAll: false, approved: [...allIds] },
              )
            }
            data-testid="policy-all-providers"
          />
          <label htmlFor={allId}>All providers, including any the operator adds later</label>
        </div>
        <ul className="check-list">
          {listed.map((provider) => (
            <li key={provider.id} className="check-row">
              <input
                id={`${allId}-${provider.id}`}
                type="checkbox"
                checked={isApproved(form, provider.id)}
                onChange={(event) => update(setProviderApproved(form, provider.id, event.target.checked, allIds))}
                data-testid={`policy-provider-${provider.id}`}
              />
              <label htmlFor={`${allId}-${provider.id}`}>{provider.name}</label>
            </li>
          ))}
        </ul>
        {noneApproved ? (
          <Notice tone="warning">No provider is approved: nobody in this organisation can chat.</Notice>
        ) : null}
      </fieldset>

      <fieldset className="card policy-fieldset">
        <legend>Keys</legend>
        <div className="check-row">
          <input
            id={keysId}
            type="checkbox"
            checked={form.allowPersonalKeys}
            onChange={(event) => update({ ...form, allowPersonalKeys: event.target.checked })}
            aria-describedby={`${keysId}-hint`}
            data-testid="policy-personal-keys"
          />
          <label htmlFor={keysId}>Members may use their own (personal) provider keys</label>
        </div>
        <p id={`${keysId}-hint`} className="field-hint">
          When off, every call uses the organisation’s key for that provider; personal keys stay stored but unused.
        </p>
      </fieldset>

      <fieldset className="card policy-fieldset">
        <legend>Allowed models</legend>
        <p className="field-hint">
          Per approved provider. An empty list allows every model; otherwise only the listed model ids can be used.
        </p>
        {listed
          .filter((provider) => isApproved(form, provider.id))
          .map((provider) => (
            <ModelAllowlist
              key={provider.id}
              orgId={orgId}
              provider={provider.id}
              providerName={provider.name}
              models={form.allowedModels[provider.id] ?? []}
              onAdd={(model) => {
                const next = addAllowedModel(form, provider.id, model);
                if (typeof next === 'string') return next;
                update(next);
                return null;
              }}
              onRemove={(model) => update(removeAllowedModel(form, provider.id, model))}
            />
          ))}
      </fieldset>

      <fieldset className="card policy-fieldset">
        <legend>Monthly token budgets</legend>
        <div className="field-row">
          <Field
            label="Whole organisation"
            inputMode="numeric"
            placeholder="no limit"
            value={form.orgBudget}
            onChange={(event) => update({ ...form, orgBudget: event.target.value })}
            hint={budgetHint(form.orgBudget, 'for everyone together')}
            error={errors.orgBudget}
            testId="policy-org-budget"
          />
          <Field
            label="Each member"
            inputMode="numeric"
            placeholder="no limit"
            value={form.memberBudget}
            onChange={(event) => update({ ...form, memberBudget: event.target.value })}
            hint={budgetHint(form.memberBudget, 'per person')}
            error={errors.memberBudget}
            testId="policy-member-budget"
          />
        </div>
      </fieldset>

      {status ? (
        <Notice tone={status.tone} testId="policy-status">
          {status.text}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={busy || !dirty}
          onClick={() => {
            setForm(formFromPolicy(policy));
            setErrors({});
            setStatus(null);
          }}
        >
          Undo changes
        </button>
        <button type="submit" className="button primary" disabled={busy} data-testid="policy-save">
          {busy ? 'Saving…' : 'Save policy'}
        </button>
      </div>
    </form>
  );
}
