-- Up Migration

-- The operator console (issue 19 section 3; docs/decisions/0231-operator-console.md). Operators are
-- users marked by `pnpm platform:operator add <email>`; they get no tenant scope, so row-level
-- security shows them no workspace's records. What they change lives in platform-owned columns that
-- only the owner role (the privileged handle the console's service uses) may write.
ALTER TABLE users ADD COLUMN platform_operator_since timestamptz(3);

ALTER TABLE tenants
  ADD COLUMN suspended_at timestamptz(3),
  ADD COLUMN suspension_reason text CHECK (char_length(suspension_reason) BETWEEN 1 AND 500),
  ADD COLUMN plan_override text CHECK (plan_override ~ '^[a-z][a-z0-9-]{0,39}$'),
  ADD CONSTRAINT tenants_suspension_has_reason CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL));

-- Like the verification mark (20270103000000): the application role may update its own tenant row
-- and its own user row, never these columns.
CREATE FUNCTION guard_platform_columns() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
BEGIN
  IF pg_has_role(current_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'USAGE') THEN
    RETURN NEW;
  END IF;
  -- Nested, not AND-ed: PL/pgSQL would resolve NEW.suspended_at on a users row and fail.
  IF TG_TABLE_NAME = 'tenants' THEN
    IF (TG_OP = 'INSERT' AND (NEW.suspended_at IS NOT NULL OR NEW.suspension_reason IS NOT NULL OR NEW.plan_override IS NOT NULL))
       OR (TG_OP = 'UPDATE' AND (NEW.suspended_at IS DISTINCT FROM OLD.suspended_at OR NEW.suspension_reason IS DISTINCT FROM OLD.suspension_reason
                                 OR NEW.plan_override IS DISTINCT FROM OLD.plan_override)) THEN
      RAISE EXCEPTION 'only a platform operator suspends a workspace or overrides its plan' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF (TG_OP = 'INSERT' AND NEW.platform_operator_since IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND NEW.platform_operator_since IS DISTINCT FROM OLD.platform_operator_since) THEN
    RAISE EXCEPTION 'only the platform:operator command makes an operator' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER guard_platform_columns BEFORE INSERT OR UPDATE ON tenants
  FOR EACH ROW EXECUTE FUNCTION guard_platform_columns();
CREATE TRIGGER guard_platform_columns BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION guard_platform_columns();

-- The platform audit log: every operator action, whichever workspace it touched. Global (an action
-- may outlive the workspace it named: no foreign key to tenants, and `workspace_id`, not tenant_id,
-- since no workspace owns the row) and reached only through the
-- privileged handle: no grant to vigil_app, like stripe_events. The same action is also written to
-- the workspace's own audit log, so the NPM sees what the operator did.
CREATE TABLE platform_audit_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operator_id uuid REFERENCES users (id) ON DELETE SET NULL,
  operator_email text NOT NULL,
  action text NOT NULL,
  workspace_id uuid,
  workspace_slug text,
  details jsonb NOT NULL DEFAULT '{}',
  ip_address text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX platform_audit_events_created_at_idx ON platform_audit_events (created_at, id);
CREATE INDEX platform_audit_events_workspace_idx ON platform_audit_events (workspace_id, created_at);

-- Down Migration
DROP TABLE platform_audit_events;
DROP TRIGGER guard_platform_columns ON users;
DROP TRIGGER guard_platform_columns ON tenants;
DROP FUNCTION guard_platform_columns();
ALTER TABLE tenants DROP CONSTRAINT tenants_suspension_has_reason, DROP COLUMN plan_override, DROP COLUMN suspension_reason, DROP COLUMN suspended_at;
ALTER TABLE users DROP COLUMN platform_operator_since;
