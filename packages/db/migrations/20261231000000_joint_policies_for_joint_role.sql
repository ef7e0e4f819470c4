-- Up Migration

-- Joint-visit policies for a dedicated role (docs/decisions/0121-joint-role.md).
-- Bootstrap creates vigil_joint (NOLOGIN) and grants it to vigil_app WITHOUT inheritance (vigil_app
-- is NOINHERIT). Joint-visit procedures SET LOCAL ROLE vigil_joint after setting app.joint_visit_id;
-- every other query of vigil_app sees only tenant_isolation again, instead of it OR'ed with a
-- joint_visit_partner* policy (which cost row estimates, ordered and index-only scans).

-- 1. vigil_joint gets exactly the privileges vigil_app has: schema, tables, columns, sequences,
--    functions. A copy, not a membership (vigil_app is already a member of vigil_joint, and
--    memberships may not be circular). Later migrations that grant vigil_app something a joint
--    procedure needs grant it to vigil_joint too; joint-role.int.test.ts compares the two.
GRANT USAGE ON SCHEMA public TO vigil_joint;
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT c.oid::regclass::text AS object, c.relkind, a.privilege_type
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL aclexplode(c.relacl) a
     WHERE a.grantee = 'vigil_app'::regrole
  LOOP
    EXECUTE format('GRANT %s ON %s %s TO vigil_joint', g.privilege_type,
                   CASE WHEN g.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, g.object);
  END LOOP;
  FOR g IN
    SELECT c.oid::regclass::text AS object, at.attname, a.privilege_type
      FROM pg_attribute at
      JOIN pg_class c ON c.oid = at.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL aclexplode(at.attacl) a
     WHERE a.grantee = 'vigil_app'::regrole AND NOT at.attisdropped
  LOOP
    EXECUTE format('GRANT %s (%I) ON TABLE %s TO vigil_joint', g.privilege_type, g.attname, g.object);
  END LOOP;
  FOR g IN
    SELECT p.oid::regprocedure::text AS object, a.privilege_type
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL aclexplode(p.proacl) a
     WHERE a.grantee = 'vigil_app'::regrole
  LOOP
    EXECUTE format('GRANT %s ON FUNCTION %s TO vigil_joint', g.privilege_type, g.object);
  END LOOP;
END
$$;

-- 2. The need-to-know exception for partners moves into its own restrictive policy for vigil_joint;
--    vigil_app keeps need to know without the joint arm. Same result for both roles as before.
ALTER POLICY interview_need_to_know ON interviews RENAME TO joint_visit_partner_need_to_know;
CREATE POLICY interview_need_to_know ON interviews AS RESTRICTIVE TO vigil_app
  USING (
    EXISTS (SELECT 1 FROM visit_team_members t
             WHERE t.tenant_id = interviews.tenant_id AND t.visit_id = interviews.visit_id AND t.user_id = current_user_id())
    OR EXISTS (SELECT 1 FROM memberships m
                WHERE m.tenant_id = interviews.tenant_id AND m.user_id = current_user_id() AND m.role IN ('owner', 'admin'))
  );

-- 3. Every joint_visit_partner* policy (any table, expressions untouched) applies to vigil_joint only.
DO $$
DECLARE
  p record;
BEGIN
  FOR p IN SELECT schemaname, tablename, policyname FROM pg_policies
            WHERE schemaname = 'public' AND policyname LIKE 'joint\_visit\_partner%'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I.%I TO vigil_joint', p.policyname, p.schemaname, p.tablename);
  END LOOP;
END
$$;

-- Down Migration
DO $$
DECLARE
  p record;
BEGIN
  FOR p IN SELECT schemaname, tablename, policyname FROM pg_policies
            WHERE schemaname = 'public' AND policyname LIKE 'joint\_visit\_partner%'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I.%I TO PUBLIC', p.policyname, p.schemaname, p.tablename);
  END LOOP;
END
$$;
DROP POLICY interview_need_to_know ON interviews;
ALTER POLICY joint_visit_partner_need_to_know ON interviews RENAME TO interview_need_to_know;
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT c.oid::regclass::text AS object, CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE c.relkind IN ('r', 'p', 'v', 'S')
  LOOP
    EXECUTE format('REVOKE ALL ON %s %s FROM vigil_joint', r.kind, r.object);
  END LOOP;
END
$$;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM vigil_joint;
REVOKE USAGE ON SCHEMA public FROM vigil_joint;
