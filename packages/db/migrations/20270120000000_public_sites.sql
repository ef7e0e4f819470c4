-- Up Migration

-- Each workspace's public site (issue 17, docs/decisions/0201): settings, news posts in language
-- versions, and the sent reports the NPM chose to publish with the recommendations and responses it
-- withholds. The NPM writes these rows through its members' tenant procedures (row-level security as
-- everywhere). A visitor has no tenant and no account: the site is read only through the
-- public_site_* SECURITY DEFINER functions below, which return published content alone, as JSON built
-- from an explicit list of columns (never interview text, evidence, team members or detainee data).

CREATE TABLE public_sites (
  tenant_id uuid NOT NULL PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  enabled boolean NOT NULL DEFAULT false,
  -- The site's languages, first = the default for a visitor whose browser asks for none of them.
  languages text[] NOT NULL DEFAULT '{}'
    CHECK (languages <@ ARRAY['en', 'sr-Cyrl', 'sr-Latn', 'uk']::text[] AND cardinality(languages) <= 4),
  -- The mandate shown on the home page, by language: {"en": "...", "uk": "..."}.
  mandate jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(mandate) = 'object' AND length(mandate::text) <= 20000),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (NOT enabled OR cardinality(languages) >= 1)
);

-- A news post. published_at NULL: a draft; in the future: scheduled; in the past: published.
CREATE TABLE public_posts (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
  published_at timestamptz(3),
  -- The records the post tells about; a linked report shows only while it is published itself.
  report_id uuid,
  place_id uuid,
  forum_tenant_id uuid,
  forum_id uuid,
  -- An uploaded image, stored like evidence with its metadata stripped (docs/decisions/0195).
  image_storage_key text,
  image_content_type text CHECK (image_content_type IS NULL OR image_content_type IN ('image/jpeg', 'image/png')),
  image_alt jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(image_alt) = 'object'),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, slug),
  FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
  FOREIGN KEY (tenant_id, place_id) REFERENCES places (tenant_id, id),
  FOREIGN KEY (forum_tenant_id, forum_id) REFERENCES forums (tenant_id, id) ON DELETE SET NULL,
  CHECK ((forum_id IS NULL) = (forum_tenant_id IS NULL)),
  CHECK ((image_storage_key IS NULL) = (image_content_type IS NULL))
);
CREATE INDEX public_posts_published_idx ON public_posts (tenant_id, published_at DESC) WHERE published_at IS NOT NULL;

-- One language version of a post.
CREATE TABLE public_post_translations (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  post_id uuid NOT NULL,
  language text NOT NULL CHECK (language IN ('en', 'sr-Cyrl', 'sr-Latn', 'uk')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body text NOT NULL CHECK (length(body) <= 50000),
  PRIMARY KEY (tenant_id, post_id, language),
  FOREIGN KEY (tenant_id, post_id) REFERENCES public_posts (tenant_id, id) ON DELETE CASCADE
);

-- A sent report prepared for the site. published_at NULL: prepared or unpublished (not public).
CREATE TABLE public_reports (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  report_id uuid NOT NULL,
  published_at timestamptz(3),
  withheld_recommendation_ids uuid[] NOT NULL DEFAULT '{}',
  withheld_update_ids uuid[] NOT NULL DEFAULT '{}',
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, report_id),
  FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id)
);
CREATE INDEX public_reports_published_idx ON public_reports (tenant_id, published_at DESC) WHERE published_at IS NOT NULL;

ALTER TABLE public_sites ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_sites FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public_sites USING (tenant_id = (SELECT current_tenant_id()));
ALTER TABLE public_posts ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_posts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public_posts USING (tenant_id = (SELECT current_tenant_id()));
ALTER TABLE public_post_translations ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_post_translations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public_post_translations USING (tenant_id = (SELECT current_tenant_id()));
ALTER TABLE public_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public_reports USING (tenant_id = (SELECT current_tenant_id()));

-- vigil_joint (a joint visit's role) holds every privilege vigil_app has (migration 20261231000000).
GRANT SELECT, INSERT, UPDATE, DELETE ON public_sites, public_posts, public_post_translations, public_reports TO vigil_app, vigil_joint;

-- The public document of one report, as a visitor (or the NPM's preview) sees it: the report's
-- summary, place and dates, its findings, and its recommendations that are not withheld, each with its addressees,
-- status and timeline entries that are not withheld. Invoker rights: called by the definer functions
-- below (as the owner), or by nobody else (EXECUTE revoked from PUBLIC).
CREATE FUNCTION public_report_document(p_tenant uuid, p_report uuid) RETURNS jsonb
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT jsonb_build_object(
      'id', r.id, 'language', r.language, 'summary', r.summary, 'sentAt', r.sent_at,
      'publishedAt', pr.published_at,
      'visit', jsonb_build_object('startsOn', v.planned_start, 'endsOn', v.planned_end, 'type', v.type, 'nightVisit', v.night_visit, 'announced', v.announced),
      'place', jsonb_build_object('id', pl.id, 'name', pl.name, 'names', pl.name_translations, 'type', pl.type, 'municipality', pl.municipality),
      'findings', coalesce((SELECT jsonb_agg(jsonb_build_object('theme', f.theme, 'text', f.text, 'severity', f.severity) ORDER BY f.created_at, f.id)
                              FROM findings f WHERE f.tenant_id = v.tenant_id AND f.visit_id = v.id), '[]'::jsonb),
      'recommendations', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
          'id', rc.id, 'number', rc.number, 'text', rc.text, 'status', rc.status, 'dueDate', rc.due_date,
          'priority', rc.priority, 'themeTags', to_jsonb(rc.theme_tags),
          'addressees', coalesce((
            SELECT jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'names', a.name_translations, 'kind', a.kind) ORDER BY a.name)
              FROM recommendation_addressees ra JOIN authorities a ON a.tenant_id = ra.tenant_id AND a.id = ra.authority_id
             WHERE ra.tenant_id = rc.tenant_id AND ra.recommendation_id = rc.id), '[]'::jsonb),
          'timeline', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
              'id', u.id, 'occurredOn', u.occurred_on, 'source', u.source, 'resultingStatus', u.resulting_status,
              'text', u.text, 'authority', CASE WHEN ua.id IS NULL THEN NULL ELSE jsonb_build_object('name', ua.name, 'names', ua.name_translations) END)
              ORDER BY u.occurred_on, u.created_at)
              FROM recommendation_updates u
              LEFT JOIN authorities ua ON ua.tenant_id = u.tenant_id AND ua.id = u.authority_id
             WHERE u.tenant_id = rc.tenant_id AND u.recommendation_id = rc.id
               AND NOT (u.id = ANY (pr.withheld_update_ids))), '[]'::jsonb))
          ORDER BY rc.number)
          FROM recommendations rc
         WHERE rc.tenant_id = r.tenant_id AND rc.report_id = r.id
           AND NOT (rc.id = ANY (pr.withheld_recommendation_ids))), '[]'::jsonb))
      FROM reports r
      JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id
      JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
      LEFT JOIN public_reports pr ON pr.tenant_id = r.tenant_id AND pr.report_id = r.id
     WHERE r.tenant_id = p_tenant AND r.id = p_report AND r.status = 'sent'
  $$;

-- The tenant of a slug whose site is on (and not awaiting deletion); NULL otherwise.
CREATE FUNCTION public_site_tenant(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT t.id FROM tenants t JOIN public_sites s ON s.tenant_id = t.id
     WHERE t.slug = p_slug AND s.enabled AND t.deletion_requested_at IS NULL
  $$;

-- A post's public form: its language versions, image, and the links that are public themselves.
CREATE FUNCTION public_post_document(p_tenant uuid, p_post uuid) RETURNS jsonb
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT jsonb_build_object(
      'id', p.id, 'slug', p.slug, 'publishedAt', p.published_at, 'updatedAt', p.updated_at,
      'hasImage', p.image_storage_key IS NOT NULL, 'imageAlt', p.image_alt,
      'translations', coalesce((SELECT jsonb_object_agg(tr.language, jsonb_build_object('title', tr.title, 'body', tr.body))
                                  FROM public_post_translations tr WHERE tr.tenant_id = p.tenant_id AND tr.post_id = p.id), '{}'::jsonb),
      'report', (SELECT jsonb_build_object('id', pr.report_id) FROM public_reports pr
                  WHERE pr.tenant_id = p.tenant_id AND pr.report_id = p.report_id AND pr.published_at <= now()),
      'place', (SELECT jsonb_build_object('name', pl.name, 'names', pl.name_translations) FROM places pl
                 WHERE pl.tenant_id = p.tenant_id AND pl.id = p.place_id),
      'forum', (SELECT jsonb_build_object('name', f.name, 'startsOn', f.starts_on, 'place', f.place) FROM forums f
                 WHERE f.tenant_id = p.forum_tenant_id AND f.id = p.forum_id))
      FROM public_posts p WHERE p.tenant_id = p_tenant AND p.id = p_post
  $$;

REVOKE EXECUTE ON FUNCTION public_report_document(uuid, uuid), public_site_tenant(text), public_post_document(uuid, uuid) FROM PUBLIC;

-- The site's home: name, languages, mandate, every published post (newest first) and every
-- published report. NULL when the slug is unknown or its site off: one answer for both.
CREATE FUNCTION public_site_home(p_slug text) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT jsonb_build_object(
      'slug', t.slug, 'name', t.name, 'countryCode', t.country_code, 'languages', s.languages, 'mandate', s.mandate,
      'updatedAt', greatest(s.updated_at,
                            (SELECT max(p.updated_at) FROM public_posts p WHERE p.tenant_id = t.id AND p.published_at <= now()),
                            (SELECT max(pr.updated_at) FROM public_reports pr WHERE pr.tenant_id = t.id AND pr.published_at <= now())),
      'posts', coalesce((SELECT jsonb_agg(public_post_document(p.tenant_id, p.id) ORDER BY p.published_at DESC, p.id)
                           FROM public_posts p WHERE p.tenant_id = t.id AND p.published_at <= now()), '[]'::jsonb),
      'reports', coalesce((SELECT jsonb_agg(jsonb_build_object(
                              'id', r.id, 'sentAt', r.sent_at, 'publishedAt', pr.published_at, 'language', r.language,
                              'visitStartsOn', v.planned_start, 'place', jsonb_build_object('name', pl.name, 'names', pl.name_translations, 'type', pl.type))
                              ORDER BY r.sent_at DESC, r.id)
                             FROM public_reports pr
                             JOIN reports r ON r.tenant_id = pr.tenant_id AND r.id = pr.report_id AND r.status = 'sent'
                             JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id
                             JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
                            WHERE pr.tenant_id = t.id AND pr.published_at <= now()), '[]'::jsonb))
      FROM tenants t JOIN public_sites s ON s.tenant_id = t.id
     WHERE t.id = public_site_tenant(p_slug)
  $$;

-- One published post by its slug; NULL for a draft, a scheduled post, an unknown slug or a site that is off.
CREATE FUNCTION public_site_post(p_slug text, p_post_slug text) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT public_post_document(p.tenant_id, p.id) FROM public_posts p
     WHERE p.tenant_id = public_site_tenant(p_slug) AND p.slug = p_post_slug AND p.published_at <= now()
  $$;

-- Where a published post's image is stored, for the image route.
CREATE FUNCTION public_site_post_image(p_slug text, p_post_slug text) RETURNS TABLE (storage_key text, content_type text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT p.image_storage_key, p.image_content_type FROM public_posts p
     WHERE p.tenant_id = public_site_tenant(p_slug) AND p.slug = p_post_slug AND p.published_at <= now()
       AND p.image_storage_key IS NOT NULL
  $$;

-- One published report; NULL for a report that is not published (or withheld, or unknown).
CREATE FUNCTION public_site_report(p_slug text, p_report uuid) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT public_report_document(pr.tenant_id, pr.report_id) FROM public_reports pr
     WHERE pr.tenant_id = public_site_tenant(p_slug) AND pr.report_id = p_report AND pr.published_at <= now()
  $$;

-- The implementation figures of the published reports' public recommendations: by year sent, by
-- addressee and by place type, each with how many are implemented, partly implemented, and in all.
CREATE FUNCTION public_site_figures(p_slug text) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH published AS (
      SELECT rc.tenant_id, rc.id, rc.status, extract(year FROM r.sent_at)::int AS year, pl.type::text AS place_type
        FROM public_reports pr
        JOIN reports r ON r.tenant_id = pr.tenant_id AND r.id = pr.report_id AND r.status = 'sent'
        JOIN recommendations rc ON rc.tenant_id = r.tenant_id AND rc.report_id = r.id
        JOIN places pl ON pl.tenant_id = rc.tenant_id AND pl.id = rc.place_id
       WHERE pr.tenant_id = public_site_tenant(p_slug) AND pr.published_at <= now()
         AND NOT (rc.id = ANY (pr.withheld_recommendation_ids))
    ),
    rows AS (
      SELECT 'year' AS dimension, year::text AS key, NULL::jsonb AS names, status FROM published
      UNION ALL
      SELECT 'placeType', place_type, NULL, status FROM published
      UNION ALL
      SELECT 'authority', a.id::text, jsonb_build_object('name', a.name, 'names', a.name_translations), p.status
        FROM published p
        JOIN recommendation_addressees ra ON ra.tenant_id = p.tenant_id AND ra.recommendation_id = p.id
        JOIN authorities a ON a.tenant_id = ra.tenant_id AND a.id = ra.authority_id
    )
    SELECT CASE WHEN public_site_tenant(p_slug) IS NULL THEN NULL ELSE coalesce((
      SELECT jsonb_agg(jsonb_build_object('dimension', dimension, 'key', key, 'names', names, 'total', total,
                                          'implemented', implemented, 'partiallyImplemented', partial) ORDER BY dimension, key)
        FROM (SELECT dimension, key, min(names::text)::jsonb AS names, count(*) AS total,
                     count(*) FILTER (WHERE status = 'implemented') AS implemented,
                     count(*) FILTER (WHERE status = 'partially_implemented') AS partial
                FROM rows GROUP BY dimension, key) g), '[]'::jsonb) END
  $$;

-- The NPM's preview of a report exactly as it would be public: only for a member of the current
-- workspace (the procedure asks for a coordinator), whether or not it is published yet.
CREATE FUNCTION public_site_report_preview(p_report uuid) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT public_report_document(current_tenant_id(), p_report) WHERE is_current_member()
  $$;

-- The same for a post, published or not.
CREATE FUNCTION public_site_post_preview(p_post uuid) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT public_post_document(current_tenant_id(), p_post) WHERE is_current_member()
  $$;

REVOKE EXECUTE ON FUNCTION public_site_home(text), public_site_post(text, text), public_site_post_image(text, text),
  public_site_report(text, uuid), public_site_figures(text), public_site_report_preview(uuid), public_site_post_preview(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public_site_home(text), public_site_post(text, text), public_site_post_image(text, text),
  public_site_report(text, uuid), public_site_figures(text), public_site_report_preview(uuid), public_site_post_preview(uuid) TO vigil_app, vigil_joint;

-- Down Migration
DROP FUNCTION public_site_post_preview(uuid);
DROP FUNCTION public_site_report_preview(uuid);
DROP FUNCTION public_site_figures(text);
DROP FUNCTION public_site_report(text, uuid);
DROP FUNCTION public_site_post_image(text, text);
DROP FUNCTION public_site_post(text, text);
DROP FUNCTION public_site_home(text);
DROP FUNCTION public_post_document(uuid, uuid);
DROP FUNCTION public_site_tenant(text);
DROP FUNCTION public_report_document(uuid, uuid);
DROP TABLE public_reports, public_post_translations, public_posts, public_sites;
