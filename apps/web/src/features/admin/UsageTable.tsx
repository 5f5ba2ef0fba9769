import { useId, useMemo } from 'react';
import type { UsageRow } from './admin-types';
import type { ProviderNames, UsageGrouping } from './usage-report';
import { formatCount, groupUsage, tokensOf, usageGroupings } from './usage-report';

const groupingLabels: Record<UsageGrouping, string> = {
  member: 'Member',
  provider: 'Provider',
  model: 'Model',
  task: 'Task',
  day: 'Day',
  all: 'Everything (member, provider, model, task, day)',
};

const allColumns = ['Member', 'Provider', 'Model', 'Task', 'Day'];

interface UsageTableProps {
  rows: readonly UsageRow[];
  groupBy: UsageGrouping;
  onGroupBy: (grouping: UsageGrouping) => void;
  /** Your own usage has one member: leave that grouping (and column) out. */
  showMembers: boolean;
  providerName: ProviderNames;
}

export function UsageTable({ rows, groupBy, onGroupBy, showMembers, providerName }: UsageTableProps) {
  const selectId = useId();
  const groups = useMemo(() => groupUsage(rows, groupBy, providerName), [rows, groupBy, providerName]);
  const options = usageGroupings.filter((item) => showMembers || item !== 'member');
  const columns = groupBy === 'all' ? allColumns : [groupingLabels[groupBy]];
  // Ungrouped rows of your own usage: the member column would only ever say "you".
  const visible = columns
    .map((name, index) => ({ name, index }))
    .filter((column) => showMembers || groupBy !== 'all' || column.index !== 0);

  return (
    <div className="stack">
      <div className="field inline">
        <label htmlFor={selectId}>Group by</label>
        <select
          id={selectId}
          value={groupBy}
          onChange={(event) => onGroupBy(options.find((item) => item === event.target.value) ?? groupBy)}
          data-testid="usage-group-by"
        >
          {options.map((item) => (
            <option key={item} value={item}>
              {groupingLabels[item]}
            </option>
          ))}
        </select>
      </div>
      <div className="table-scroll">
        <table className="data-table usage-table" data-testid="usage-table" data-group-by={groupBy}>
          <caption className="visually-hidden">Usage grouped by {groupingLabels[groupBy].toLowerCase()}</caption>
          <thead>
            <tr>
              {visible.map((column) => (
                <th key={column.name} scope="col">
                  {column.name}
                </th>
              ))}
              <th scope="col" className="numeric">
                Calls
              </th>
              <th scope="col" className="numeric">
                Input tokens
              </th>
              <th scope="col" className="numeric">
                Output tokens
              </th>
              <th scope="col" className="numeric">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key} data-testid="usage-row">
                {visible.map((column, position) =>
                  position === 0 ? (
                    <th key={column.name} scope="row" data-label={column.name}>
                      {group.labels[column.index]}
                    </th>
                  ) : (
                    <td key={column.name} data-label={column.name}>
                      {group.labels[column.index]}
                    </td>
                  ),
                )}
                <td className="numeric" data-label="Calls">
                  {formatCount(group.calls)}
                </td>
                <td className="numeric" data-label="Input tokens">
                  {formatCount(group.inputTokens)}
                </td>
                <td className="numeric" data-label="Output tokens">
                  {formatCount(group.outputTokens)}
                </td>
                <td className="numeric" data-label="Total">
                  {formatCount(tokensOf(group))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
