-- Up Migration

-- Joint visits (issue 5 §1, docs/decisions/0100-joint-visits.md): a host workspace invites partner
-- workspaces to one of its visits; the partner's admins accept and nominate members; those members
-- work on that one visit from their OWN workspace (app.tenant_id stays the partner's, no tenant
-- switching). Nothing crosses the boundary without a participation row, and the database checks it:
--  * participation rows belong to the host (visit_partners, visit_partner_members);
--  * a second, permissive policy on each visit-scoped table opens the host's rows of ONE visit, named
--    by app.joint_visit_id, to a nominated member of an accepted, not-ended partner. The setting only
--    narrows (it names which participation to use); the rows decide. Procedures that do not set it
--    (lists, dashboards, exports) never see another workspace's visit, even for a nominated member.

-- A workspace setting: it appears in the directory of workspaces that accept invitations.
ALTER TABLE tenants ADD COLUMN allow_joint_visits boolean NOT NULL DEFAULT false;

CREATE TYPE visit_partner_status AS ENUM ('invited', 'accepted', 'declined', 'ended');

-- One partner workspace invited to one visit of the host (tenant_id).
CREATE TABLE visit_partners (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  visit_id uuid NOT NULL,
  partner_tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  status visit_partner_status NOT NULL DEFAULT 'invited',
  -- Whether the partner's nominated members see the visit's interview records (default: no).
  share_interviews boolean NOT NULL DEFAULT false,
  invited_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  invited_at timestamptz(3) NOT NULL DEFAULT now(),
  responded_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  responded_at timestamptz(3),
  ended_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  ended_at timestamptz(3),
  PRIMARY KEY (tenant_id, visit_id, partner_tenant_id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id),
  CHECK (partner_tenant_id <> tenant_id),
  CHECK ((status = 'ended') = (ended_at IS NOT NULL))
);
CREATE INDEX visit_partners_partner_idx ON visit_partners (partner_tenant_id, visit_id);

-- The partner's members nominated to the visit team, with their visit role. Owned by the host (the
-- visit's tenant), written by the partner's admins.
CREATE TABLE visit_partner_members (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  visit_id uuid NOT NULL,
  partner_tenant_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  visit_role visit_role NOT NULL,
  nominated_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, visit_id, partner_tenant_id, user_id),
  FOREIGN KEY (tenant_id, visit_id, partner_tenant_id) REFERENCES visit_partners (tenant_id, visit_id, partner_tenant_id) ON DELETE CASCADE
);
CREATE INDEX visit_partner_members_partner_idx ON visit_partner_members (partner_tenant_id, user_id);

-- Who may change what in a participation row, whatever the application does: the partner only
-- answers an open invitation; the host re-invites after a decline, ends, or toggles interview sharing.
CREATE FUNCTION guard_visit_partner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tenant_id <> OLD.tenant_id OR NEW.visit_id <> OLD.visit_id OR NEW.partner_tenant_id <> OLD.partner_tenant_id THEN
    RAISE EXCEPTION 'a participation cannot move' USING ERRCODE = 'check_violation';
  END IF;
  IF current_tenant_id() IS NULL THEN
    RETURN NEW; -- the owner's maintenance (the application sees no row without a tenant)
  ELSIF current_tenant_id() = OLD.partner_tenant_id THEN
    IF OLD.status <> 'invited' OR NEW.status NOT IN ('accepted', 'declined')
       OR NEW.share_interviews <> OLD.share_interviews OR NEW.ended_at IS DISTINCT FROM OLD.ended_at
       OR NEW.invited_at <> OLD.invited_at OR NEW.invited_by_id IS DISTINCT FROM OLD.invited_by_id THEN
      RAISE EXCEPTION 'a partner only accepts or declines an open invitation' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF current_tenant_id() = OLD.tenant_id THEN
    IF NOT (NEW.status = OLD.status
            OR (OLD.status IN ('invited', 'accepted') AND NEW.status = 'ended')
            OR (OLD.status = 'declined' AND NEW.status = 'invited'))
       OR (NEW.status <> 'invited' AND (NEW.responded_at IS DISTINCT FROM OLD.responded_at OR NEW.responded_by_id IS DISTINCT FROM OLD.responded_by_id)) THEN
      RAISE EXCEPTION 'the host cannot answer for its partner' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER visit_partner_changes_are_guarded BEFORE UPDATE ON visit_partners
  FOR EACH ROW EXECUTE FUNCTION guard_visit_partner_change();

-- The visit a joint-visit procedure works on (set_config('app.joint_visit_id', ..., true)).
CREATE FUNCTION current_joint_visit_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.joint_visit_id', true), '')::uuid $$;

-- The host of current_joint_visit_id() if the current user is a nominated member of the current
-- tenant, which is an accepted (not declined, not ended) partner of it; NULL otherwise. SECURITY
-- DEFINER so that the policies below can read the participation rows without recursing into them.
CREATE FUNCTION joint_visit_host() RETURNS uuid
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

-- Whether that participation includes the visit's interview records.
CREATE FUNCTION joint_visit_shares_interviews() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce((SELECT p.share_interviews FROM visit_partners p
                      WHERE p.tenant_id = joint_visit_host() AND p.visit_id = current_joint_visit_id()
                        AND p.partner_tenant_id = current_tenant_id()), false)
  $$;

-- Whether a workspace accepts joint-visit invitations (tenants is hidden from other workspaces).
CREATE FUNCTION tenant_allows_joint_visits(target uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT coalesce((SELECT allow_joint_visits AND deletion_requested_at IS NULL FROM tenants WHERE id = target), false) $$;

-- Only for a member of the current tenant (a signed-in user inside a workspace).
CREATE FUNCTION is_current_member() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM memberships WHERE tenant_id = current_tenant_id() AND user_id = current_user_id()) $$;

-- The directory: workspaces that allow joint visits, plus those the current workspace already works
-- with (so a partner's or host's name stays readable). Name, slug and country only.
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

-- What a partner workspace may know about invitations addressed to it before (and while) it takes
-- part: the host, the place, the dates. Ended partnerships are gone from this list.
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

-- An audit row in the OTHER workspace of a participation (host <-> partner), so that invitations,
-- answers, nominations and ends are recorded in both. The caller must be a member of one side;
-- the actor is always the current user and the action is always a jointVisit.* action.
CREATE FUNCTION record_joint_audit(host uuid, visit uuid, partner uuid, action text, details jsonb, ip text)
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

-- Participation rows: the host sees and manages its own; the partner sees those addressed to it and
-- answers them (the trigger limits what each side may change).
ALTER TABLE visit_partners ENABLE ROW LEVEL SECURITY;
ALTER TABLE visit_partners FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visit_partners FOR SELECT USING (tenant_id = current_tenant_id());
CREATE POLICY host_invites ON visit_partners FOR INSERT
  WITH CHECK (tenant_id = current_tenant_id() AND status = 'invited' AND tenant_allows_joint_visits(partner_tenant_id));
CREATE POLICY host_updates ON visit_partners FOR UPDATE
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY partner_reads ON visit_partners FOR SELECT USING (partner_tenant_id = current_tenant_id());
CREATE POLICY partner_answers ON visit_partners FOR UPDATE
  USING (partner_tenant_id = current_tenant_id()) WITH CHECK (partner_tenant_id = current_tenant_id());

-- Nominations: the host reads them; the partner writes them, for its own members, once accepted.
ALTER TABLE visit_partner_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE visit_partner_members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visit_partner_members FOR SELECT USING (tenant_id = current_tenant_id());
CREATE POLICY partner_reads ON visit_partner_members FOR SELECT USING (partner_tenant_id = current_tenant_id());
CREATE POLICY partner_nominates ON visit_partner_members FOR INSERT
  WITH CHECK (
    partner_tenant_id = current_tenant_id()
    AND EXISTS (SELECT 1 FROM visit_partners p
                 WHERE p.tenant_id = visit_partner_members.tenant_id AND p.visit_id = visit_partner_members.visit_id
                   AND p.partner_tenant_id = visit_partner_members.partner_tenant_id AND p.status = 'accepted')
    AND EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = current_tenant_id() AND m.user_id = visit_partner_members.user_id)
  );
CREATE POLICY partner_changes_role ON visit_partner_members FOR UPDATE
  USING (partner_tenant_id = current_tenant_id())
  WITH CHECK (
    partner_tenant_id = current_tenant_id()
    AND EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = current_tenant_id() AND m.user_id = visit_partner_members.user_id)
  );
CREATE POLICY partner_withdraws ON visit_partner_members FOR DELETE USING (partner_tenant_id = current_tenant_id());

-- The second policy on every visit-scoped table: the host's rows of the current joint visit, for a
-- nominated member of an accepted partner. Permissive, so it adds to tenant_isolation.
CREATE POLICY joint_visit_partner ON visits FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host()) AND id = current_joint_visit_id());
CREATE POLICY joint_visit_partner ON visit_team_members FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
-- Partners read, add and edit; they never delete the host's records (no DELETE policy for them).
CREATE POLICY joint_visit_partner ON checklist_answers FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
CREATE POLICY joint_visit_partner_adds ON checklist_answers FOR INSERT
  WITH CHECK (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
CREATE POLICY joint_visit_partner_edits ON checklist_answers FOR UPDATE
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
CREATE POLICY joint_visit_partner ON checklist_answer_revisions FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host())
         AND answer_id IN (SELECT a.id FROM checklist_answers a
                            WHERE a.tenant_id = checklist_answer_revisions.tenant_id AND a.visit_id = current_joint_visit_id()));
CREATE POLICY joint_visit_partner_adds ON checklist_answer_revisions FOR INSERT
  WITH CHECK (tenant_id = (SELECT joint_visit_host())
              AND answer_id IN (SELECT a.id FROM checklist_answers a
                                 WHERE a.tenant_id = checklist_answer_revisions.tenant_id AND a.visit_id = current_joint_visit_id()));
CREATE POLICY joint_visit_partner ON findings FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
CREATE POLICY joint_visit_partner_adds ON findings FOR INSERT
  WITH CHECK (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
CREATE POLICY joint_visit_partner_edits ON findings FOR UPDATE
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
CREATE POLICY joint_visit_partner ON attachments FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
CREATE POLICY joint_visit_partner_adds ON attachments FOR INSERT
  WITH CHECK (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
-- The report draft and its recommendations: read-only for partners.
CREATE POLICY joint_visit_partner ON reports FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
CREATE POLICY joint_visit_partner ON recommendations FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id());
-- What the visit needs to be shown: its place, its template version and that template's name.
CREATE POLICY joint_visit_partner ON places FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host())
         AND id IN (SELECT v.place_id FROM visits v WHERE v.tenant_id = places.tenant_id AND v.id = current_joint_visit_id()));
CREATE POLICY joint_visit_partner ON checklist_template_versions FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host())
         AND id IN (SELECT v.template_version_id FROM visits v WHERE v.tenant_id = checklist_template_versions.tenant_id AND v.id = current_joint_visit_id()));
CREATE POLICY joint_visit_partner ON checklist_templates FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host())
         AND id IN (SELECT tv.template_id FROM checklist_template_versions tv
                      JOIN visits v ON v.tenant_id = tv.tenant_id AND v.template_version_id = tv.id
                     WHERE tv.tenant_id = checklist_templates.tenant_id AND v.id = current_joint_visit_id()));
-- Interviews only when the host shares them; the need-to-know policy below still applies.
CREATE POLICY joint_visit_partner ON interviews FOR SELECT
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id() AND (SELECT joint_visit_shares_interviews()));
-- Need to know, extended: the nominated members of a partner with sharing on are on the visit's team.
DROP POLICY interview_need_to_know ON interviews;
CREATE POLICY interview_need_to_know ON interviews AS RESTRICTIVE
  USING (
    EXISTS (SELECT 1 FROM visit_team_members t
             WHERE t.tenant_id = interviews.tenant_id AND t.visit_id = interviews.visit_id AND t.user_id = current_user_id())
    OR EXISTS (SELECT 1 FROM memberships m
                WHERE m.tenant_id = interviews.tenant_id AND m.user_id = current_user_id() AND m.role IN ('owner', 'admin'))
    OR (interviews.tenant_id = (SELECT joint_visit_host()) AND interviews.visit_id = current_joint_visit_id()
        AND (SELECT joint_visit_shares_interviews()))
  );
-- A partner's work on the visit is audited in the host's log, as the partner's own user, while it
-- works on that visit. Append only, like every audit row.
CREATE POLICY joint_visit_partner ON audit_events FOR INSERT
  WITH CHECK (tenant_id = (SELECT joint_visit_host()) AND actor_id = current_user_id());

GRANT SELECT, INSERT, UPDATE ON visit_partners TO vigil_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON visit_partner_members TO vigil_app;
REVOKE EXECUTE ON FUNCTION joint_visit_host(), joint_visit_shares_interviews(), tenant_allows_joint_visits(uuid), is_current_member(),
  joint_visit_directory(), joint_visit_invitations(), record_joint_audit(uuid, uuid, uuid, text, jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_joint_visit_id(), joint_visit_host(), joint_visit_shares_interviews(), tenant_allows_joint_visits(uuid),
  is_current_member(), joint_visit_directory(), joint_visit_invitations(), record_joint_audit(uuid, uuid, uuid, text, jsonb, text) TO vigil_app;

-- Down Migration
DROP POLICY joint_visit_partner ON audit_events;
DROP POLICY interview_need_to_know ON interviews;
CREATE POLICY interview_need_to_know ON interviews AS RESTRICTIVE
  USING (
    EXISTS (SELECT 1 FROM visit_team_members t
             WHERE t.tenant_id = interviews.tenant_id AND t.visit_id = interviews.visit_id AND t.user_id = current_user_id())
    OR EXISTS (SELECT 1 FROM memberships m
                WHERE m.tenant_id = interviews.tenant_id AND m.user_id = current_user_id() AND m.role IN ('owner', 'admin'))
  );
DROP POLICY joint_visit_partner ON interviews;
DROP POLICY joint_visit_partner ON checklist_templates;
DROP POLICY joint_visit_partner ON checklist_template_versions;
DROP POLICY joint_visit_partner ON places;
DROP POLICY joint_visit_partner ON recommendations;
DROP POLICY joint_visit_partner ON reports;
DROP POLICY joint_visit_partner_adds ON attachments;
DROP POLICY joint_visit_partner ON attachments;
DROP POLICY joint_visit_partner_edits ON findings;
DROP POLICY joint_visit_partner_adds ON findings;
DROP POLICY joint_visit_partner ON findings;
DROP POLICY joint_visit_partner_adds ON checklist_answer_revisions;
DROP POLICY joint_visit_partner ON checklist_answer_revisions;
DROP POLICY joint_visit_partner_edits ON checklist_answers;
DROP POLICY joint_visit_partner_adds ON checklist_answers;
DROP POLICY joint_visit_partner ON checklist_answers;
DROP POLICY joint_visit_partner ON visit_team_members;
DROP POLICY joint_visit_partner ON visits;
DROP FUNCTION record_joint_audit(uuid, uuid, uuid, text, jsonb, text);
DROP FUNCTION joint_visit_invitations();
DROP FUNCTION joint_visit_directory();
DROP FUNCTION joint_visit_shares_interviews();
DROP FUNCTION joint_visit_host();
DROP FUNCTION is_current_member();
DROP FUNCTION tenant_allows_joint_visits(uuid);
DROP FUNCTION current_joint_visit_id();
DROP TABLE visit_partner_members, visit_partners;
DROP FUNCTION guard_visit_partner_change();
DROP TYPE visit_partner_status;
ALTER TABLE tenants DROP COLUMN allow_joint_visits;
