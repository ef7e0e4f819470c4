-- Up Migration

-- The joint-visit steps that open a visit's interviews to another workspace, held to the roles the
-- procedures ask for, in the database too (docs/decisions/0148-who-may-widen-access.md):
--  * the host turns interview sharing on: admins and owners of the host;
--  * the partner accepts an invitation, nominates a member or changes a nominee's role: admins and
--    owners of the partner.
-- Before, any member of either workspace could do these with a direct write (the policies check the
-- workspace, not the role). Like the visit-team rule (0147) this judges people: the owner role and
-- transactions without a user are not asked. SECURITY INVOKER: memberships are read under the
-- current tenant's row-level security, so "admin" means admin of the current workspace.
CREATE FUNCTION current_user_is_admin() RETURNS boolean
  LANGUAGE sql STABLE SECURITY INVOKER SET search_path = public, pg_temp
  AS $$
    SELECT current_user NOT IN ('vigil_app', 'vigil_joint') OR current_user_id() IS NULL
        OR EXISTS (SELECT 1 FROM memberships m
                    WHERE m.tenant_id = current_tenant_id() AND m.user_id = current_user_id() AND m.role IN ('owner', 'admin'))
  $$;

CREATE FUNCTION guard_joint_widening() RETURNS trigger
  LANGUAGE plpgsql SECURITY INVOKER SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF TG_TABLE_NAME = 'visit_partners' THEN
      IF ((NEW.share_interviews AND NOT OLD.share_interviews) OR (NEW.status = 'accepted' AND OLD.status <> 'accepted'))
         AND NOT current_user_is_admin() THEN
        RAISE EXCEPTION 'only admins share interviews or accept a joint visit' USING ERRCODE = 'insufficient_privilege';
      END IF;
    ELSIF NEW.partner_tenant_id = current_tenant_id() AND NOT current_user_is_admin() THEN
      -- visit_partner_members: a row for another workspace is row-level security's to refuse.
      RAISE EXCEPTION 'only admins nominate members to a joint visit' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$;

CREATE TRIGGER joint_widening_by_admins BEFORE UPDATE ON visit_partners
  FOR EACH ROW EXECUTE FUNCTION guard_joint_widening();
CREATE TRIGGER joint_widening_by_admins BEFORE INSERT OR UPDATE ON visit_partner_members
  FOR EACH ROW EXECUTE FUNCTION guard_joint_widening();

-- Down Migration
DROP TRIGGER joint_widening_by_admins ON visit_partner_members;
DROP TRIGGER joint_widening_by_admins ON visit_partners;
DROP FUNCTION guard_joint_widening();
DROP FUNCTION current_user_is_admin();
