/**
 * Table types for Kysely. Timestamps are epoch milliseconds (bigint in PostgreSQL, integer in
 * SQLite); booleans are 0/1 integers and structured values JSON text, so one set of queries runs on
 * both dialects unchanged.
 */

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_instance_admin: number;
  must_change_password: number;
  last_used_provider: string | null;
  last_used_model: string | null;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  active_org_id: string | null;
  created_at: number;
  expires_at: number;
}

export interface OrgsTable {
  id: string;
  name: string;
  created_by: string | null;
  created_at: number;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: 'owner' | 'admin' | 'member';
  created_at: number;
}

export interface OrgPoliciesTable {
  org_id: string;
  /** JSON array of provider ids; null means every provider is approved. */
  approved_providers: string | null;
  allow_personal_keys: number;
  /** JSON object provider → model ids; a provider absent from it is unrestricted. */
  allowed_models: string;
  monthly_token_budget: number | null;
  member_monthly_token_budget: number | null;
  updated_by: string | null;
  updated_at: number;
}

export interface OrgInvitesTable {
  id: string;
  org_id: string;
  email: string;
  role: 'owner' | 'admin' | 'member';
  token_hash: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface CredentialsTable {
  id: string;
  scope: 'user' | 'org';
  owner_id: string;
  provider: string;
  region: string | null;
  hint: string;
  master_key_id: string;
  wrapped_key: string;
  ciphertext: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface ModelCacheTable {
  cache_key: string;
  provider: string;
  models: string;
  fetched_at: number;
}

export interface CalibrationsTable {
  id: string;
  scope: 'user' | 'org';
  owner_id: string;
  provider: string;
  task: string;
  model: string;
  temperature: number | null;
  max_output_tokens: number | null;
  reasoning_effort: string | null;
  system_prompt: string | null;
  updated_by: string | null;
  updated_at: number;
}

export interface ConversationsTable {
  id: string;
  user_id: string;
  org_id: string | null;
  title: string | null;
  provider: string | null;
  model: string | null;
  summary: string | null;
  summary_through: number | null;
  created_at: number;
  updated_at: number;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  user_id: string;
  seq: number;
  role: 'user' | 'assistant' | 'system';
  content: string;
  reasoning: string | null;
  provider: string | null;
  model: string | null;
  task: string | null;
  status: 'complete' | 'partial' | 'error' | 'streaming';
  resolved_by: string | null;
  key_scope: string | null;
  error_code: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  ttft_ms: number | null;
  duration_ms: number | null;
  created_at: number;
}

export interface UsageEventsTable {
  id: string;
  user_id: string;
  org_id: string | null;
  provider: string;
  model: string;
  task: string;
  key_scope: string;
  source: string;
  input_tokens: number;
  output_tokens: number;
  ttft_ms: number | null;
  duration_ms: number;
  outcome: string;
  day: string;
  created_at: number;
}

export interface BudgetCountersTable {
  scope: 'user' | 'org';
  owner_id: string;
  period: string;
  used_tokens: number;
  reserved_tokens: number;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  org_id: string | null;
  actor_id: string | null;
  action: string;
  target: string;
  diff: string;
  created_at: number;
  prev_hash: string;
  hash: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  hint: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  orgs: OrgsTable;
  memberships: MembershipsTable;
  org_policies: OrgPoliciesTable;
  org_invites: OrgInvitesTable;
  credentials: CredentialsTable;
  model_cache: ModelCacheTable;
  calibrations: CalibrationsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  usage_events: UsageEventsTable;
  budget_counters: BudgetCountersTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokensTable;
}
