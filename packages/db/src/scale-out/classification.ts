/**
 * Where each table goes when Vigil's database is sharded by workspace (Citus; infra/scale-out.md,
 * docs/decisions/0245). A table with a tenant_id column is distributed by it unless listed below;
 * every other table must be named here with its reason, so a new table is a decision, not an
 * accident (distribution.int.test.ts fails on a table that is neither).
 */

/** Replicated to every node: joined with tenant tables, or the target of their foreign keys. */
type ReferencePlacement = { placement: "reference"; reason: string };
/** Kept on the coordinator only (a Citus local table): never joined with a workspace's records. */
type CoordinatorPlacement = { placement: "coordinator"; reason: string };
export type GlobalTablePlacement = ReferencePlacement | CoordinatorPlacement;

export const GLOBAL_TABLES: Record<string, GlobalTablePlacement> = {
  tenants: { placement: "reference", reason: "the workspace directory: every tenant table's foreign key target, read by slug before any workspace is chosen" },
  users: { placement: "reference", reason: "a person belongs to several workspaces; memberships, authorship and audit columns point here" },
  sessions: { placement: "coordinator", reason: "read on every request by session id, joined only with users" },
  user_two_factor: { placement: "coordinator", reason: "a person's own sign-in secret, read by user id at sign-in" },
  recovery_codes: { placement: "coordinator", reason: "a person's own sign-in codes, read by user id at sign-in" },
  pending_sign_ins: { placement: "coordinator", reason: "the step between password and second factor, read by its id" },
  account_tokens: { placement: "coordinator", reason: "e-mail verification and password reset tokens, read by hash" },
  known_devices: { placement: "coordinator", reason: "new-device sign-in notices, read by user id" },
  rate_limit_hits: { placement: "coordinator", reason: "attempt limits shared by every web instance, keyed by subject, not by workspace" },
  stripe_events: { placement: "coordinator", reason: "webhook idempotency: Stripe's event ids, before the workspace is known" },
  platform_audit_events: { placement: "coordinator", reason: "the operator console's own log; each action is also written to the workspace's audit_events" },
  schema_migrations: { placement: "coordinator", reason: "the migration runner's bookkeeping" },
};

/**
 * Tables with a tenant_id that still become reference tables: one row per workspace (tenant_id is
 * the whole primary key), small, and needing a platform-wide unique key a distributed table cannot
 * enforce.
 */
export const TENANT_REFERENCE_TABLES: Record<string, string> = {
  workspace_billing:
    "one row per workspace; stripe_customer_id must stay unique across all workspaces, because Stripe's webhooks name only the customer and a duplicate would bill the wrong workspace",
};

/**
 * Columns that hold another workspace's id, by design: each is a sharing feature. `distributed` says
 * how the link works once workspaces live on different nodes (Citus keeps no foreign key between
 * two distributed tables unless both sides start with the distribution column).
 */
export type CrossTenantLink = { feature: string; reason: string; distributed: string };

const JOINT_AUTHOR: CrossTenantLink = {
  feature: "joint visits",
  reason: "the partner workspace that wrote this row into the host's visit; the row is the host's",
  distributed: "no foreign key; the row lives with the host's tenant_id, so reads stay router queries on the host",
};

export const CROSS_TENANT_COLUMNS: Record<string, CrossTenantLink> = {
  "attachments.author_tenant_id": JOINT_AUTHOR,
  "checklist_answers.author_tenant_id": JOINT_AUTHOR,
  "checklist_answer_revisions.author_tenant_id": JOINT_AUTHOR,
  "findings.author_tenant_id": JOINT_AUTHOR,
  "recommendations.author_tenant_id": JOINT_AUTHOR,
  "visit_partners.partner_tenant_id": {
    feature: "joint visits",
    reason: "the host invites another workspace to one of its visits",
    distributed: "foreign key to tenants (a reference table) kept; a partner's list of invitations is a multi-shard query by partner_tenant_id",
  },
  "visit_partner_members.partner_tenant_id": {
    feature: "joint visits",
    reason: "the partner's people nominated to the host's visit",
    distributed: "its foreign key to visit_partners starts with tenant_id (the host), so it is kept",
  },
  "forum_participants.participant_tenant_id": {
    feature: "forums",
    reason: "a workspace invited to another workspace's forum",
    distributed: "foreign key to tenants (a reference table) kept; a participant's list of forums is a multi-shard query",
  },
  "forum_documents.forum_tenant_id": {
    feature: "forums",
    reason: "a participant shares its document into a forum another workspace hosts; the sharer owns the row",
    distributed: "foreign key to forums dropped; purging the host workspace deletes the documents shared into its forums",
  },
  "library_publications.forum_tenant_id": {
    feature: "methodology library",
    reason: "a template published to one forum, hosted by another workspace",
    distributed: "foreign key to forums dropped; purging the host workspace deletes the publications made to its forums",
  },
  "public_posts.forum_tenant_id": {
    feature: "public site",
    reason: "a public post about a forum the workspace took part in, hosted by another workspace",
    distributed: "foreign key to forums dropped; purging the host workspace clears the link",
  },
  "public_joint_mentions.host_tenant_id": {
    feature: "public site",
    reason: "a partner mentions on its own site a joint visit another workspace hosted (its participation, docs/decisions/0257)",
    distributed: "foreign key to visit_partners dropped; purging the host workspace deletes the mentions of its visits",
  },
  "template_imports.publisher_tenant_id": {
    feature: "methodology library",
    reason: "where an imported template came from: the publisher's workspace",
    distributed: "no foreign key (the import outlives the publication); update checks read library_publications by the publisher's tenant_id",
  },
};
