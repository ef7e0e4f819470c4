import { randomUUID } from "node:crypto";
import type pg from "pg";

export type TenantFixture = { tenantId: string; userId: string; membershipId: string; invitationId: string; auditId: string };

/**
 * One row in EVERY tenant-owned table for a new tenant, written as the owner (bypassing RLS), so
 * the row-level-security test can prove each table's isolation. A migration that adds a table with
 * tenant_id must add a row here: the test fails for a table it finds empty.
 */
export async function createTenantRows(owner: pg.Client, label: string): Promise<TenantFixture> {
  const tenantId = randomUUID();
  const suffix = randomUUID().slice(0, 8);
  const one = async (sql: string, params: unknown[]) => (await owner.query<{ id: string }>(`${sql} RETURNING id`, params)).rows[0]!.id;

  const userId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x')", [`${label}-${suffix}@example.org`, label]);
  await owner.query("INSERT INTO tenants (id, slug, name, country_code, default_locale) VALUES ($1, $2, $3, 'RS', 'en')", [tenantId, `${label}-${suffix}`, label]);
  const membershipId = await one("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'owner')", [tenantId, userId]);
  const invitationId = await one(
    "INSERT INTO invitations (tenant_id, email, role, token_hash, expires_at) VALUES ($1, $2, 'monitor', $3, now() + interval '1 day')",
    [tenantId, `invitee-${suffix}@example.org`, Buffer.from(randomUUID())],
  );
  await owner.query("INSERT INTO workspace_billing (tenant_id, stripe_customer_id) VALUES ($1, $2)", [tenantId, `cus_${suffix}`]);
  await owner.query("INSERT INTO workspace_exports (tenant_id) VALUES ($1)", [tenantId]);
  const auditId = await one("INSERT INTO audit_events (tenant_id, action, target_type) VALUES ($1, 'test', 'tenant')", [tenantId]);

  // The visit (migration 20261130000000).
  const ministryId = await one("INSERT INTO authorities (tenant_id, kind, name) VALUES ($1, 'ministry', 'Ministry of Interior')", [tenantId]);
  const institutionId = await one("INSERT INTO authorities (tenant_id, kind, name, parent_id) VALUES ($1, 'institution', 'Police Department', $2)", [tenantId, ministryId]);
  const placeId = await one("INSERT INTO places (tenant_id, name, type, authority_id) VALUES ($1, 'Police Department Kruševac', 'police_custody', $2)", [tenantId, institutionId]);
  const templateId = await one("INSERT INTO checklist_templates (tenant_id, name, place_types) VALUES ($1, 'Police custody', '{police_custody}')", [tenantId]);
  const versionId = await one(
    "INSERT INTO checklist_template_versions (tenant_id, template_id, version, content, languages, published_at) VALUES ($1, $2, 1, '{}', '{en}', now())",
    [tenantId, templateId],
  );
  const visitId = await one(
    "INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, template_version_id) VALUES ($1, $2, 'ad_hoc', '2014-06-12', '2014-06-12', $3)",
    [tenantId, placeId, versionId],
  );
  await one("INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) VALUES ($1, $2, $3, 'lead')", [tenantId, visitId, userId]);
  const answerId = await one("INSERT INTO checklist_answers (tenant_id, visit_id, question_id, value) VALUES ($1, $2, 'q1', '\"yes\"')", [tenantId, visitId]);
  await one("INSERT INTO checklist_answer_revisions (tenant_id, answer_id, revision, value) VALUES ($1, $2, 1, '\"yes\"')", [tenantId, answerId]);
  await one("INSERT INTO interviews (tenant_id, visit_id, pseudonym, category, consent_given) VALUES ($1, $2, 'P-1', 'detainee', true)", [tenantId, visitId]);
  const findingId = await one("INSERT INTO findings (tenant_id, visit_id, theme, text, severity) VALUES ($1, $2, 'Custody records', 'Incomplete.', 'medium')", [tenantId, visitId]);
  await one(
    "INSERT INTO attachments (tenant_id, visit_id, finding_id, file_name, content_type, size_bytes, sha256, storage_key) VALUES ($1, $2, $3, 'cell.jpg', 'image/jpeg', 3, $4, 'k')",
    [tenantId, visitId, findingId, Buffer.alloc(32)],
  );

  // A change made offline, applied once by its device id (migration 20270130000000): its user's own row.
  await owner.query(
    "INSERT INTO offline_operations (tenant_id, id, user_id, visit_id, kind, outcome, sent, result) VALUES ($1, $2, $3, $4, 'answer', 'applied', '{}', '{}')",
    [tenantId, randomUUID(), userId, visitId],
  );

  // Reports and recommendations (migration 20261207000000).
  const reportId = await one("INSERT INTO reports (tenant_id, visit_id, language, status, sent_at) VALUES ($1, $2, 'sr-Cyrl', 'sent', now())", [tenantId, visitId]);
  const recommendationId = await one(
    "INSERT INTO recommendations (tenant_id, report_id, visit_id, place_id, number, text, due_date) VALUES ($1, $2, $3, $4, 1, 'Renovate the detention premises.', '2014-08-15')",
    [tenantId, reportId, visitId, placeId],
  );
  await owner.query("INSERT INTO recommendation_addressees (tenant_id, recommendation_id, authority_id) VALUES ($1, $2, $3)", [tenantId, recommendationId, institutionId]);
  await one(
    "INSERT INTO recommendation_updates (tenant_id, recommendation_id, occurred_on, source, authority_id, resulting_status, text) VALUES ($1, $2, '2014-08-20', 'authority_response', $3, 'in_progress', 'Lack of material resources.')",
    [tenantId, recommendationId, institutionId],
  );
  await owner.query("INSERT INTO recommendation_reminders (tenant_id, recommendation_id) VALUES ($1, $2)", [tenantId, recommendationId]);

  // Joint visits (migration 20261220000000): a partner workspace of its own (neither A nor B), so
  // the participation rows exist without opening anything to the other fixture tenant.
  const partnerTenantId = randomUUID();
  await owner.query("INSERT INTO tenants (id, slug, name, country_code, default_locale, allow_joint_visits) VALUES ($1, $2, $3, 'UA', 'uk', true)", [partnerTenantId, `${label}-partner-${suffix}`, `${label} partner`]);
  const partnerUserId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x')", [`${label}-partner-${suffix}@example.org`, `${label} partner`]);
  await one("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'monitor')", [partnerTenantId, partnerUserId]);
  await owner.query("INSERT INTO visit_partners (tenant_id, visit_id, partner_tenant_id, status, invited_by_id, responded_at) VALUES ($1, $2, $3, 'accepted', $4, now())", [tenantId, visitId, partnerTenantId, userId]);
  await owner.query("INSERT INTO visit_partner_members (tenant_id, visit_id, partner_tenant_id, user_id, visit_role) VALUES ($1, $2, $3, $4, 'monitor')", [tenantId, visitId, partnerTenantId, partnerUserId]);
  // The library and forums (migration 20261221000000). The publication is scoped to the tenant's own
  // forum: a library-wide one is visible to every workspace by design (tested in the library tests).
  const forumId = await one("INSERT INTO forums (tenant_id, name, starts_on, place) VALUES ($1, 'SEE OPCAT Forum', '2014-11-27', 'Belgrade')", [tenantId]);
  await owner.query("INSERT INTO forum_participants (tenant_id, forum_id, participant_tenant_id, status) VALUES ($1, $2, $1, 'accepted')", [tenantId, forumId]);
  await one("INSERT INTO forum_agenda_items (tenant_id, forum_id, position, title) VALUES ($1, $2, 1, 'Opening')", [tenantId, forumId]);
  await one("INSERT INTO forum_documents (tenant_id, forum_tenant_id, forum_id, title) VALUES ($1, $1, $2, 'Conclusions')", [tenantId, forumId]);
  const publicationId = await one(
    "INSERT INTO library_publications (tenant_id, template_id, template_version_id, version, name, languages, content, forum_tenant_id, forum_id) VALUES ($1, $2, $3, 1, 'Police custody', '{en}', '{}', $1, $4)",
    [tenantId, templateId, versionId, forumId],
  );
  await owner.query(
    "INSERT INTO template_imports (tenant_id, template_id, publisher_tenant_id, publisher_name, source_template_id, source_publication_id, source_version, base_content) VALUES ($1, $2, $1, 'Self', $2, $3, 1, '{}')",
    [tenantId, templateId, publicationId],
  );

  // The public site (migration 20270120000000): on, one published post and the report published.
  await owner.query("INSERT INTO public_sites (tenant_id, enabled, languages) VALUES ($1, true, '{en}')", [tenantId]);
  const postId = await one("INSERT INTO public_posts (tenant_id, slug, published_at, report_id) VALUES ($1, 'night-visit', now(), $2)", [tenantId, reportId]);
  await owner.query("INSERT INTO public_post_translations (tenant_id, post_id, language, title, body) VALUES ($1, $2, 'en', 'Night visit', 'Text.')", [tenantId, postId]);
  await owner.query("INSERT INTO public_reports (tenant_id, report_id, published_at) VALUES ($1, $2, now())", [tenantId, reportId]);
  // A joint visit hosted by a workspace of its own, in which this tenant is the accepted partner, and
  // its mention on this tenant's public site (migration 20270180000000).
  const hostTenantId = randomUUID();
  await owner.query("INSERT INTO tenants (id, slug, name, country_code, default_locale, allow_joint_visits) VALUES ($1, $2, $3, 'RS', 'sr-Cyrl', true)", [hostTenantId, `${label}-host-${suffix}`, `${label} host`]);
  const hostPlaceId = await one("INSERT INTO places (tenant_id, name, type) VALUES ($1, 'District Prison', 'police_custody')", [hostTenantId]);
  const hostVisitId = await one("INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end) VALUES ($1, $2, 'ad_hoc', '2014-12-23', '2014-12-23')", [hostTenantId, hostPlaceId]);
  await owner.query("INSERT INTO visit_partners (tenant_id, visit_id, partner_tenant_id, status, responded_at) VALUES ($1, $2, $3, 'accepted', now())", [hostTenantId, hostVisitId, tenantId]);
  await owner.query("INSERT INTO public_joint_mentions (tenant_id, host_tenant_id, visit_id) VALUES ($1, $2, $3)", [tenantId, hostTenantId, hostVisitId]);

  return { tenantId, userId, membershipId, invitationId, auditId };
}
