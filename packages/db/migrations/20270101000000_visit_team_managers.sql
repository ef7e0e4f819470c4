-- Up Migration

-- Who manages a visit's team (docs/decisions/0147-who-manages-a-visit-team.md). A row in
-- visit_team_members IS access: interview_need_to_know lets the visit's team read its interviews.
-- So the database, not only the application, refuses a team change that the person making it may
-- not make:
--  * coordinators, admins and owners of the workspace change any visit's team;
--  * a monitor who is the visit's lead adds, changes and removes its other members, never a lead
--    (naming, changing or removing the lead is for coordinators and above);
--  * the person who plans a visit sets its first team, in the transaction that created the visit
--    (visits.xmin is that transaction) and only as its recorded creator;
--  * nobody else (a monitor who is not the lead, a viewer, an external expert has no account).
-- The rule judges people: it applies to the application's roles with a user set. The owner role
-- (migrations, the privileged handle's purge) and transactions without a user (background jobs,
-- test fixtures) act for nobody and are not asked. SECURITY INVOKER: the look-ups below run under
-- the same row-level security as the change, inside the current tenant.
CREATE FUNCTION may_change_visit_team(tenant uuid, visit uuid, role_on_visit visit_role) RETURNS boolean
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

CREATE FUNCTION guard_visit_team_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY INVOKER SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF current_user NOT IN ('vigil_app', 'vigil_joint') OR current_user_id() IS NULL THEN
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    -- A row for another tenant is row-level security's to refuse (its WITH CHECK runs after this
    -- trigger, and says why); this rule is about people inside the workspace.
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.tenant_id IS DISTINCT FROM current_tenant_id() THEN
      RETURN NEW;
    END IF;
    -- An update is judged as taking the old row away and putting the new one in.
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT may_change_visit_team(OLD.tenant_id, OLD.visit_id, OLD.visit_role) THEN
      RAISE EXCEPTION 'only the visit''s lead or a coordinator may change its team' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT may_change_visit_team(NEW.tenant_id, NEW.visit_id, NEW.visit_role) THEN
      RAISE EXCEPTION 'only the visit''s lead or a coordinator may change its team' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END $$;

CREATE TRIGGER visit_team_managers BEFORE INSERT OR UPDATE OR DELETE ON visit_team_members
  FOR EACH ROW EXECUTE FUNCTION guard_visit_team_change();

-- Down Migration
DROP TRIGGER visit_team_managers ON visit_team_members;
DROP FUNCTION guard_visit_team_change();
DROP FUNCTION may_change_visit_team(uuid, uuid, visit_role);
