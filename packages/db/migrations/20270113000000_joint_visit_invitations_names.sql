-- Up Migration
-- A partner reads the host's place in its own language when the host gave the name in it (issue 16,
-- section 5): the invitations list also returns the place's name_translations. A function's result
-- columns cannot change in place, so it is dropped and created again, with the same grants.
DROP FUNCTION joint_visit_invitations();
CREATE FUNCTION joint_visit_invitations()
  RETURNS TABLE (host_tenant_id uuid, host_name text, host_slug text, host_country_code char(2), visit_id uuid,
                 place_name text, place_name_translations jsonb, place_type place_type, planned_start date, planned_end date,
                 visit_status visit_status, status visit_partner_status, share_interviews boolean, invited_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT p.tenant_id, t.name, t.slug, t.country_code, p.visit_id, pl.name, pl.name_translations, pl.type, v.planned_start, v.planned_end,
           v.status, p.status, p.share_interviews, p.invited_at
      FROM visit_partners p
      JOIN tenants t ON t.id = p.tenant_id
      JOIN visits v ON v.tenant_id = p.tenant_id AND v.id = p.visit_id
      JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
     WHERE is_current_member() AND p.partner_tenant_id = current_tenant_id() AND p.status <> 'ended'
     ORDER BY v.planned_start DESC, p.visit_id
  $$;
REVOKE EXECUTE ON FUNCTION joint_visit_invitations() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION joint_visit_invitations() TO vigil_app, vigil_joint;

-- Down Migration
DROP FUNCTION joint_visit_invitations();
CREATE FUNCTION joint_visit_invitations()
  RETURNS TABLE (host_tenant_id uuid, host_name text, host_slug text, host_country_code char(2), visit_id uuid,
                 place_name text, place_type place_type, planned_start date, planned_end date, visit_status visit_status,
                 status visit_partner_status, share_interviews boolean, invited_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT p.tenant_id, t.name, t.slug, t.country_code, p.visit_id, pl.name, pl.type, v.planned_start, v.planned_end, v.status,
           p.status, p.share_interviews, p.invited_at
      FROM visit_partners p
      JOIN tenants t ON t.id = p.tenant_id
      JOIN visits v ON v.tenant_id = p.tenant_id AND v.id = p.visit_id
      JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
     WHERE is_current_member() AND p.partner_tenant_id = current_tenant_id() AND p.status <> 'ended'
     ORDER BY v.planned_start DESC, p.visit_id
  $$;
REVOKE EXECUTE ON FUNCTION joint_visit_invitations() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION joint_visit_invitations() TO vigil_app, vigil_joint;
