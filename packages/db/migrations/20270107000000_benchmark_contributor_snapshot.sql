-- Up Migration
-- The forum benchmark is computed over a frozen set of contributors (decision 0156, review finding:
-- differencing across moments). Figures shown before and after one workspace joins or leaves would
-- differ by exactly its figures; so the set only changes in steps that no one can difference:
-- - it is first fixed when at least 3 verified workspaces contribute (nothing is shown before);
-- - newcomers enter only together, once at least 3 contributing workspaces are outside the set;
-- - while any workspace of the set no longer contributes (left, removed, opted out, lost its
--   verification, is being deleted), nothing is shown; a departure from a published set withholds the
--   forum's benchmark for good (benchmark_withheld_at), since any later set would differ by it.
ALTER TABLE forums
  ADD COLUMN benchmark_contributors uuid[] NOT NULL DEFAULT '{}',
  ADD COLUMN benchmark_withheld_at timestamptz(3);

-- Workspaces whose figures may enter the forum's benchmark now. Called only inside the two
-- SECURITY DEFINER functions below (as their owner); not executable by the application, to which it
-- would list any forum's contributors.
CREATE FUNCTION forum_benchmark_candidates(p_forum_tenant_id uuid, p_forum_id uuid) RETURNS uuid[]
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(p.participant_tenant_id ORDER BY p.participant_tenant_id), '{}') FROM forum_participants p
      JOIN tenants t ON t.id = p.participant_tenant_id
     WHERE p.tenant_id = p_forum_tenant_id AND p.forum_id = p_forum_id
       AND p.status = 'accepted' AND p.benchmark_opt_in
       AND t.verified_at IS NOT NULL AND t.deletion_requested_at IS NULL
  $$;
REVOKE EXECUTE ON FUNCTION forum_benchmark_candidates(uuid, uuid) FROM PUBLIC;

-- After any change to a forum's participants: withhold, or move the frozen set forward in a step of >= 3.
CREATE FUNCTION forum_benchmark_snapshot() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    row_tenant uuid := coalesce(NEW.tenant_id, OLD.tenant_id);
    row_forum uuid := coalesce(NEW.forum_id, OLD.forum_id);
    frozen uuid[];
    withheld timestamptz;
    now_contributing uuid[];
  BEGIN
    SELECT f.benchmark_contributors, f.benchmark_withheld_at INTO frozen, withheld FROM forums f
     WHERE f.tenant_id = row_tenant AND f.id = row_forum FOR UPDATE;
    IF NOT FOUND OR withheld IS NOT NULL THEN RETURN NULL; END IF;
    now_contributing := forum_benchmark_candidates(row_tenant, row_forum);
    IF cardinality(frozen) > 0 AND NOT frozen <@ now_contributing THEN
      UPDATE forums SET benchmark_withheld_at = now() WHERE tenant_id = row_tenant AND id = row_forum;
    ELSIF cardinality(frozen) = 0 AND cardinality(now_contributing) >= 3
       OR cardinality(frozen) > 0 AND cardinality(now_contributing) - cardinality(frozen) >= 3 THEN
      UPDATE forums SET benchmark_contributors = now_contributing WHERE tenant_id = row_tenant AND id = row_forum;
    END IF;
    RETURN NULL;
  END $$;
-- A trigger function cannot be called directly; the grant keeps the rule "the application calls every
-- SECURITY DEFINER function" (policy-forms.int.test.ts) true without widening anything.
REVOKE EXECUTE ON FUNCTION forum_benchmark_snapshot() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION forum_benchmark_snapshot() TO vigil_app, vigil_joint;
CREATE TRIGGER forum_benchmark_snapshot AFTER INSERT OR UPDATE OR DELETE ON forum_participants
  FOR EACH ROW EXECUTE FUNCTION forum_benchmark_snapshot();

-- Only the trigger above moves the set or the withholding: an organiser editing its forum cannot
-- choose whose figures are summed (that would be differencing at will) or lift the withholding.
CREATE FUNCTION guard_forum_benchmark_snapshot() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF pg_trigger_depth() > 1 THEN RETURN NEW; END IF;
    IF TG_OP = 'INSERT' AND (cardinality(NEW.benchmark_contributors) > 0 OR NEW.benchmark_withheld_at IS NOT NULL)
       OR TG_OP = 'UPDATE' AND (NEW.benchmark_contributors IS DISTINCT FROM OLD.benchmark_contributors
                                OR NEW.benchmark_withheld_at IS DISTINCT FROM OLD.benchmark_withheld_at) THEN
      RAISE EXCEPTION 'the benchmark''s contributors are set by the database only' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END $$;
CREATE TRIGGER guard_forum_benchmark_snapshot BEFORE INSERT OR UPDATE ON forums
  FOR EACH ROW EXECUTE FUNCTION guard_forum_benchmark_snapshot();

-- Figures only over the frozen set, only while every workspace of it still contributes.
CREATE OR REPLACE FUNCTION forum_benchmark(p_forum_tenant_id uuid, p_forum_id uuid)
  RETURNS TABLE (metric text, place_type place_type, year integer, numerator bigint, denominator bigint, contributors integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH snapshot AS (
      SELECT f.benchmark_contributors AS frozen FROM forums f
       WHERE f.tenant_id = p_forum_tenant_id AND f.id = p_forum_id AND f.benchmark_withheld_at IS NULL
         AND cardinality(f.benchmark_contributors) > 0
         AND f.benchmark_contributors <@ forum_benchmark_candidates(p_forum_tenant_id, p_forum_id)
         AND is_forum_member(p_forum_tenant_id, p_forum_id)
    ),
    contributors AS (SELECT unnest(frozen) AS tenant_id FROM snapshot),
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

-- Down Migration
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
DROP TRIGGER guard_forum_benchmark_snapshot ON forums;
DROP FUNCTION guard_forum_benchmark_snapshot();
DROP TRIGGER forum_benchmark_snapshot ON forum_participants;
DROP FUNCTION forum_benchmark_snapshot();
DROP FUNCTION forum_benchmark_candidates(uuid, uuid);
ALTER TABLE forums DROP COLUMN benchmark_withheld_at, DROP COLUMN benchmark_contributors;
