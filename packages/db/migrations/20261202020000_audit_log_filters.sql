-- Up Migration

-- The audit log page reads newest first with keyset pagination on (created_at, id), optionally
-- filtered by actor, action or record type: one index per way in, each starting with tenant_id.
DROP INDEX audit_events_tenant_id_created_at_idx;
CREATE INDEX audit_events_tenant_id_created_at_id_idx ON audit_events (tenant_id, created_at, id);
CREATE INDEX audit_events_tenant_id_actor_id_created_at_idx ON audit_events (tenant_id, actor_id, created_at);
CREATE INDEX audit_events_tenant_id_action_created_at_idx ON audit_events (tenant_id, action, created_at);
CREATE INDEX audit_events_tenant_id_target_type_created_at_idx ON audit_events (tenant_id, target_type, created_at);

-- Down Migration
DROP INDEX audit_events_tenant_id_target_type_created_at_idx;
DROP INDEX audit_events_tenant_id_action_created_at_idx;
DROP INDEX audit_events_tenant_id_actor_id_created_at_idx;
DROP INDEX audit_events_tenant_id_created_at_id_idx;
CREATE INDEX audit_events_tenant_id_created_at_idx ON audit_events (tenant_id, created_at);
