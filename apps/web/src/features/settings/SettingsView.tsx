import type { KeyboardEvent } from 'react';
import { lazy, Suspense, useRef } from 'react';
import type { SettingsTab } from '../../app/route';
import { settingsTabs } from '../../app/route';
import { Spinner } from '../../components/Spinner';
import { ProvidersSettings } from '../providers/ProvidersSettings';

const CalibrationSettings = lazy(() =>
  import('../calibration/CalibrationSettings').then((module) => ({ default: module.CalibrationSettings })),
);
const TokensSettings = lazy(() =>
  import('../tokens/TokensSettings').then((module) => ({ default: module.TokensSettings })),
);
const MyUsageSettings = lazy(() =>
  import('../admin/MyUsageSettings').then((module) => ({ default: module.MyUsageSettings })),
);

const tabLabels: Record<SettingsTab, string> = {
  providers: 'Providers & keys',
  calibration: 'Calibration',
  tokens: 'Access tokens',
  usage: 'My usage',
};

interface SettingsViewProps {
  tab: SettingsTab;
  onTab: (tab: SettingsTab) => void;
  onClose: () => void;
}

/** Settings with ARIA tabs (arrow keys switch); each tab has its own URL (`#/settings/<tab>`). */
export default function SettingsView({ tab, onTab, onClose }: SettingsViewProps) {
  const tabRefs = useRef<Partial<Record<SettingsTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = settingsTabs.indexOf(tab);
    const next =
      settingsTabs[(index + (event.key === 'ArrowRight' ? 1 : -1) + settingsTabs.length) % settingsTabs.length];
    if (next) {
      onTab(next);
      tabRefs.current[next]?.focus();
    }
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <header className="settings-header">
        <h1 id="settings-title">Settings</h1>
        <button type="button" className="button" onClick={onClose} data-testid="settings-close">
          Back to chat
        </button>
      </header>
      <div className="tabs" role="tablist" aria-label="Settings sections" onKeyDown={onKeyDown}>
        {settingsTabs.map((item) => (
          <button
            key={item}
            ref={(element) => {
              tabRefs.current[item] = element;
            }}
            type="button"
            role="tab"
            id={`settings-tab-${item}`}
            aria-selected={item === tab}
            aria-controls="settings-panel"
            tabIndex={item === tab ? 0 : -1}
            className={item === tab ? 'tab active' : 'tab'}
            onClick={() => onTab(item)}
            data-testid={`settings-tab-${item}`}
          >
            {tabLabels[item]}
          </button>
        ))}
      </div>
      <div id="settings-panel" role="tabpanel" aria-labelledby={`settings-tab-${tab}`} className="settings-panel">
        <Suspense fallback={<Spinner />}>
          {tab === 'providers' ? <ProvidersSettings /> : null}
          {tab === 'calibration' ? <CalibrationSettings /> : null}
          {tab === 'tokens' ? <TokensSettings /> : null}
          {tab === 'usage' ? <MyUsageSettings /> : null}
        </Suspense>
      </div>
    </section>
  );
}
