-- Up Migration

-- Joint visits, the report draft (issue 5 §1, docs/decisions/0107-joint-report-draft.md): a partner's
-- nominated member adds recommendations to the host's DRAFT report of the joint visit and edits
-- them; the summary, the addressees, deleting, reordering and sending stay with the host. The
-- policies follow the others of the joint visit (0100): the host's rows of the current joint visit,
-- for a nominated member of an accepted partner, and only while the report is a draft.
CREATE FUNCTION joint_visit_draft_report(report uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT EXISTS (SELECT 1 FROM reports r
                    WHERE r.id = report AND r.tenant_id = joint_visit_host() AND r.visit_id = current_joint_visit_id() AND r.status = 'draft')
  $$;
REVOKE EXECUTE ON FUNCTION joint_visit_draft_report(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION joint_visit_draft_report(uuid) TO vigil_app;

-- The draft's row lock (numbers are handed out under it) needs an UPDATE policy; it stays a draft.
CREATE POLICY joint_visit_partner_locks ON reports FOR UPDATE
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id() AND status = 'draft')
  WITH CHECK (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id() AND status = 'draft');
CREATE POLICY joint_visit_partner_adds ON recommendations FOR INSERT
  WITH CHECK (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id() AND joint_visit_draft_report(report_id));
CREATE POLICY joint_visit_partner_edits ON recommendations FOR UPDATE
  USING (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id() AND joint_visit_draft_report(report_id))
  WITH CHECK (tenant_id = (SELECT joint_visit_host()) AND visit_id = current_joint_visit_id() AND joint_visit_draft_report(report_id));

-- A partner's recommendation records its workspace, like its answers, findings and evidence (0105).
ALTER TABLE recommendations ADD COLUMN author_tenant_id uuid;
CREATE TRIGGER author_workspace_is_recorded BEFORE INSERT OR UPDATE ON recommendations
  FOR EACH ROW EXECUTE FUNCTION record_author_workspace();

-- Down Migration
DROP TRIGGER author_workspace_is_recorded ON recommendations;
ALTER TABLE recommendations DROP COLUMN author_tenant_id;
DROP POLICY joint_visit_partner_edits ON recommendations;
DROP POLICY joint_visit_partner_adds ON recommendations;
DROP POLICY joint_visit_partner_locks ON reports;
DROP FUNCTION joint_visit_draft_report(uuid);
