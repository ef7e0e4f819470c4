-- Up Migration

-- Every SECURITY DEFINER function runs with the owner's rights, so each one follows the same three
-- rules (the joint-visit functions of 20261220 did; the library and forum functions of 20261221 did
-- not): a search path that ends in pg_temp (a temporary table or function cannot shadow public's),
-- no EXECUTE for PUBLIC (only the roles granted it explicitly may call it: vigil_app and its copy
-- vigil_joint), and a caller who is a member of the current workspace where the function lists
-- workspaces. Generic, so a function added later and merged earlier is covered too;
-- policy-forms.int.test.ts checks the rules on the migrated database.
DO $$
DECLARE
  f record;
BEGIN
  FOR f IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.prosecdef LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_temp', f.signature);
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f.signature);
  END LOOP;
END $$;

-- The forum directory (every workspace's name and slug) asked only for a tenant setting; like the
-- joint-visit directory it now asks for the caller's membership of that workspace.
CREATE OR REPLACE FUNCTION forum_workspace_directory() RETURNS TABLE (id uuid, slug text, name text, country_code text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.slug, t.name, t.country_code::text FROM tenants t
     WHERE is_current_member() AND t.deletion_requested_at IS NULL
     ORDER BY t.name, t.id
  $$;

-- Down Migration
CREATE OR REPLACE FUNCTION forum_workspace_directory() RETURNS TABLE (id uuid, slug text, name text, country_code text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT t.id, t.slug, t.name, t.country_code::text FROM tenants t
     WHERE current_tenant_id() IS NOT NULL AND t.deletion_requested_at IS NULL
     ORDER BY t.name, t.id
  $$;
GRANT EXECUTE ON FUNCTION is_forum_member(uuid, uuid), is_forum_invitee(uuid, uuid), forum_workspace_directory(), forum_benchmark(uuid, uuid) TO PUBLIC;
