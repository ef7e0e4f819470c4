-- Up Migration

-- The shared methodology library and forums (issue 5 §2, §3; decision 0110). Nothing crosses a
-- workspace boundary unless its owner published or invited it: every row below belongs to one tenant
-- (the publisher, the organiser, the sharer) and a second, read-only policy admits the workspaces it
-- was given to. The membership checks are SECURITY DEFINER functions (owned by the table owner, who
-- bypasses row-level security), so a policy never reads a table whose own policy reads it back.

CREATE TYPE forum_participant_status AS ENUM ('invited', 'accepted', 'declined');

-- A forum or network, owned by its organiser's workspace.
CREATE TABLE forums (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  starts_on date,
  ends_on date,
  place text CHECK (place IS NULL OR length(place) <= 300),
  description text CHECK (description IS NULL OR length(description) <= 10000),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);

-- Who takes part: one row per invited workspace, owned by the organiser. The organiser takes part in
-- its own forum (a row it inserts as accepted); everyone else starts invited and answers themselves.
CREATE TABLE forum_participants (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  forum_id uuid NOT NULL,
  participant_tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  status forum_participant_status NOT NULL DEFAULT 'invited',
  -- The participant's consent to its figures entering the forum's anonymised benchmark.
  benchmark_opt_in boolean NOT NULL DEFAULT false,
  invited_at timestamptz(3) NOT NULL DEFAULT now(),
  responded_at timestamptz(3),
  PRIMARY KEY (tenant_id, forum_id, participant_tenant_id),
  FOREIGN KEY (tenant_id, forum_id) REFERENCES forums (tenant_id, id) ON DELETE CASCADE,
  CHECK (benchmark_opt_in = false OR status = 'accepted')
);
CREATE INDEX forum_participants_participant_idx ON forum_participants (participant_tenant_id, status);

CREATE TABLE forum_agenda_items (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  forum_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  starts_at text CHECK (starts_at IS NULL OR starts_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text CHECK (description IS NULL OR length(description) <= 4000),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, forum_id) REFERENCES forums (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX forum_agenda_items_forum_idx ON forum_agenda_items (tenant_id, forum_id, position);

-- A document a participant shares with a forum: a title, a link and a note (decision 0110), owned by
-- the sharing workspace.
CREATE TABLE forum_documents (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  forum_tenant_id uuid NOT NULL,
  forum_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  url text CHECK (url IS NULL OR (url ~ '^https?://' AND length(url) <= 2000)),
  note text CHECK (note IS NULL OR length(note) <= 4000),
  shared_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (forum_tenant_id, forum_id) REFERENCES forums (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX forum_documents_forum_idx ON forum_documents (forum_tenant_id, forum_id, shared_at);

-- A template version published to the library (forum_id NULL: every workspace) or to one forum. The
-- content is a frozen copy, so what others read never changes under them and never reaches into the
-- publisher's own tables.
CREATE TABLE library_publications (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL,
  template_version_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  place_types place_type[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL,
  content jsonb NOT NULL,
  forum_tenant_id uuid,
  forum_id uuid,
  published_at timestamptz(3) NOT NULL DEFAULT now(),
  unpublished_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, template_id) REFERENCES checklist_templates (tenant_id, id),
  FOREIGN KEY (tenant_id, template_version_id) REFERENCES checklist_template_versions (tenant_id, id),
  FOREIGN KEY (forum_tenant_id, forum_id) REFERENCES forums (tenant_id, id) ON DELETE CASCADE,
  CHECK ((forum_id IS NULL) = (forum_tenant_id IS NULL))
);
CREATE INDEX library_publications_visible_idx ON library_publications (published_at DESC) WHERE unpublished_at IS NULL;
CREATE INDEX library_publications_template_idx ON library_publications (tenant_id, template_id, version);
CREATE INDEX library_publications_forum_idx ON library_publications (forum_tenant_id, forum_id) WHERE forum_id IS NOT NULL;

-- Where an imported template came from: the publisher's template and the version last taken over,
-- with that version's content (the base of the "update available" diff; it survives unpublishing).
CREATE TABLE template_imports (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  template_id uuid NOT NULL,
  publisher_tenant_id uuid NOT NULL,
  publisher_name text NOT NULL,
  source_template_id uuid NOT NULL,
  source_publication_id uuid NOT NULL,
  source_version integer NOT NULL CHECK (source_version >= 1),
  base_content jsonb NOT NULL,
  imported_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, template_id),
  FOREIGN KEY (tenant_id, template_id) REFERENCES checklist_templates (tenant_id, id)
);

-- The current workspace organises the forum or accepted its invitation.
CREATE FUNCTION is_forum_member(p_forum_tenant_id uuid, p_forum_id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT current_tenant_id() IS NOT NULL AND (
      current_tenant_id() = p_forum_tenant_id
      OR EXISTS (SELECT 1 FROM forum_participants p
                  WHERE p.tenant_id = p_forum_tenant_id AND p.forum_id = p_forum_id
                    AND p.participant_tenant_id = current_tenant_id() AND p.status = 'accepted'))
  $$;

-- The current workspace was invited (whatever its answer): it may read the forum's name to answer.
CREATE FUNCTION is_forum_invitee(p_forum_tenant_id uuid, p_forum_id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT EXISTS (SELECT 1 FROM forum_participants p
                    WHERE p.tenant_id = p_forum_tenant_id AND p.forum_id = p_forum_id
                      AND p.participant_tenant_id = current_tenant_id())
  $$;

-- The directory forums invite from: every workspace's name and slug, nothing else, and only to a
-- caller inside a workspace. Kept apart from the joint-visit directory, which lists only workspaces
-- that allow joint visits.
CREATE FUNCTION forum_workspace_directory() RETURNS TABLE (id uuid, slug text, name text, country_code text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT t.id, t.slug, t.name, t.country_code::text FROM tenants t
     WHERE current_tenant_id() IS NOT NULL AND t.deletion_requested_at IS NULL
     ORDER BY t.name, t.id
  $$;

-- The anonymised benchmark (decision 0111): figures across the accepted participants that opted in,
-- one row per figure, returned only when at least 3 workspaces contribute to it and only to a forum
-- member. Never a per-workspace figure.
CREATE FUNCTION forum_benchmark(p_forum_tenant_id uuid, p_forum_id uuid)
  RETURNS TABLE (metric text, place_type place_type, year integer, numerator bigint, denominator bigint, contributors integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH contributors AS (
      SELECT p.participant_tenant_id AS tenant_id FROM forum_participants p
       WHERE p.tenant_id = p_forum_tenant_id AND p.forum_id = p_forum_id
         AND p.status = 'accepted' AND p.benchmark_opt_in
         AND is_forum_member(p_forum_tenant_id, p_forum_id)
    ),
    figures AS (
      -- Of the recommendations in sent reports, how many were implemented, by place type.
      SELECT 'implementation_rate'::text AS metric, pl.type AS place_type, NULL::integer AS year,
             count(*) FILTER (WHERE r.status = 'implemented') AS numerator, count(*) AS denominator,
             count(DISTINCT r.tenant_id)::integer AS contributors
        FROM recommendations r
        JOIN contributors c ON c.tenant_id = r.tenant_id
        JOIN places pl ON pl.tenant_id = r.tenant_id AND pl.id = r.place_id
        JOIN reports rp ON rp.tenant_id = r.tenant_id AND rp.id = r.report_id AND rp.status = 'sent'
       GROUP BY pl.type
      UNION ALL
      -- Visits carried out (not planned or cancelled), by place type and year.
      SELECT 'visits', pl.type, extract(year FROM v.planned_start)::integer,
             count(*), NULL::bigint, count(DISTINCT v.tenant_id)::integer
        FROM visits v
        JOIN contributors c ON c.tenant_id = v.tenant_id
        JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
       WHERE v.status NOT IN ('planned', 'cancelled')
       GROUP BY pl.type, extract(year FROM v.planned_start)
    )
    SELECT * FROM figures WHERE contributors >= 3 ORDER BY metric, place_type, year
  $$;

ALTER TABLE forums ENABLE ROW LEVEL SECURITY;
ALTER TABLE forums FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON forums USING (tenant_id = current_tenant_id());
CREATE POLICY invitee_reads ON forums FOR SELECT USING (is_forum_invitee(tenant_id, id));

ALTER TABLE forum_participants ENABLE ROW LEVEL SECURITY;
ALTER TABLE forum_participants FORCE ROW LEVEL SECURITY;
-- The organiser reads, invites (as 'invited', or itself as 'accepted') and withdraws; it never answers for others.
CREATE POLICY organiser_reads ON forum_participants FOR SELECT USING (tenant_id = current_tenant_id());
CREATE POLICY organiser_invites ON forum_participants FOR INSERT
  WITH CHECK (tenant_id = current_tenant_id() AND NOT benchmark_opt_in
              AND (status = 'invited' OR participant_tenant_id = tenant_id));
CREATE POLICY organiser_withdraws ON forum_participants FOR DELETE USING (tenant_id = current_tenant_id());
-- The invited workspace reads its own invitation and answers it (status, opt-in: column grants below).
CREATE POLICY participant_reads_own ON forum_participants FOR SELECT USING (participant_tenant_id = current_tenant_id());
CREATE POLICY participant_answers ON forum_participants FOR UPDATE
  USING (participant_tenant_id = current_tenant_id()) WITH CHECK (participant_tenant_id = current_tenant_id());
-- Accepted participants see who else takes part.
CREATE POLICY member_reads ON forum_participants FOR SELECT USING (is_forum_member(tenant_id, forum_id));

ALTER TABLE forum_agenda_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE forum_agenda_items FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON forum_agenda_items USING (tenant_id = current_tenant_id());
CREATE POLICY member_reads ON forum_agenda_items FOR SELECT USING (is_forum_member(tenant_id, forum_id));

ALTER TABLE forum_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE forum_documents FORCE ROW LEVEL SECURITY;
-- Only a member may share into a forum; the sharer manages its own documents.
CREATE POLICY tenant_isolation ON forum_documents USING (tenant_id = current_tenant_id())
  WITH CHECK (tenant_id = current_tenant_id() AND is_forum_member(forum_tenant_id, forum_id));
CREATE POLICY member_reads ON forum_documents FOR SELECT USING (is_forum_member(forum_tenant_id, forum_id));

ALTER TABLE library_publications ENABLE ROW LEVEL SECURITY;
ALTER TABLE library_publications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON library_publications USING (tenant_id = current_tenant_id())
  WITH CHECK (tenant_id = current_tenant_id() AND (forum_id IS NULL OR is_forum_member(forum_tenant_id, forum_id)));
CREATE POLICY readers ON library_publications FOR SELECT
  USING (current_tenant_id() IS NOT NULL AND unpublished_at IS NULL
         AND (forum_id IS NULL OR is_forum_member(forum_tenant_id, forum_id)));

ALTER TABLE template_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE template_imports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON template_imports USING (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON forums, forum_agenda_items TO vigil_app;
GRANT SELECT, INSERT, DELETE ON forum_participants, forum_documents TO vigil_app;
GRANT UPDATE (status, benchmark_opt_in, responded_at) ON forum_participants TO vigil_app;
-- A publication's content is frozen: only unpublishing changes it.
GRANT SELECT, INSERT ON library_publications TO vigil_app;
GRANT UPDATE (unpublished_at) ON library_publications TO vigil_app;
GRANT SELECT, INSERT, UPDATE ON template_imports TO vigil_app;
GRANT EXECUTE ON FUNCTION is_forum_member(uuid, uuid), is_forum_invitee(uuid, uuid), forum_workspace_directory(), forum_benchmark(uuid, uuid) TO vigil_app;

-- Down Migration
DROP TABLE template_imports, library_publications, forum_documents, forum_agenda_items, forum_participants, forums;
DROP FUNCTION forum_benchmark(uuid, uuid);
DROP FUNCTION forum_workspace_directory();
DROP FUNCTION is_forum_invitee(uuid, uuid);
DROP FUNCTION is_forum_member(uuid, uuid);
DROP TYPE forum_participant_status;
