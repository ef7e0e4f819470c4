-- Up Migration
-- A photo can document one question of the visit's checklist (issue 16, section 4): the question's
-- id in the visit's template version (templates/content.ts contentId). The application checks that
-- the question belongs to the visit's checklist; the table's row-level security is unchanged.
ALTER TABLE attachments
  ADD COLUMN question_id text CHECK (question_id ~ '^[a-z0-9][a-z0-9_-]{0,63}$');

-- Down Migration
ALTER TABLE attachments DROP COLUMN question_id;
