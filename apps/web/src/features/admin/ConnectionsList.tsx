import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import type { Connection } from './admin-types';

interface ConnectionsListProps {
  connections: readonly Connection[];
  providerName: (id: string) => string;
  onRevoke: (connection: Connection) => void;
}

/** Every stored key, org first, then members by name; members' personal keys can be revoked. */
export function ConnectionsList({ connections, providerName, onRevoke }: ConnectionsListProps) {
  if (connections.length === 0) {
    return <EmptyState title="No keys connected yet" testId="connections-empty" />;
  }
  const sorted = [...connections].sort((a, b) => {
    const owner = (item: Connection) => (item.owner.kind === 'org' ? '' : item.owner.name || item.owner.email);
    return owner(a).localeCompare(owner(b)) || providerName(a.provider).localeCompare(providerName(b.provider));
  });
  return (
    <div className="table-scroll">
      <table className="data-table connections-table">
        <caption className="visually-hidden">Stored provider keys</caption>
        <thead>
          <tr>
            <th scope="col">Owner</th>
            <th scope="col">Provider</th>
            <th scope="col">Key</th>
            <th scope="col">Connected</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((connection) => (
            <tr key={connection.id} data-testid="connection-row" data-provider={connection.provider}>
              <td data-label="Owner">
                {connection.owner.kind === 'org' ? (
                  <strong>Organisation</strong>
                ) : (
                  <span>
                    {connection.owner.name || connection.owner.email}
                    <span className="muted small cell-line">{connection.owner.email}</span>
                  </span>
                )}
              </td>
              <td data-label="Provider">
                <span>
                  {providerName(connection.provider)}
                  {connection.region ? <span className="muted small"> ({connection.region})</span> : null}
                </span>
              </td>
              <td data-label="Key">
                <code>{connection.hint}</code>
              </td>
              <td data-label="Connected">
                <span>
                  {formatDateTime(connection.connectedAt)}
                  {connection.connectedBy ? (
                    <span className="muted small cell-line">by {connection.connectedBy.name}</span>
                  ) : null}
                </span>
              </td>
              <td className="actions-cell">
                {connection.owner.kind === 'member' ? (
                  <button
                    type="button"
                    className="button small danger"
                    onClick={() => onRevoke(connection)}
                    data-testid="revoke-connection"
                    aria-label={`Revoke ${connection.owner.name || connection.owner.email}'s ${providerName(connection.provider)} key`}
                  >
                    Revoke
                  </button>
                ) : (
                  <span className="muted small">used by members</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
