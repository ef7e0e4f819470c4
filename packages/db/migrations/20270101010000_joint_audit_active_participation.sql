-- Up Migration

-- record_joint_audit writes into the OTHER workspace's audit log, so it may only write what the
-- caller's side really did, in the state that step leaves the participation in
-- (docs/decisions/0149-joint-audit-only-what-a-side-did.md). Before, any member of either side could
-- write any jointVisit.* event at any time, including a partner whose partnership had ended.
--  * the host's steps: invited (status invited), interviewSharingChanged (invited or accepted),
--    ended (ended, by this user);
--  * the partner's steps: accepted / declined (that status, answered by this user),
--    memberNominated / memberWithdrawn (accepted: an ended, declined or open participation has none);
--  * details carry only the keys these steps use (no forged hostTenantId, actor or free text);
--  * everything else, including every event of a partner whose participation has ended, is refused.
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

-- Down Migration
CREATE OR REPLACE FUNCTION record_joint_audit(host uuid, visit uuid, partner uuid, action text, details jsonb, ip text)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    other uuid;
  BEGIN
    IF NOT is_current_member() OR action NOT LIKE 'jointVisit.%' THEN
      RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM visit_partners p WHERE p.tenant_id = host AND p.visit_id = visit AND p.partner_tenant_id = partner) THEN
      RAISE EXCEPTION 'no such participation' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF current_tenant_id() = host THEN other := partner;
    ELSIF current_tenant_id() = partner THEN other := host;
    ELSE RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_events (tenant_id, actor_id, action, target_type, target_id, details, ip_address)
    VALUES (other, current_user_id(), action, 'visit', visit::text,
            coalesce(details, '{}'::jsonb) || jsonb_build_object('hostTenantId', host, 'partnerTenantId', partner), ip);
  END $$;
