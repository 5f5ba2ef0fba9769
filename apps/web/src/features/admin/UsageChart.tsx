import { useMemo } from 'react';
import { formatTokens } from '../../components/format';
import type { UsageRow } from './admin-types';
import type { ProviderNames } from './usage-report';
import { dailyTokensByProvider, describeSeries, formatCount, niceCeiling } from './usage-report';

const order = ['openai', 'anthropic', 'mistral', 'dashscope', 'ollama'];
const height = 200;
const top = 18;
const bottom = 22;
const plot = height - top - bottom;

interface UsageChartProps {
  rows: readonly UsageRow[];
  from: string;
  to: string;
  providerName: ProviderNames;
}

/**
 * Tokens per day, stacked by provider, in plain SVG. Horizontal positions are percentages so the chart
 * fills any width (phone to desktop) while text keeps its real size. Screen readers get one sentence
 * (`role="img"` + `aria-label`); the table below has the numbers.
 */
export function UsageChart({ rows, from, to, providerName }: UsageChartProps) {
  const series = useMemo(() => dailyTokensByProvider(rows, from, to, order), [rows, from, to]);
  const label = describeSeries(series, providerName, from, to);
  const ceiling = niceCeiling(series.max);
  const slot = series.days.length > 0 ? 100 / series.days.length : 100;
  const labelEvery = Math.max(1, Math.ceil(series.days.length / 8));
  const colour = (provider: string) => {
    const index = order.indexOf(provider);
    return `usage-series-${index === -1 ? 'other' : index}`;
  };
  const y = (tokens: number) => top + plot - (tokens / ceiling) * plot;

  return (
    <figure className="usage-chart">
      <svg
        width="100%"
        height={height}
        role="img"
        aria-label={label}
        data-testid="usage-chart"
        className="usage-chart-svg"
      >
        {[0, 0.5, 1].map((fraction) => (
          <g key={fraction} className="usage-grid">
            <line x1="0" x2="100%" y1={y(ceiling * fraction)} y2={y(ceiling * fraction)} />
            {fraction > 0 ? (
              <text x="2" y={y(ceiling * fraction) - 4}>
                {formatTokens(ceiling * fraction)}
              </text>
            ) : null}
          </g>
        ))}
        {series.days.map((day, index) => {
          let offset = 0;
          return (
            <g key={day.day}>
              {day.parts
                .filter((part) => part.tokens > 0)
                .map((part) => {
                  const barHeight = (part.tokens / ceiling) * plot;
                  offset += barHeight;
                  return (
                    <rect
                      key={part.provider}
                      className={colour(part.provider)}
                      x={`${index * slot + slot * 0.15}%`}
                      width={`${Math.max(slot * 0.7, 0.2)}%`}
                      y={top + plot - offset}
                      height={Math.max(barHeight, 0.5)}
                    >
                      <title>{`${day.day} · ${providerName(part.provider)}: ${formatCount(part.tokens)} tokens`}</title>
                    </rect>
                  );
                })}
              {index % labelEvery === 0 ? (
                <text className="usage-axis" x={`${index * slot + slot / 2}%`} y={height - 6} textAnchor="middle">
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {series.providers.length > 0 ? (
        <figcaption className="usage-legend">
          {series.byProvider.map((item) => (
            <span key={item.provider} className="usage-legend-item">
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <rect width="12" height="12" rx="2" className={colour(item.provider)} />
              </svg>
              {providerName(item.provider)} <span className="muted">{formatCount(item.tokens)}</span>
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
