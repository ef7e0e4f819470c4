-- Up Migration

-- Roles are created by the bootstrap step (src/server/bootstrap.ts), never here: they belong to the
-- whole cluster. This file assumes `vigil_app` exists: the role the application connects as. It owns
-- no table and has no BYPASSRLS, so every policy below applies to it.

-- The tenant and user of the current transaction, set with set_config(..., true) by the
-- tenant-scoped client. NULL when unset, so that a connection without a tenant sees no rows.
CREATE FUNCTION current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION current_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

CREATE TYPE member_role AS ENUM ('owner', 'admin', 'coordinator', 'monitor', 'viewer');

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country_code char(2) NOT NULL,
  default_locale text NOT NULL CHECK (default_locale IN ('en', 'sr-Cyrl', 'sr-Latn', 'uk')),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored lower-case, so the plain unique constraint is unique without regard to case.
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' in email) > 1),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  preferred_locale text CHECK (preferred_locale IN ('en', 'sr-Cyrl', 'sr-Latn', 'uk')),
  password_hash text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role member_role NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, user_id)
);
CREATE INDEX memberships_user_id_idx ON memberships (user_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  secret_hash bytea NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_active_at timestamptz(3) NOT NULL DEFAULT now(),
  user_agent text,
  ip_address text
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE invitations (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email)),
  role member_role NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  invited_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  accepted_at timestamptz(3),
  revoked_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX invitations_tenant_id_created_at_idx ON invitations (tenant_id, created_at);

CREATE TABLE audit_events (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  details jsonb NOT NULL DEFAULT '{}',
  ip_address text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_events_tenant_id_created_at_idx ON audit_events (tenant_id, created_at);

CREATE TABLE rate_limit_hits (
  id bigserial PRIMARY KEY,
  bucket text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX rate_limit_hits_bucket_created_at_idx ON rate_limit_hits (bucket, created_at);

-- Row-level security: the database lock behind the application's.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
  USING (id = current_tenant_id());
-- A signed-in user lists the workspaces they belong to (the workspace switcher).
CREATE POLICY member_reads_own_tenants ON tenants FOR SELECT
  USING (id IN (SELECT m.tenant_id FROM memberships m WHERE m.user_id = current_user_id()));

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON memberships
  USING (tenant_id = current_tenant_id());
CREATE POLICY member_reads_own_memberships ON memberships FOR SELECT
  USING (user_id = current_user_id());

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations
  USING (tenant_id = current_tenant_id());

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_events
  USING (tenant_id = current_tenant_id());

-- What the application may do. The audit log is append-only for it.
GRANT USAGE ON SCHEMA public TO vigil_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, memberships, sessions, invitations TO vigil_app;
GRANT SELECT, INSERT, DELETE ON rate_limit_hits TO vigil_app;
GRANT USAGE ON SEQUENCE rate_limit_hits_id_seq TO vigil_app;
GRANT SELECT, INSERT ON audit_events TO vigil_app;
GRANT EXECUTE ON FUNCTION current_tenant_id(), current_user_id() TO vigil_app;
-- /readyz compares the applied migrations with the files on disk.
GRANT SELECT ON schema_migrations TO vigil_app;

-- Down Migration
DROP TABLE rate_limit_hits, audit_events, invitations, sessions, memberships, users, tenants;
DROP TYPE member_role;
DROP FUNCTION current_user_id();
DROP FUNCTION current_tenant_id();
