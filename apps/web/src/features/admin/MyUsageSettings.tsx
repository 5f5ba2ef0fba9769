import { UsagePage } from './UsagePage';

/** Settings → My usage: everyone's own calls (`GET /api/usage?scope=me`), whatever their role. */
export function MyUsageSettings() {
  return <UsagePage scope="me" title="My usage" testId="my-usage" />;
}
