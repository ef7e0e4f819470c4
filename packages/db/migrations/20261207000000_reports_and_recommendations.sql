-- Up Migration

-- Reports, recommendations and their follow-up (issue 4): what a visit changes, tracked for years.
-- Same rules as every tenant-owned table: (tenant_id, id) keys, tenant_id in every foreign key,
-- row-level security forced, NO ACTION inside a tenant (nothing recorded is deleted by accident).

-- Similar earlier recommendations to the same place are found by trigram similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE report_status AS ENUM ('draft', 'sent');
CREATE TYPE recommendation_priority AS ENUM ('low', 'medium', 'high');
CREATE TYPE recommendation_status AS ENUM (
  'open', 'accepted', 'in_progress', 'implemented', 'partially_implemented', 'not_implemented', 'rejected'
);
CREATE TYPE recommendation_update_source AS ENUM ('authority_response', 'follow_up_visit', 'npm_assessment');

-- How long authorities have to answer, from the day a report is sent (a workspace setting).
ALTER TABLE tenants ADD COLUMN response_deadline_days integer NOT NULL DEFAULT 60
  CHECK (response_deadline_days BETWEEN 1 AND 365);

-- A follow-up visit names the visit whose recommendations it verifies on site.
ALTER TABLE visits ADD COLUMN follow_up_of_visit_id uuid;
ALTER TABLE visits ADD FOREIGN KEY (tenant_id, follow_up_of_visit_id) REFERENCES visits (tenant_id, id);

-- One report per visit, drafted in a chosen language; sending it fixes its date.
CREATE TABLE reports (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL,
  language text NOT NULL CHECK (language IN ('en', 'sr-Cyrl', 'sr-Latn', 'uk')),
  summary text NOT NULL DEFAULT '',
  status report_status NOT NULL DEFAULT 'draft',
  sent_at timestamptz(3),
  sent_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id),
  UNIQUE (tenant_id, visit_id),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

-- A recommendation, numbered within its report, with the place it concerns kept beside it so a
-- place's whole history (and the repeated-recommendation check) needs no join through visits.
CREATE TABLE recommendations (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL,
  visit_id uuid NOT NULL,
  place_id uuid NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  theme_tags text[] NOT NULL DEFAULT '{}',
  priority recommendation_priority NOT NULL DEFAULT 'medium',
  status recommendation_status NOT NULL DEFAULT 'open',
  -- Set when the report is sent: sent date + the workspace's response deadline.
  due_date date,
  -- The first response from an addressee; until then a passed due date makes it overdue.
  first_response_at date,
  created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id),
  FOREIGN KEY (tenant_id, place_id) REFERENCES places (tenant_id, id),
  UNIQUE (tenant_id, report_id, number)
);
CREATE INDEX recommendations_tenant_status_idx ON recommendations (tenant_id, status, created_at, id);
CREATE INDEX recommendations_tenant_place_idx ON recommendations (tenant_id, place_id, created_at);
CREATE INDEX recommendations_tenant_visit_idx ON recommendations (tenant_id, visit_id, number);
CREATE INDEX recommendations_tenant_overdue_idx ON recommendations (tenant_id, due_date) WHERE first_response_at IS NULL;
CREATE INDEX recommendations_text_trgm_idx ON recommendations USING gin (text gin_trgm_ops);

-- To whom a recommendation is addressed: the institution and/or the ministry.
CREATE TABLE recommendation_addressees (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  recommendation_id uuid NOT NULL,
  authority_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, recommendation_id, authority_id),
  FOREIGN KEY (tenant_id, recommendation_id) REFERENCES recommendations (tenant_id, id),
  FOREIGN KEY (tenant_id, authority_id) REFERENCES authorities (tenant_id, id)
);
CREATE INDEX recommendation_addressees_tenant_authority_idx ON recommendation_addressees (tenant_id, authority_id);

-- The timeline: each response, follow-up verification or assessment, with the status it led to.
CREATE TABLE recommendation_updates (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  recommendation_id uuid NOT NULL,
  occurred_on date NOT NULL,
  source recommendation_update_source NOT NULL,
  -- The authority that answered (source authority_response), or the follow-up visit that verified.
  authority_id uuid,
  visit_id uuid,
  resulting_status recommendation_status NOT NULL,
  text text NOT NULL CHECK (length(text) >= 1),
  created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, recommendation_id) REFERENCES recommendations (tenant_id, id),
  FOREIGN KEY (tenant_id, authority_id) REFERENCES authorities (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id)
);
CREATE INDEX recommendation_updates_tenant_recommendation_idx ON recommendation_updates (tenant_id, recommendation_id, occurred_on);

-- One reminder per overdue recommendation: the job inserts here before it e-mails, never twice.
CREATE TABLE recommendation_reminders (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  recommendation_id uuid NOT NULL,
  sent_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, recommendation_id),
  FOREIGN KEY (tenant_id, recommendation_id) REFERENCES recommendations (tenant_id, id)
);

ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE reports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON reports USING (tenant_id = current_tenant_id());
ALTER TABLE recommendations ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recommendations USING (tenant_id = current_tenant_id());
ALTER TABLE recommendation_addressees ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendation_addressees FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recommendation_addressees USING (tenant_id = current_tenant_id());
ALTER TABLE recommendation_updates ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendation_updates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recommendation_updates USING (tenant_id = current_tenant_id());
ALTER TABLE recommendation_reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendation_reminders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recommendation_reminders USING (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE ON reports, recommendations TO vigil_app;
GRANT SELECT, INSERT, DELETE ON recommendation_addressees TO vigil_app;
-- The timeline and the reminders are records: appended, never edited.
GRANT SELECT, INSERT ON recommendation_updates, recommendation_reminders TO vigil_app;

-- Down Migration
DROP TABLE recommendation_reminders, recommendation_updates, recommendation_addressees, recommendations, reports;
ALTER TABLE visits DROP COLUMN follow_up_of_visit_id;
ALTER TABLE tenants DROP COLUMN response_deadline_days;
DROP TYPE recommendation_update_source, recommendation_status, recommendation_priority, report_status;
