-- Up Migration

-- Verified workspaces (docs/decisions/0155-verified-workspaces.md) and the benchmark's anonymity rule
-- (docs/decisions/0156-benchmark-anonymity.md). A platform operator marks a workspace as the verified
-- NPM of its country (`pnpm platform:verify <slug>`); every list of other workspaces shows the mark,
-- and only verified workspaces' figures enter a forum benchmark.
ALTER TABLE tenants
  ADD COLUMN verified_at timestamptz(3),
  ADD COLUMN verification_note text CHECK (char_length(verification_note) <= 500);

-- Only the platform operator (the owner role, which runs the command) sets or clears the mark: the
-- application role may update its own tenant row (name, settings), never this.
CREATE FUNCTION guard_tenant_verification() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
BEGIN
  IF pg_has_role(current_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.tenants'::regclass), 'USAGE') THEN
    RETURN NEW;
  END IF;
  IF (TG_OP = 'INSERT' AND (NEW.verified_at IS NOT NULL OR NEW.verification_note IS NOT NULL))
     OR (TG_OP = 'UPDATE' AND (NEW.verified_at IS DISTINCT FROM OLD.verified_at OR NEW.verification_note IS DISTINCT FROM OLD.verification_note)) THEN
    RAISE EXCEPTION 'only the platform operator verifies a workspace' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER guard_tenant_verification BEFORE INSERT OR UPDATE ON tenants
  FOR EACH ROW EXECUTE FUNCTION guard_tenant_verification();

-- The directories gain the mark; verified workspaces first, then by name.
DROP FUNCTION forum_workspace_directory();
CREATE FUNCTION forum_workspace_directory() RETURNS TABLE (id uuid, slug text, name text, country_code text, verified_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.slug, t.name, t.country_code::text, t.verified_at FROM tenants t
     WHERE is_current_member() AND t.deletion_requested_at IS NULL
     ORDER BY t.verified_at IS NULL, t.name, t.slug, t.id
  $$;

DROP FUNCTION joint_visit_directory();
CREATE FUNCTION joint_visit_directory()
  RETURNS TABLE (id uuid, slug text, name text, country_code char(2), allows_joint_visits boolean, verified_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.slug, t.name, t.country_code, t.allow_joint_visits AND t.deletion_requested_at IS NULL, t.verified_at
      FROM tenants t
     WHERE is_current_member() AND t.id <> current_tenant_id()
       AND ((t.allow_joint_visits AND t.deletion_requested_at IS NULL)
            OR t.id IN (SELECT p.partner_tenant_id FROM visit_partners p WHERE p.tenant_id = current_tenant_id())
            OR t.id IN (SELECT p.tenant_id FROM visit_partners p WHERE p.partner_tenant_id = current_tenant_id()))
     ORDER BY t.verified_at IS NULL, t.name, t.slug, t.id
  $$;

-- The benchmark (decision 0156, superseding 0111): only accepted, opted-in, VERIFIED workspaces'
-- figures enter it at all, and a figure leaves the database only when at least 3 such workspaces
-- OTHER than the viewing workspace contribute to it. Workspaces an organiser registers itself are
-- unverified and add nothing; its own figures, which it knows and could subtract, never count
-- toward the minimum it sees.
CREATE OR REPLACE FUNCTION forum_benchmark(p_forum_tenant_id uuid, p_forum_id uuid)
  RETURNS TABLE (metric text, place_type place_type, year integer, numerator bigint, denominator bigint, contributors integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH contributors AS (
      SELECT p.participant_tenant_id AS tenant_id FROM forum_participants p
        JOIN tenants t ON t.id = p.participant_tenant_id
       WHERE p.tenant_id = p_forum_tenant_id AND p.forum_id = p_forum_id
         AND p.status = 'accepted' AND p.benchmark_opt_in
         AND t.verified_at IS NOT NULL AND t.deletion_requested_at IS NULL
         AND is_forum_member(p_forum_tenant_id, p_forum_id)
    ),
    figures AS (
      -- Of the recommendations in sent reports, how many were implemented, by place type.
      SELECT 'implementation_rate'::text AS metric, pl.type AS place_type, NULL::integer AS year,
             count(*) FILTER (WHERE r.status = 'implemented') AS numerator, count(*) AS denominator,
             count(DISTINCT r.tenant_id)::integer AS contributors,
             count(DISTINCT r.tenant_id) FILTER (WHERE r.tenant_id <> current_tenant_id())::integer AS others
        FROM recommendations r
        JOIN contributors c ON c.tenant_id = r.tenant_id
        JOIN places pl ON pl.tenant_id = r.tenant_id AND pl.id = r.place_id
        JOIN reports rp ON rp.tenant_id = r.tenant_id AND rp.id = r.report_id AND rp.status = 'sent'
       GROUP BY pl.type
      UNION ALL
      -- Visits carried out (not planned or cancelled), by place type and year.
      SELECT 'visits', pl.type, extract(year FROM v.planned_start)::integer,
             count(*), NULL::bigint, count(DISTINCT v.tenant_id)::integer,
             count(DISTINCT v.tenant_id) FILTER (WHERE v.tenant_id <> current_tenant_id())::integer
        FROM visits v
        JOIN contributors c ON c.tenant_id = v.tenant_id
        JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
       WHERE v.status NOT IN ('planned', 'cancelled')
       GROUP BY pl.type, extract(year FROM v.planned_start)
    )
    SELECT metric, place_type, year, numerator, denominator, contributors FROM figures
     WHERE others >= 3 ORDER BY metric, place_type, year
  $$;

-- New functions are executable by PUBLIC until revoked (decision in 20261231010000); the two
-- recreated directories are granted again to the application role and its joint-visit copy.
REVOKE EXECUTE ON FUNCTION forum_workspace_directory(), joint_visit_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION forum_workspace_directory(), joint_visit_directory() TO vigil_app, vigil_joint;

-- Down Migration
CREATE OR REPLACE FUNCTION forum_benchmark(p_forum_tenant_id uuid, p_forum_id uuid)
  RETURNS TABLE (metric text, place_type place_type, year integer, numerator bigint, denominator bigint, contributors integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH contributors AS (
      SELECT p.participant_tenant_id AS tenant_id FROM forum_participants p
       WHERE p.tenant_id = p_forum_tenant_id AND p.forum_id = p_forum_id
         AND p.status = 'accepted' AND p.benchmark_opt_in
         AND is_forum_member(p_forum_tenant_id, p_forum_id)
    ),
    figures AS (
      SELECT 'implementation_rate'::text AS metric, pl.type AS place_type, NULL::integer AS year,
             count(*) FILTER (WHERE r.status = 'implemented') AS numerator, count(*) AS denominator,
             count(DISTINCT r.tenant_id)::integer AS contributors
        FROM recommendations r
        JOIN contributors c ON c.tenant_id = r.tenant_id
        JOIN places pl ON pl.tenant_id = r.tenant_id AND pl.id = r.place_id
        JOIN reports rp ON rp.tenant_id = r.tenant_id AND rp.id = r.report_id AND rp.status = 'sent'
       GROUP BY pl.type
      UNION ALL
      SELECT 'visits', pl.type, extract(year FROM v.planned_start)::integer,
             count(*), NULL::bigint, count(DISTINCT v.tenant_id)::integer
        FROM visits v
        JOIN contributors c ON c.tenant_id = v.tenant_id
        JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
       WHERE v.status NOT IN ('planned', 'cancelled')
       GROUP BY pl.type, extract(year FROM v.planned_start)
    )
    SELECT * FROM figures WHERE contributors >= 3 ORDER BY metric, place_type, year
  $$;
DROP FUNCTION joint_visit_directory();
CREATE FUNCTION joint_visit_directory()
  RETURNS TABLE (id uuid, slug text, name text, country_code char(2), allows_joint_visits boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.slug, t.name, t.country_code, t.allow_joint_visits AND t.deletion_requested_at IS NULL
      FROM tenants t
     WHERE is_current_member() AND t.id <> current_tenant_id()
       AND ((t.allow_joint_visits AND t.deletion_requested_at IS NULL)
            OR t.id IN (SELECT p.partner_tenant_id FROM visit_partners p WHERE p.tenant_id = current_tenant_id())
            OR t.id IN (SELECT p.tenant_id FROM visit_partners p WHERE p.partner_tenant_id = current_tenant_id()))
     ORDER BY t.name, t.id
  $$;
DROP FUNCTION forum_workspace_directory();
CREATE FUNCTION forum_workspace_directory() RETURNS TABLE (id uuid, slug text, name text, country_code text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.slug, t.name, t.country_code::text FROM tenants t
     WHERE is_current_member() AND t.deletion_requested_at IS NULL
     ORDER BY t.name, t.id
  $$;
REVOKE EXECUTE ON FUNCTION forum_workspace_directory(), joint_visit_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION forum_workspace_directory(), joint_visit_directory() TO vigil_app, vigil_joint;
DROP TRIGGER guard_tenant_verification ON tenants;
DROP FUNCTION guard_tenant_verification();
ALTER TABLE tenants DROP COLUMN verification_note, DROP COLUMN verified_at;
