-- Up Migration

-- Distribution by tenant (issue 19 section 5; docs/decisions/0245-distribution-by-tenant.md): every
-- unique constraint of a tenant table starts with tenant_id, so that a sharded PostgreSQL (Citus) can
-- enforce it on one node. The invitation token was unique across the whole platform; it becomes
-- unique within its workspace. Nothing is lost: the token holds 240 random bits, so two workspaces
-- never draw the same one, and the acceptance page (which knows no workspace yet) still finds the
-- invitation through the plain index below.
ALTER TABLE invitations DROP CONSTRAINT invitations_token_hash_key;
ALTER TABLE invitations ADD CONSTRAINT invitations_tenant_id_token_hash_key UNIQUE (tenant_id, token_hash);
CREATE INDEX invitations_token_hash_idx ON invitations (token_hash);

-- Down Migration
DROP INDEX invitations_token_hash_idx;
ALTER TABLE invitations DROP CONSTRAINT invitations_tenant_id_token_hash_key;
ALTER TABLE invitations ADD CONSTRAINT invitations_token_hash_key UNIQUE (token_hash);
