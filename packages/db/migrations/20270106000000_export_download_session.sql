-- Up Migration

-- An export's ZIP is downloadable only by the session that started it, after re-authentication
-- (docs/decisions/0032, amendment): a later session of the owner (a stolen cookie) must not fetch it
-- without the password. No foreign key: a signed-out session's id simply matches no one's any more,
-- and sessions are account rows under their own row-level security (decision 0160).
ALTER TABLE workspace_exports ADD COLUMN requested_session_id text;

-- Down Migration
ALTER TABLE workspace_exports DROP COLUMN requested_session_id;
