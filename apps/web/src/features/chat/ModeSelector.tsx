import type { ChatMode } from '../../api/types';
import { chatModes } from '../../api/types';
import { modeLabels } from './labels';

interface ModeSelectorProps {
  mode: ChatMode;
  onChange: (mode: ChatMode) => void;
  disabled: boolean;
}

/** Chat / Reason / Code / Extract, sent as the message's `task` (spec §4). Arrow keys move between modes. */
export function ModeSelector({ mode, onChange, disabled }: ModeSelectorProps) {
  return (
    <fieldset className="segmented" data-testid="mode-selector" disabled={disabled}>
      <legend className="visually-hidden">Mode</legend>
      {chatModes.map((item) => (
        <label key={item} className={item === mode ? 'segment active' : 'segment'} title={modeLabels[item].hint}>
          <input
            type="radio"
            name="chat-mode"
            value={item}
            checked={item === mode}
            onChange={() => onChange(item)}
            data-testid={`mode-${item}`}
          />
          <span>{modeLabels[item].label}</span>
        </label>
      ))}
    </fieldset>
  );
}
