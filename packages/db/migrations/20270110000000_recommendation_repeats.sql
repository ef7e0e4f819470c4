-- Up Migration
-- A recommendation may repeat an earlier one to the same place (issue 16 §3, decision 0192): the
-- drafter marks it in one click from the similar-recommendation hints, and both show the link.
-- Only a recommendation of a sent report can be repeated, and those are never deleted, so the key
-- needs no ON DELETE rule; it includes tenant_id, like every key here, so it cannot cross workspaces.
ALTER TABLE recommendations ADD COLUMN repeats_recommendation_id uuid;
ALTER TABLE recommendations ADD CONSTRAINT recommendations_repeats_fkey
  FOREIGN KEY (tenant_id, repeats_recommendation_id) REFERENCES recommendations (tenant_id, id);
ALTER TABLE recommendations ADD CONSTRAINT recommendations_repeats_not_itself CHECK (repeats_recommendation_id <> id);
-- "Repeated later as ..." on the earlier recommendation's page.
CREATE INDEX recommendations_tenant_repeats_idx ON recommendations (tenant_id, repeats_recommendation_id);

-- Down Migration
DROP INDEX recommendations_tenant_repeats_idx;
ALTER TABLE recommendations DROP COLUMN repeats_recommendation_id;
