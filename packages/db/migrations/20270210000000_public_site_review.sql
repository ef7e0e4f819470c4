-- Up Migration

-- Review of the public site (docs/decisions/0268, amends 0201).
-- 1. The public report leaves the visit's findings out: they are monitors' free text, may name
--    detainees, and the NPM could neither see them in its preview nor withhold them. The public
--    document is now what the public page shows: summary, dates, place and the recommendations not
--    withheld (the PDF is rendered from the same document).
-- 2. A report not yet prepared for the site (no public_reports row) previewed without any
--    recommendation: `x = ANY (NULL)` is NULL, so NOT of it dropped every row. Nothing withheld
--    yet now means nothing withheld, as publishing will make it.
CREATE OR REPLACE FUNCTION public_report_document(p_tenant uuid, p_report uuid) RETURNS jsonb
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT jsonb_build_object(
      'id', r.id, 'language', r.language, 'summary', r.summary, 'sentAt', r.sent_at,
      'publishedAt', pr.published_at,
      'visit', jsonb_build_object('startsOn', v.planned_start, 'endsOn', v.planned_end, 'type', v.type, 'nightVisit', v.night_visit, 'announced', v.announced),
      'place', jsonb_build_object('id', pl.id, 'name', pl.name, 'names', pl.name_translations, 'type', pl.type, 'municipality', pl.municipality),
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
               AND NOT (u.id = ANY (coalesce(pr.withheld_update_ids, '{}')))), '[]'::jsonb))
          ORDER BY rc.number)
          FROM recommendations rc
         WHERE rc.tenant_id = r.tenant_id AND rc.report_id = r.id
           AND NOT (rc.id = ANY (coalesce(pr.withheld_recommendation_ids, '{}')))), '[]'::jsonb))
      FROM reports r
      JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id
      JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
      LEFT JOIN public_reports pr ON pr.tenant_id = r.tenant_id AND pr.report_id = r.id
     WHERE r.tenant_id = p_tenant AND r.id = p_report AND r.status = 'sent'
  $$;

-- 3. A suspended workspace's site goes offline like one awaiting deletion (decision 0231): every
--    public_site_* function asks this one, so each of its pages reads as the one 404.
CREATE OR REPLACE FUNCTION public_site_tenant(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT t.id FROM tenants t JOIN public_sites s ON s.tenant_id = t.id
     WHERE t.slug = p_slug AND s.enabled AND t.deletion_requested_at IS NULL AND t.suspended_at IS NULL
  $$;

-- Down Migration
CREATE OR REPLACE FUNCTION public_report_document(p_tenant uuid, p_report uuid) RETURNS jsonb
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

CREATE OR REPLACE FUNCTION public_site_tenant(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT t.id FROM tenants t JOIN public_sites s ON s.tenant_id = t.id
     WHERE t.slug = p_slug AND s.enabled AND t.deletion_requested_at IS NULL
  $$;
