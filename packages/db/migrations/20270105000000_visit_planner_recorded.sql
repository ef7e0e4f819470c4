-- Up Migration

-- The planner branch of may_change_visit_team (20270101000000, decision 0147) lets the person who
-- created a visit set its first team, in the transaction that created it. It judged that by
-- visits.created_by_id and visits.xmin, and the application's role can write both: a monitor not
-- on the team set created_by_id to themselves (any UPDATE also makes xmin the current transaction)
-- and then added themselves as the lead, which opens the visit's interviews. Now:
--  * created_by_id never changes once set: only the foreign key's ON DELETE SET NULL (an account
--    deleted) may clear it;
--  * the creating transaction is recorded when the visit is inserted, in a table the application's
--    roles cannot reach (schema vigil_private: no USAGE for them), written only by a SECURITY
--    DEFINER trigger, and read only through visit_planned_now_by_me(), which also asks that the
--    (now fixed) visits.created_by_id is the current user.
-- The table has no foreign key to visits on purpose: the backup restore empties public's tables with
-- TRUNCATE, which a foreign key from outside public would refuse. A visit's row stays when the visit
-- is deleted; it holds no person (only workspace, visit and transaction ids) and only ever matters
-- inside the transaction it names. It has no row-level security: no application role can reach its
-- schema at all, so there is nothing for a policy to separate (row-level-security.int.test.ts
-- covers the tables of public, which the application reads).
CREATE FUNCTION keep_visit_creator() RETURNS trigger
  LANGUAGE plpgsql SECURITY INVOKER SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF NEW.created_by_id IS DISTINCT FROM OLD.created_by_id AND NEW.created_by_id IS NOT NULL THEN
      RAISE EXCEPTION 'a visit''s creator does not change' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$;

CREATE TRIGGER visit_creator_kept BEFORE UPDATE OF created_by_id ON visits
  FOR EACH ROW EXECUTE FUNCTION keep_visit_creator();

CREATE SCHEMA vigil_private;
REVOKE ALL ON SCHEMA vigil_private FROM PUBLIC;

CREATE TABLE vigil_private.visit_creations (
  tenant_id uuid NOT NULL,
  visit_id uuid NOT NULL,
  xact xid8 NOT NULL,
  PRIMARY KEY (tenant_id, visit_id)
);

CREATE FUNCTION record_visit_creation() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    INSERT INTO vigil_private.visit_creations (tenant_id, visit_id, xact)
    VALUES (NEW.tenant_id, NEW.id, pg_current_xact_id())
    ON CONFLICT (tenant_id, visit_id) DO UPDATE SET xact = EXCLUDED.xact;
    RETURN NULL;
  END $$;
REVOKE EXECUTE ON FUNCTION record_visit_creation() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_visit_creation() TO vigil_app, vigil_joint;

CREATE TRIGGER visit_creation_recorded AFTER INSERT ON visits
  FOR EACH ROW EXECUTE FUNCTION record_visit_creation();

-- True only for the user who created `visit` of workspace `tenant`, inside the transaction that created it.
CREATE FUNCTION visit_planned_now_by_me(tenant uuid, visit uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT current_user_id() IS NOT NULL AND EXISTS (
      SELECT 1 FROM vigil_private.visit_creations c JOIN visits v ON v.tenant_id = c.tenant_id AND v.id = c.visit_id
       WHERE c.tenant_id = tenant AND c.visit_id = visit AND c.xact = pg_current_xact_id()
         AND v.created_by_id = current_user_id())
  $$;
REVOKE EXECUTE ON FUNCTION visit_planned_now_by_me(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION visit_planned_now_by_me(uuid, uuid) TO vigil_app, vigil_joint;

CREATE OR REPLACE FUNCTION may_change_visit_team(tenant uuid, visit uuid, role_on_visit visit_role) RETURNS boolean
  LANGUAGE sql STABLE SECURITY INVOKER SET search_path = public, pg_temp
  AS $$
    SELECT EXISTS (SELECT 1 FROM memberships m
                    WHERE m.tenant_id = tenant AND m.user_id = current_user_id() AND m.role IN ('owner', 'admin', 'coordinator'))
        OR (EXISTS (SELECT 1 FROM memberships m
                     WHERE m.tenant_id = tenant AND m.user_id = current_user_id() AND m.role = 'monitor')
            AND (
              (role_on_visit <> 'lead'
               AND EXISTS (SELECT 1 FROM visit_team_members t
                            WHERE t.tenant_id = tenant AND t.visit_id = visit AND t.user_id = current_user_id() AND t.visit_role = 'lead'))
              OR (EXISTS (SELECT 1 FROM visits v WHERE v.tenant_id = tenant AND v.id = visit)
                  AND visit_planned_now_by_me(tenant, visit))
            ))
  $$;

-- Down Migration
CREATE OR REPLACE FUNCTION may_change_visit_team(tenant uuid, visit uuid, role_on_visit visit_role) RETURNS boolean
  LANGUAGE sql STABLE SECURITY INVOKER SET search_path = public, pg_temp
  AS $$
    SELECT EXISTS (SELECT 1 FROM memberships m
                    WHERE m.tenant_id = tenant AND m.user_id = current_user_id() AND m.role IN ('owner', 'admin', 'coordinator'))
        OR (EXISTS (SELECT 1 FROM memberships m
                     WHERE m.tenant_id = tenant AND m.user_id = current_user_id() AND m.role = 'monitor')
            AND (
              (role_on_visit <> 'lead'
               AND EXISTS (SELECT 1 FROM visit_team_members t
                            WHERE t.tenant_id = tenant AND t.visit_id = visit AND t.user_id = current_user_id() AND t.visit_role = 'lead'))
              OR EXISTS (SELECT 1 FROM visits v
                          WHERE v.tenant_id = tenant AND v.id = visit AND v.created_by_id = current_user_id()
                            AND v.xmin = pg_current_xact_id()::xid)
            ))
  $$;
DROP FUNCTION visit_planned_now_by_me(uuid, uuid);
DROP TRIGGER visit_creation_recorded ON visits;
DROP FUNCTION record_visit_creation();
DROP TABLE vigil_private.visit_creations;
DROP SCHEMA vigil_private;
DROP TRIGGER visit_creator_kept ON visits;
DROP FUNCTION keep_visit_creator();
