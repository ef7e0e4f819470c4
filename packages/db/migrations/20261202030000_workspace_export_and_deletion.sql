-- Up Migration

-- A workspace's export: a background job with progress, then a ZIP file on disk (docs/workspace-export-format.md).
CREATE TABLE workspace_exports (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  requested_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  byte_size bigint,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  finished_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX workspace_exports_tenant_id_created_at_idx ON workspace_exports (tenant_id, created_at);
ALTER TABLE workspace_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON workspace_exports USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE ON workspace_exports TO vigil_app;

-- Deletion with a grace period: set when an owner deletes the workspace, cleared by a restore;
-- once it is more than 30 days old, the purge removes the tenant's rows (ON DELETE CASCADE) and files.
ALTER TABLE tenants ADD COLUMN deletion_requested_at timestamptz(3);

-- Down Migration
ALTER TABLE tenants DROP COLUMN deletion_requested_at;
DROP TABLE workspace_exports;
