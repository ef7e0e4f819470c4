-- Up Migration

-- A partner's mention of a joint visit on its own public site (issue 17: "Joint visits and forums
-- appear on a partner's site only when the host has published the report and the partner chose to
-- mention it"; docs/decisions/0257). The row is the partner's choice (tenant_id = the partner); it
-- names the host's visit through the partner's participation (visit_partners), and the database
-- accepts it only while that participation is accepted: the invitation is the only grant across the
-- two workspaces, read under the partner's own row-level security. Whether the host has published
-- the report is never stored here: the visitor's function below reads it at each build, so the
-- host's unpublishing hides the mention at once.
CREATE TABLE public_joint_mentions (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  host_tenant_id uuid NOT NULL,
  visit_id uuid NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, host_tenant_id, visit_id),
  FOREIGN KEY (host_tenant_id, visit_id, tenant_id) REFERENCES visit_partners (tenant_id, visit_id, partner_tenant_id) ON DELETE CASCADE
);

ALTER TABLE public_joint_mentions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_joint_mentions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public_joint_mentions USING (tenant_id = (SELECT current_tenant_id()));
-- Only a partner whose participation is accepted may mention the visit. visit_partners is read here
-- with the partner's rights (its partner_reads policy): no other workspace's row can satisfy it.
CREATE POLICY partner_took_part ON public_joint_mentions AS RESTRICTIVE FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM visit_partners vp
                       WHERE vp.tenant_id = public_joint_mentions.host_tenant_id AND vp.visit_id = public_joint_mentions.visit_id
                         AND vp.partner_tenant_id = public_joint_mentions.tenant_id AND vp.status = 'accepted'));
GRANT SELECT, INSERT, DELETE ON public_joint_mentions TO vigil_app, vigil_joint;

-- The public form of a host's joint visit: the host's name and site, the published report's id, the
-- place and the dates; NULL unless the host's site is on and the visit's report is published there.
-- Invoker rights, EXECUTE revoked from PUBLIC: called by the definer functions below only.
CREATE FUNCTION public_joint_visit_document(p_host uuid, p_visit uuid) RETURNS jsonb
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT jsonb_build_object(
      'hostName', t.name, 'hostSlug', t.slug, 'reportId', r.id,
      'startsOn', v.planned_start, 'endsOn', v.planned_end,
      'place', jsonb_build_object('name', pl.name, 'names', pl.name_translations, 'type', pl.type))
      FROM reports r
      JOIN public_reports pr ON pr.tenant_id = r.tenant_id AND pr.report_id = r.id AND pr.published_at <= now()
      JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id
      JOIN places pl ON pl.tenant_id = v.tenant_id AND pl.id = v.place_id
      JOIN tenants t ON t.id = r.tenant_id
     WHERE r.tenant_id = p_host AND r.visit_id = p_visit AND r.status = 'sent'
       AND public_site_tenant(t.slug) = t.id
     ORDER BY r.sent_at DESC
     LIMIT 1
  $$;

-- A site's mentioned joint visits as a visitor sees them: only those whose participation is still
-- accepted and whose host has published the report (newest visit first); NULL when the site is off.
CREATE FUNCTION public_site_joint_visits(p_slug text) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT CASE WHEN public_site_tenant(p_slug) IS NULL THEN NULL ELSE coalesce((
      SELECT jsonb_agg(d.document ORDER BY d.document->>'startsOn' DESC, d.document->>'reportId')
        FROM (SELECT public_joint_visit_document(m.host_tenant_id, m.visit_id) AS document
                FROM public_joint_mentions m
                JOIN visit_partners vp ON vp.tenant_id = m.host_tenant_id AND vp.visit_id = m.visit_id
                                      AND vp.partner_tenant_id = m.tenant_id AND vp.status = 'accepted'
               WHERE m.tenant_id = public_site_tenant(p_slug)) d
       WHERE d.document IS NOT NULL), '[]'::jsonb) END
  $$;

-- For the partner's coordinator (a member of the current workspace; the procedure asks for the
-- role): the joint visits it took part in (accepted participations, read through visit_partners),
-- each with whether it is mentioned and the host's public form of it, NULL while unpublished.
CREATE FUNCTION public_joint_mentionable() RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
             'hostTenantId', vp.tenant_id, 'visitId', vp.visit_id, 'hostName', t.name,
             'startsOn', v.planned_start, 'endsOn', v.planned_end,
             'mentioned', EXISTS (SELECT 1 FROM public_joint_mentions m
                                   WHERE m.tenant_id = vp.partner_tenant_id AND m.host_tenant_id = vp.tenant_id AND m.visit_id = vp.visit_id),
             'public', public_joint_visit_document(vp.tenant_id, vp.visit_id))
             ORDER BY v.planned_start DESC, vp.visit_id), '[]'::jsonb)
      FROM visit_partners vp
      JOIN visits v ON v.tenant_id = vp.tenant_id AND v.id = vp.visit_id
      JOIN tenants t ON t.id = vp.tenant_id
     WHERE vp.partner_tenant_id = current_tenant_id() AND vp.status = 'accepted' AND is_current_member()
  $$;

REVOKE EXECUTE ON FUNCTION public_joint_visit_document(uuid, uuid), public_site_joint_visits(text), public_joint_mentionable() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public_site_joint_visits(text), public_joint_mentionable() TO vigil_app, vigil_joint;

-- Down Migration
DROP FUNCTION public_joint_mentionable();
DROP FUNCTION public_site_joint_visits(text);
DROP FUNCTION public_joint_visit_document(uuid, uuid);
DROP TABLE public_joint_mentions;
