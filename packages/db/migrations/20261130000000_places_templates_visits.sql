-- Up Migration

-- The visit: places of deprivation of liberty, authorities, methodology templates, visits with their
-- teams, checklists, confidential interviews, findings and evidence. Every table is tenant-owned:
-- (tenant_id, id) keys, foreign keys that include tenant_id (so nothing can point into another
-- tenant), row-level security forced, and only the grants the application needs. Foreign keys inside
-- a tenant are NO ACTION: a record that others refer to cannot be deleted (places are archived
-- instead), while deleting a whole tenant still cascades from `tenants`.

CREATE TYPE place_type AS ENUM (
  'prison', 'pre_trial_detention', 'police_custody', 'psychiatric_hospital', 'social_care_home',
  'juvenile_centre', 'immigration_detention', 'asylum_centre', 'military_detention', 'other'
);
CREATE TYPE authority_kind AS ENUM ('institution', 'ministry');
CREATE TYPE visit_type AS ENUM ('in_depth', 'thematic', 'ad_hoc', 'follow_up');
CREATE TYPE visit_status AS ENUM ('planned', 'in_progress', 'report_drafting', 'report_sent', 'closed', 'cancelled');
CREATE TYPE visit_role AS ENUM ('lead', 'monitor', 'doctor', 'psychiatrist', 'lawyer', 'interpreter');
CREATE TYPE interviewee_category AS ENUM ('detainee', 'staff', 'other');
CREATE TYPE finding_severity AS ENUM ('low', 'medium', 'high', 'critical');

-- Authorities to which recommendations are addressed: institutions and the ministries above them.
CREATE TABLE authorities (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind authority_kind NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  parent_id uuid,
  contact_email text CHECK (contact_email IS NULL OR position('@' IN contact_email) > 1),
  archived_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES authorities (tenant_id, id)
);
CREATE INDEX authorities_tenant_name_idx ON authorities (tenant_id, name, id);

CREATE TABLE places (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  type place_type NOT NULL,
  region text,
  municipality text,
  address text,
  capacity integer CHECK (capacity IS NULL OR capacity >= 0),
  authority_id uuid,
  notes text,
  archived_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, authority_id) REFERENCES authorities (tenant_id, id)
);
CREATE INDEX places_tenant_name_idx ON places (tenant_id, name, id);
CREATE INDEX places_tenant_type_idx ON places (tenant_id, type, name, id);
CREATE INDEX places_tenant_region_idx ON places (tenant_id, region, name, id);
CREATE INDEX places_tenant_authority_idx ON places (tenant_id, authority_id);

-- A methodology template; its content lives in versions. A draft (version NULL) is editable;
-- publishing numbers it 1, 2, ... and freezes it, so a visit keeps the questions it was made with.
CREATE TABLE checklist_templates (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  place_types place_type[] NOT NULL DEFAULT '{}',
  archived_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX checklist_templates_tenant_name_idx ON checklist_templates (tenant_id, name, id);

CREATE TABLE checklist_template_versions (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL,
  version integer CHECK (version IS NULL OR version >= 1),
  -- Sections and questions with their translations; the format is documented in
  -- docs/template-format.md and validated by the application.
  content jsonb NOT NULL,
  languages text[] NOT NULL CHECK (languages <@ ARRAY['en', 'sr-Cyrl', 'sr-Latn', 'uk']::text[] AND cardinality(languages) >= 1),
  published_at timestamptz(3),
  published_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, template_id) REFERENCES checklist_templates (tenant_id, id),
  UNIQUE (tenant_id, template_id, version),
  CHECK ((version IS NULL) = (published_at IS NULL))
);
CREATE UNIQUE INDEX checklist_template_versions_one_draft ON checklist_template_versions (tenant_id, template_id) WHERE version IS NULL;

-- Published versions are frozen in the database itself, whatever the application does.
CREATE FUNCTION refuse_change_to_published_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'checklist template version % is published and cannot change', OLD.version
    USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER published_versions_are_frozen
  BEFORE UPDATE OR DELETE ON checklist_template_versions
  FOR EACH ROW WHEN (OLD.version IS NOT NULL)
  EXECUTE FUNCTION refuse_change_to_published_version();

CREATE TABLE visits (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL,
  type visit_type NOT NULL,
  announced boolean NOT NULL DEFAULT false,
  night_visit boolean NOT NULL DEFAULT false,
  planned_start date NOT NULL,
  planned_end date NOT NULL,
  objectives text,
  template_version_id uuid,
  status visit_status NOT NULL DEFAULT 'planned',
  created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, place_id) REFERENCES places (tenant_id, id),
  FOREIGN KEY (tenant_id, template_version_id) REFERENCES checklist_template_versions (tenant_id, id),
  CHECK (planned_end >= planned_start)
);
CREATE INDEX visits_tenant_start_idx ON visits (tenant_id, planned_start, id);
CREATE INDEX visits_tenant_status_idx ON visits (tenant_id, status, planned_start, id);
CREATE INDEX visits_tenant_place_idx ON visits (tenant_id, place_id, planned_start);

-- The visit team: workspace members with a visit role, or external experts without an account.
CREATE TABLE visit_team_members (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL,
  user_id uuid REFERENCES users (id),
  external_name text CHECK (external_name IS NULL OR length(external_name) BETWEEN 1 AND 200),
  external_expertise text,
  visit_role visit_role NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id),
  UNIQUE (tenant_id, visit_id, user_id),
  CHECK ((user_id IS NULL) <> (external_name IS NULL))
);
CREATE INDEX visit_team_members_tenant_user_idx ON visit_team_members (tenant_id, user_id);

-- One row per answered question of a visit's checklist. `revision` counts edits: an edit names the
-- revision it started from, so a stale edit is refused instead of silently overwriting.
CREATE TABLE checklist_answers (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL,
  question_id text NOT NULL,
  value jsonb,
  note text,
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  updated_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id),
  UNIQUE (tenant_id, visit_id, question_id)
);

-- Every saved state of an answer: nothing a team member typed is lost.
CREATE TABLE checklist_answer_revisions (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  answer_id uuid NOT NULL,
  revision integer NOT NULL,
  value jsonb,
  note text,
  changed_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  changed_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, answer_id) REFERENCES checklist_answers (tenant_id, id),
  UNIQUE (tenant_id, answer_id, revision)
);

-- Confidential interviews: a pseudonym (there is no real-name field), consent, allegations, a
-- reprisal-risk flag with its follow-up, and notes encrypted by the application (AES-256-GCM).
CREATE TABLE interviews (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL,
  pseudonym text NOT NULL CHECK (length(pseudonym) BETWEEN 1 AND 40),
  category interviewee_category NOT NULL,
  consent_given boolean NOT NULL,
  allegations text[] NOT NULL DEFAULT '{}',
  reprisal_risk boolean NOT NULL DEFAULT false,
  follow_up_due date,
  follow_up_checked_at timestamptz(3),
  follow_up_checked_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  notes_ciphertext bytea,
  notes_key_id text,
  created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id),
  UNIQUE (tenant_id, visit_id, pseudonym),
  CHECK (NOT reprisal_risk OR follow_up_due IS NOT NULL),
  CHECK ((notes_ciphertext IS NULL) = (notes_key_id IS NULL))
);
CREATE INDEX interviews_tenant_follow_up_idx ON interviews (tenant_id, follow_up_due)
  WHERE reprisal_risk AND follow_up_checked_at IS NULL;

CREATE TABLE findings (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL,
  theme text NOT NULL CHECK (length(theme) BETWEEN 1 AND 200),
  text text NOT NULL CHECK (length(text) >= 1),
  severity finding_severity NOT NULL,
  created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id)
);
CREATE INDEX findings_tenant_visit_idx ON findings (tenant_id, visit_id, created_at);

-- Evidence files: the bytes live in storage (a folder by default); the row records what and its hash.
CREATE TABLE attachments (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL,
  finding_id uuid,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 bytea NOT NULL CHECK (length(sha256) = 32),
  storage_key text NOT NULL,
  uploaded_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id),
  FOREIGN KEY (tenant_id, finding_id) REFERENCES findings (tenant_id, id)
);
CREATE INDEX attachments_tenant_visit_idx ON attachments (tenant_id, visit_id, created_at);

-- Row-level security on every new table.
ALTER TABLE authorities ENABLE ROW LEVEL SECURITY;
ALTER TABLE authorities FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON authorities USING (tenant_id = current_tenant_id());
ALTER TABLE places ENABLE ROW LEVEL SECURITY;
ALTER TABLE places FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON places USING (tenant_id = current_tenant_id());
ALTER TABLE checklist_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE checklist_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON checklist_templates USING (tenant_id = current_tenant_id());
ALTER TABLE checklist_template_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE checklist_template_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON checklist_template_versions USING (tenant_id = current_tenant_id());
ALTER TABLE visits ENABLE ROW LEVEL SECURITY;
ALTER TABLE visits FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visits USING (tenant_id = current_tenant_id());
ALTER TABLE visit_team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE visit_team_members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visit_team_members USING (tenant_id = current_tenant_id());
ALTER TABLE checklist_answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE checklist_answers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON checklist_answers USING (tenant_id = current_tenant_id());
ALTER TABLE checklist_answer_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE checklist_answer_revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON checklist_answer_revisions USING (tenant_id = current_tenant_id());
ALTER TABLE interviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE interviews FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON interviews USING (tenant_id = current_tenant_id());
-- Need to know: on top of the tenant, an interview is visible only to its visit's team and to the
-- workspace's owners and admins (restrictive: both policies must pass).
CREATE POLICY interview_need_to_know ON interviews AS RESTRICTIVE
  USING (
    EXISTS (SELECT 1 FROM visit_team_members t
             WHERE t.tenant_id = interviews.tenant_id AND t.visit_id = interviews.visit_id AND t.user_id = current_user_id())
    OR EXISTS (SELECT 1 FROM memberships m
                WHERE m.tenant_id = interviews.tenant_id AND m.user_id = current_user_id() AND m.role IN ('owner', 'admin'))
  );
ALTER TABLE findings ENABLE ROW LEVEL SECURITY;
ALTER TABLE findings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON findings USING (tenant_id = current_tenant_id());
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON attachments USING (tenant_id = current_tenant_id());

-- Records are archived or cancelled, not deleted; only what may really be removed has DELETE.
GRANT SELECT, INSERT, UPDATE ON authorities, places, checklist_templates, visits, checklist_answers, interviews TO vigil_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON checklist_template_versions, visit_team_members, findings, attachments TO vigil_app;
GRANT SELECT, INSERT ON checklist_answer_revisions TO vigil_app;

-- Down Migration
DROP TABLE attachments, findings, interviews, checklist_answer_revisions, checklist_answers, visit_team_members,
  visits, checklist_template_versions, checklist_templates, places, authorities;
DROP FUNCTION refuse_change_to_published_version();
DROP TYPE finding_severity, interviewee_category, visit_role, visit_status, visit_type, authority_kind, place_type;
