-- Up Migration

-- Row-level security at scale (issue 4 §5, docs/decisions/0091-tenant-check-evaluated-once.md).
-- `tenant_id = current_tenant_id()` is re-evaluated on every row a sequential scan reads (the
-- function reads a setting and parses a uuid each time): counting 100,000 rows took about seven
-- times as long as with a constant. Wrapped in a scalar subquery, PostgreSQL evaluates it once per
-- query (an InitPlan) and still uses it as an index condition. Same meaning, same policies.
DO $$
DECLARE
  policy record;
BEGIN
  FOR policy IN
    SELECT tablename, qual, with_check FROM pg_policies
     WHERE schemaname = 'public' AND policyname = 'tenant_isolation'
       AND qual IN ('(tenant_id = current_tenant_id())', '(id = current_tenant_id())')
  LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %I USING (%s)', policy.tablename,
      replace(policy.qual, 'current_tenant_id()', '( SELECT current_tenant_id())'));
    IF policy.with_check IS NOT NULL THEN
      EXECUTE format('ALTER POLICY tenant_isolation ON %I WITH CHECK (%s)', policy.tablename,
        replace(policy.with_check, 'current_tenant_id()', '( SELECT current_tenant_id())'));
    END IF;
  END LOOP;
END
$$;

-- Down Migration
DO $$
DECLARE
  policy record;
BEGIN
  FOR policy IN
    SELECT tablename, qual, with_check FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation'
  LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %I USING (%s)', policy.tablename,
      replace(policy.qual, '( SELECT current_tenant_id() AS current_tenant_id)', 'current_tenant_id()'));
    IF policy.with_check IS NOT NULL THEN
      EXECUTE format('ALTER POLICY tenant_isolation ON %I WITH CHECK (%s)', policy.tablename,
        replace(policy.with_check, '( SELECT current_tenant_id() AS current_tenant_id)', 'current_tenant_id()'));
    END IF;
  END LOOP;
END
$$;
