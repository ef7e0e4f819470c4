-- Up Migration

-- Interview sharing turned on is widening however the row gets there (decision 0148): the
-- joint_widening_by_admins trigger on visit_partners fired only BEFORE UPDATE, so a host coordinator
-- or viewer could INSERT an invitation with share_interviews = true and skip the admin rule. It now
-- fires on INSERT too, judging the new row as a change from "nothing shared, nothing accepted".
CREATE OR REPLACE FUNCTION guard_joint_widening() RETURNS trigger
  LANGUAGE plpgsql SECURITY INVOKER SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF TG_TABLE_NAME = 'visit_partners' THEN
      IF ((NEW.share_interviews AND (TG_OP = 'INSERT' OR NOT OLD.share_interviews))
          OR (NEW.status = 'accepted' AND (TG_OP = 'INSERT' OR OLD.status <> 'accepted')))
         AND NOT current_user_is_admin() THEN
        RAISE EXCEPTION 'only admins share interviews or accept a joint visit' USING ERRCODE = 'insufficient_privilege';
      END IF;
    ELSIF NEW.partner_tenant_id = current_tenant_id() AND NOT current_user_is_admin() THEN
      -- visit_partner_members: a row for another workspace is row-level security's to refuse.
      RAISE EXCEPTION 'only admins nominate members to a joint visit' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$;

DROP TRIGGER joint_widening_by_admins ON visit_partners;
CREATE TRIGGER joint_widening_by_admins BEFORE INSERT OR UPDATE ON visit_partners
  FOR EACH ROW EXECUTE FUNCTION guard_joint_widening();

-- Down Migration
DROP TRIGGER joint_widening_by_admins ON visit_partners;
CREATE TRIGGER joint_widening_by_admins BEFORE UPDATE ON visit_partners
  FOR EACH ROW EXECUTE FUNCTION guard_joint_widening();
CREATE OR REPLACE FUNCTION guard_joint_widening() RETURNS trigger
  LANGUAGE plpgsql SECURITY INVOKER SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF TG_TABLE_NAME = 'visit_partners' THEN
      IF ((NEW.share_interviews AND NOT OLD.share_interviews) OR (NEW.status = 'accepted' AND OLD.status <> 'accepted'))
         AND NOT current_user_is_admin() THEN
        RAISE EXCEPTION 'only admins share interviews or accept a joint visit' USING ERRCODE = 'insufficient_privilege';
      END IF;
    ELSIF NEW.partner_tenant_id = current_tenant_id() AND NOT current_user_is_admin() THEN
      RAISE EXCEPTION 'only admins nominate members to a joint visit' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$;
