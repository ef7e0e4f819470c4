-- Up Migration

-- Recommendation follow-up (issue 4 §2): documents on timeline entries, and the indexes the
-- recommendation lists, the place history and the follow-up visits are served by (each starts
-- with tenant_id, as row-level security filters on it first). docs/decisions/0085-recommendation-follow-up.md

-- A document that came with a timeline entry (an authority's letter, a photo from the follow-up
-- visit) is an attachment like any evidence file: same storage, same download route, same audit.
-- visit_id stays NOT NULL: it is the recommendation's visit, so the file belongs to that visit's record.
ALTER TABLE attachments ADD COLUMN recommendation_update_id uuid;
ALTER TABLE attachments ADD FOREIGN KEY (tenant_id, recommendation_update_id) REFERENCES recommendation_updates (tenant_id, id);
CREATE INDEX attachments_tenant_recommendation_update_idx ON attachments (tenant_id, recommendation_update_id) WHERE recommendation_update_id IS NOT NULL;

-- The list without filters, newest first: (created_at DESC, id DESC) keyset pages.
CREATE INDEX recommendations_tenant_created_idx ON recommendations (tenant_id, created_at, id);
-- The place history and the place filter page by the same key.
CREATE INDEX recommendations_tenant_place_created_idx ON recommendations (tenant_id, place_id, created_at, id);
-- Theme tags: a GIN index that still starts with tenant_id (btree_gin lets a scalar lead a GIN index).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX recommendations_tenant_theme_tags_idx ON recommendations USING gin (tenant_id, theme_tags);
-- The follow-up visits of a visit.
CREATE INDEX visits_tenant_follow_up_of_idx ON visits (tenant_id, follow_up_of_visit_id) WHERE follow_up_of_visit_id IS NOT NULL;
-- The verifications recorded on a follow-up visit.
CREATE INDEX recommendation_updates_tenant_visit_idx ON recommendation_updates (tenant_id, visit_id) WHERE visit_id IS NOT NULL;

-- Down Migration
DROP INDEX recommendation_updates_tenant_visit_idx, visits_tenant_follow_up_of_idx, recommendations_tenant_theme_tags_idx,
  recommendations_tenant_place_created_idx, recommendations_tenant_created_idx, attachments_tenant_recommendation_update_idx;
ALTER TABLE attachments DROP COLUMN recommendation_update_id;
