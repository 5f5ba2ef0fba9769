import type { ModelCapability } from '@chatstudio/contract';

const labels: Record<ModelCapability, string> = {
  vision: 'vision',
  tools: 'tools',
  reasoning: 'reasoning',
  json: 'JSON',
  code: 'code',
};

export function CapabilityBadges({ capabilities }: { capabilities: readonly ModelCapability[] }) {
  if (capabilities.length === 0) return null;
  return (
    <span className="badges" aria-label={`Capabilities: ${capabilities.join(', ')}`}>
      {capabilities.map((capability) => (
        <span key={capability} className={`badge badge-${capability}`} aria-hidden="true">
          {labels[capability]}
        </span>
      ))}
    </span>
  );
}
