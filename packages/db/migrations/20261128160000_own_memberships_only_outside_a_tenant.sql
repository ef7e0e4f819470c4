-- Up Migration

-- The policies that let signed-in users read their own memberships (and the tenants they belong to)
-- exist for the workspace switcher, before a tenant is chosen. Inside a tenant's transaction they
-- must not add the user's memberships of other tenants to that tenant's rows: a person in two
-- workspaces appeared twice in a member list. They now apply only while no tenant is set.
DROP POLICY member_reads_own_memberships ON memberships;
CREATE POLICY member_reads_own_memberships ON memberships FOR SELECT
  USING (current_tenant_id() IS NULL AND user_id = current_user_id());

DROP POLICY member_reads_own_tenants ON tenants;
CREATE POLICY member_reads_own_tenants ON tenants FOR SELECT
  USING (current_tenant_id() IS NULL AND id IN (SELECT m.tenant_id FROM memberships m WHERE m.user_id = current_user_id()));

-- Down Migration
DROP POLICY member_reads_own_memberships ON memberships;
CREATE POLICY member_reads_own_memberships ON memberships FOR SELECT
  USING (user_id = current_user_id());
DROP POLICY member_reads_own_tenants ON tenants;
CREATE POLICY member_reads_own_tenants ON tenants FOR SELECT
  USING (id IN (SELECT m.tenant_id FROM memberships m WHERE m.user_id = current_user_id()));
