-- Up Migration

-- Row-level security at scale, second pass (docs/decisions/0120-rls-policy-forms-and-tenant-entry.md).

-- 1. Every remaining per-row tenant comparison becomes the InitPlan form of decision 0091
--    (`col = (SELECT current_tenant_id())`): same meaning, evaluated once per query and usable as an
--    index condition. 0091 rewrote the tenant_isolation policies of its time; later migrations
--    (joint visits, the library) added per-row ones again, under any policy name. Generic on purpose:
--    it rewrites every policy whose USING or WITH CHECK is exactly `(<column> = current_tenant_id())`,
--    so it also covers tables merged after this file was written but migrated before it.
DO $$
DECLARE
  policy record;
  per_row constant text := '^\((\w+) = current_tenant_id\(\)\)$';
  once constant text := '(\1 = ( SELECT current_tenant_id() AS current_tenant_id))';
BEGIN
  FOR policy IN
    SELECT tablename, policyname, qual, with_check FROM pg_policies
     WHERE schemaname = 'public' AND (qual ~ per_row OR with_check ~ per_row)
  LOOP
    IF policy.qual ~ per_row THEN
      EXECUTE format('ALTER POLICY %I ON %I USING %s', policy.policyname, policy.tablename, regexp_replace(policy.qual, per_row, once));
    END IF;
    IF policy.with_check ~ per_row THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK %s', policy.policyname, policy.tablename, regexp_replace(policy.with_check, per_row, once));
    END IF;
  END LOOP;
END
$$;

-- 2. The joint-visit policies (20261220) compare visit ids with current_joint_visit_id() per row:
--    the same InitPlan form, wherever the call appears in a policy.
DO $$
DECLARE
  policy record;
  wrapped constant text := '( SELECT current_joint_visit_id() AS current_joint_visit_id)';
  rewritten text;
BEGIN
  FOR policy IN
    SELECT tablename, policyname, qual, with_check FROM pg_policies
     WHERE schemaname = 'public'
       AND (replace(qual, wrapped, '') LIKE '%current_joint_visit_id()%' OR replace(with_check, wrapped, '') LIKE '%current_joint_visit_id()%')
  LOOP
    IF replace(policy.qual, wrapped, '') LIKE '%current_joint_visit_id()%' THEN
      rewritten := replace(replace(replace(policy.qual, wrapped, '@once@'), 'current_joint_visit_id()', wrapped), '@once@', wrapped);
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', policy.policyname, policy.tablename, rewritten);
    END IF;
    IF replace(policy.with_check, wrapped, '') LIKE '%current_joint_visit_id()%' THEN
      rewritten := replace(replace(replace(policy.with_check, wrapped, '@once@'), 'current_joint_visit_id()', wrapped), '@once@', wrapped);
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', policy.policyname, policy.tablename, rewritten);
    END IF;
  END LOOP;
END
$$;

-- 3. joint_visit_host() is evaluated (as an InitPlan) by every query on a visit-scoped table, because
--    the joint_visit_partner policies are OR'ed with tenant_isolation. As a SQL function with SECURITY
--    DEFINER it cannot be inlined and its query was planned again on every call (about 0.35 ms per
--    table reference, measured); PL/pgSQL keeps the plan, and outside a joint visit (the setting is
--    empty: every list, dashboard and export) it answers NULL without any query. Same result.
CREATE OR REPLACE FUNCTION joint_visit_host() RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    visit uuid := current_joint_visit_id();
  BEGIN
    IF visit IS NULL THEN
      RETURN NULL;
    END IF;
    RETURN (
      SELECT p.tenant_id FROM visit_partners p
        JOIN visit_partner_members m
          ON m.tenant_id = p.tenant_id AND m.visit_id = p.visit_id AND m.partner_tenant_id = p.partner_tenant_id
       WHERE p.visit_id = visit AND p.partner_tenant_id = current_tenant_id()
         AND p.status = 'accepted' AND m.user_id = current_user_id()
         AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.tenant_id = p.partner_tenant_id AND ms.user_id = current_user_id())
       LIMIT 1);
  END $$;

CREATE OR REPLACE FUNCTION joint_visit_shares_interviews() RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    host uuid := joint_visit_host();
  BEGIN
    IF host IS NULL THEN
      RETURN false;
    END IF;
    RETURN coalesce((SELECT p.share_interviews FROM visit_partners p
                      WHERE p.tenant_id = host AND p.visit_id = current_joint_visit_id()
                        AND p.partner_tenant_id = current_tenant_id()), false);
  END $$;

-- 4. Entering a workspace in one round trip (tenantProcedure): sets the user, reads the caller's
--    membership of the workspace named by its slug with the workspace's columns the gates need, and
--    only when there is one, narrows the transaction to that tenant. SECURITY INVOKER on purpose:
--    the lookup runs under the same row-level security as before (own memberships, own workspaces,
--    outside any tenant). No SET clause, which would undo the transaction-local settings on return.
--    The application still checks deletion, role and two-factor sign-in before it runs anything.
CREATE FUNCTION enter_workspace(member uuid, workspace_slug text)
  RETURNS TABLE (membership_id uuid, role member_role, tenant_id uuid, slug text, name text, country_code char(2),
                 default_locale text, require_two_factor boolean, deletion_requested_at timestamptz)
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
  BEGIN
    PERFORM set_config('app.tenant_id', '', true), set_config('app.user_id', member::text, true);
    SELECT m.id, m.role, t.id, t.slug, t.name, t.country_code, t.default_locale, t.require_two_factor, t.deletion_requested_at
      INTO membership_id, role, tenant_id, slug, name, country_code, default_locale, require_two_factor, deletion_requested_at
      FROM public.memberships m
      JOIN public.tenants t ON t.id = m.tenant_id
     WHERE m.user_id = member AND t.slug = workspace_slug;
    IF FOUND THEN
      PERFORM set_config('app.tenant_id', tenant_id::text, true);
      RETURN NEXT;
    END IF;
  END $$;
REVOKE EXECUTE ON FUNCTION enter_workspace(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enter_workspace(uuid, text) TO vigil_app;

-- Down Migration
DROP FUNCTION enter_workspace(uuid, text);

CREATE OR REPLACE FUNCTION joint_visit_shares_interviews() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce((SELECT p.share_interviews FROM visit_partners p
                      WHERE p.tenant_id = joint_visit_host() AND p.visit_id = current_joint_visit_id()
                        AND p.partner_tenant_id = current_tenant_id()), false)
  $$;

CREATE OR REPLACE FUNCTION joint_visit_host() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT p.tenant_id FROM visit_partners p
      JOIN visit_partner_members m
        ON m.tenant_id = p.tenant_id AND m.visit_id = p.visit_id AND m.partner_tenant_id = p.partner_tenant_id
     WHERE p.visit_id = current_joint_visit_id() AND p.partner_tenant_id = current_tenant_id()
       AND p.status = 'accepted' AND m.user_id = current_user_id()
       AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.tenant_id = p.partner_tenant_id AND ms.user_id = current_user_id())
     LIMIT 1
  $$;

-- The policy forms are equivalent either way; the joint-visit ones go back to the per-row call (the
-- tenant comparisons stay in the InitPlan form, as 0091 left the older ones).
DO $$
DECLARE
  policy record;
  wrapped constant text := '( SELECT current_joint_visit_id() AS current_joint_visit_id)';
BEGIN
  FOR policy IN
    SELECT tablename, policyname, qual, with_check FROM pg_policies
     WHERE schemaname = 'public' AND (qual LIKE '%' || wrapped || '%' OR with_check LIKE '%' || wrapped || '%')
  LOOP
    IF policy.qual LIKE '%' || wrapped || '%' THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', policy.policyname, policy.tablename, replace(policy.qual, wrapped, 'current_joint_visit_id()'));
    END IF;
    IF policy.with_check LIKE '%' || wrapped || '%' THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', policy.policyname, policy.tablename, replace(policy.with_check, wrapped, 'current_joint_visit_id()'));
    END IF;
  END LOOP;
END
$$;
