-- Up Migration

-- record_joint_audit (20270101010000, decision 0149) checked that the step matched the
-- participation's status but not who took it nor what the details said: any member of the partner,
-- a viewer included, could write 'jointVisit.memberNominated' for an arbitrary user and role, and
-- any host member 'interviewSharingChanged' with any value. The procedures behind those steps are
-- for admins and owners (decision 0148), and each is audited after the change is made, so now:
--  * interviewSharingChanged, memberNominated and memberWithdrawn need an admin or owner of the
--    caller's workspace;
--  * interviewSharingChanged carries the participation's stored shareInterviews;
--  * memberNominated names a user who is nominated (with that visitRole, when given);
--  * memberWithdrawn names a user who no longer is.
CREATE OR REPLACE FUNCTION record_joint_audit(host uuid, visit uuid, partner uuid, action text, details jsonb, ip text)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    other uuid;
    p visit_partners%ROWTYPE;
    allowed boolean;
    -- Inside this SECURITY DEFINER function current_user is the owner, so current_user_is_admin()
    -- would always answer yes: the membership is read here, as is_current_member() does.
    is_admin boolean := EXISTS (SELECT 1 FROM memberships m
                                 WHERE m.tenant_id = current_tenant_id() AND m.user_id = current_user_id() AND m.role IN ('owner', 'admin'));
    nominee_on_team boolean := EXISTS (SELECT 1 FROM visit_partner_members n
                                        WHERE n.tenant_id = host AND n.visit_id = visit AND n.partner_tenant_id = partner
                                          AND n.user_id::text = details->>'userId'
                                          AND (NOT details ? 'visitRole' OR n.visit_role::text = details->>'visitRole'));
  BEGIN
    IF NOT is_current_member() THEN
      RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO p FROM visit_partners vp WHERE vp.tenant_id = host AND vp.visit_id = visit AND vp.partner_tenant_id = partner;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no such participation' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF current_tenant_id() = host THEN
      other := partner;
      allowed := (action = 'jointVisit.invited' AND p.status = 'invited')
              OR (action = 'jointVisit.interviewSharingChanged' AND p.status IN ('invited', 'accepted') AND is_admin
                  AND jsonb_typeof(details->'shareInterviews') = 'boolean' AND (details->>'shareInterviews')::boolean = p.share_interviews)
              OR (action = 'jointVisit.ended' AND p.status = 'ended' AND p.ended_by_id = current_user_id());
    ELSIF current_tenant_id() = partner THEN
      other := host;
      allowed := (action = 'jointVisit.accepted' AND p.status = 'accepted' AND p.responded_by_id = current_user_id())
              OR (action = 'jointVisit.declined' AND p.status = 'declined' AND p.responded_by_id = current_user_id())
              OR (action = 'jointVisit.memberNominated' AND p.status = 'accepted' AND is_admin AND details ? 'userId' AND nominee_on_team)
              OR (action = 'jointVisit.memberWithdrawn' AND p.status = 'accepted' AND is_admin AND details ? 'userId'
                  AND NOT details ? 'visitRole' AND NOT nominee_on_team);
    ELSE
      allowed := false;
    END IF;
    IF NOT coalesce(allowed, false)
       OR (details IS NOT NULL AND jsonb_typeof(details) <> 'object')
       OR EXISTS (SELECT 1 FROM jsonb_object_keys(coalesce(details, '{}'::jsonb)) k
                   WHERE k NOT IN ('userId', 'visitRole', 'shareInterviews')) THEN
      RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_events (tenant_id, actor_id, action, target_type, target_id, details, ip_address)
    VALUES (other, current_user_id(), action, 'visit', visit::text,
            coalesce(details, '{}'::jsonb) || jsonb_build_object('hostTenantId', host, 'partnerTenantId', partner), ip);
  END $$;

-- Down Migration
CREATE OR REPLACE FUNCTION record_joint_audit(host uuid, visit uuid, partner uuid, action text, details jsonb, ip text)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    other uuid;
    p visit_partners%ROWTYPE;
    allowed boolean;
  BEGIN
    IF NOT is_current_member() THEN
      RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO p FROM visit_partners vp WHERE vp.tenant_id = host AND vp.visit_id = visit AND vp.partner_tenant_id = partner;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no such participation' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF current_tenant_id() = host THEN
      other := partner;
      allowed := (action = 'jointVisit.invited' AND p.status = 'invited')
              OR (action = 'jointVisit.interviewSharingChanged' AND p.status IN ('invited', 'accepted'))
              OR (action = 'jointVisit.ended' AND p.status = 'ended' AND p.ended_by_id = current_user_id());
    ELSIF current_tenant_id() = partner THEN
      other := host;
      allowed := (action = 'jointVisit.accepted' AND p.status = 'accepted' AND p.responded_by_id = current_user_id())
              OR (action = 'jointVisit.declined' AND p.status = 'declined' AND p.responded_by_id = current_user_id())
              OR (action IN ('jointVisit.memberNominated', 'jointVisit.memberWithdrawn') AND p.status = 'accepted');
    ELSE
      allowed := false;
    END IF;
    IF NOT coalesce(allowed, false)
       OR (details IS NOT NULL AND jsonb_typeof(details) <> 'object')
       OR EXISTS (SELECT 1 FROM jsonb_object_keys(coalesce(details, '{}'::jsonb)) k
                   WHERE k NOT IN ('userId', 'visitRole', 'shareInterviews')) THEN
      RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_events (tenant_id, actor_id, action, target_type, target_id, details, ip_address)
    VALUES (other, current_user_id(), action, 'visit', visit::text,
            coalesce(details, '{}'::jsonb) || jsonb_build_object('hostTenantId', host, 'partnerTenantId', partner), ip);
  END $$;
