-- Up Migration

-- Joint visits, attribution to the workspace (issue 5 §1, docs/decisions/0105-joint-attribution.md):
-- what a partner's nominated member enters on the host's visit keeps the host's tenant_id (the row
-- belongs to the host's visit) and now also records the AUTHOR'S workspace. The database fills it,
-- whatever the application sends: the current tenant when it is not the row's tenant (a partner
-- working through app.joint_visit_id), NULL for the host's own work. No foreign key: the column is
-- a record of who wrote, and the name is looked up through visit_workspace_names() (tenants are
-- hidden from other workspaces).
ALTER TABLE checklist_answers ADD COLUMN author_tenant_id uuid;
ALTER TABLE checklist_answer_revisions ADD COLUMN author_tenant_id uuid;
ALTER TABLE findings ADD COLUMN author_tenant_id uuid;
ALTER TABLE attachments ADD COLUMN author_tenant_id uuid;

-- Answers change authors with every save (updated_by_id); findings, revisions and attachments keep
-- the workspace of whoever created them (a host editing a partner's finding does not take it over).
CREATE FUNCTION record_author_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (TG_TABLE_NAME <> 'checklist_answers' OR current_tenant_id() IS NULL) THEN
    NEW.author_tenant_id := OLD.author_tenant_id;
  ELSIF current_tenant_id() IS NOT NULL AND current_tenant_id() <> NEW.tenant_id THEN
    NEW.author_tenant_id := current_tenant_id();
  ELSE
    NEW.author_tenant_id := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER author_workspace_is_recorded BEFORE INSERT OR UPDATE ON checklist_answers
  FOR EACH ROW EXECUTE FUNCTION record_author_workspace();
CREATE TRIGGER author_workspace_is_recorded BEFORE INSERT OR UPDATE ON checklist_answer_revisions
  FOR EACH ROW EXECUTE FUNCTION record_author_workspace();
CREATE TRIGGER author_workspace_is_recorded BEFORE INSERT OR UPDATE ON findings
  FOR EACH ROW EXECUTE FUNCTION record_author_workspace();
CREATE TRIGGER author_workspace_is_recorded BEFORE INSERT OR UPDATE ON attachments
  FOR EACH ROW EXECUTE FUNCTION record_author_workspace();

-- The names of the workspaces taking part in one visit (host and partners), for the attribution
-- "person · workspace". The host asks about its own visit; a partner's nominated member only about
-- the joint visit it is working on (joint_visit_host()). Nobody else gets a row.
CREATE FUNCTION visit_workspace_names(visit uuid)
  RETURNS TABLE (id uuid, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.name FROM tenants t
     WHERE is_current_member()
       AND EXISTS (SELECT 1 FROM visit_partners p
                    WHERE p.visit_id = visit AND t.id IN (p.tenant_id, p.partner_tenant_id)
                      AND (p.tenant_id = current_tenant_id()
                           OR (visit = current_joint_visit_id() AND p.tenant_id = joint_visit_host())))
  $$;
REVOKE EXECUTE ON FUNCTION visit_workspace_names(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION visit_workspace_names(uuid) TO vigil_app;

-- Down Migration
DROP FUNCTION visit_workspace_names(uuid);
DROP TRIGGER author_workspace_is_recorded ON attachments;
DROP TRIGGER author_workspace_is_recorded ON findings;
DROP TRIGGER author_workspace_is_recorded ON checklist_answer_revisions;
DROP TRIGGER author_workspace_is_recorded ON checklist_answers;
DROP FUNCTION record_author_workspace();
ALTER TABLE attachments DROP COLUMN author_tenant_id;
ALTER TABLE findings DROP COLUMN author_tenant_id;
ALTER TABLE checklist_answer_revisions DROP COLUMN author_tenant_id;
ALTER TABLE checklist_answers DROP COLUMN author_tenant_id;
