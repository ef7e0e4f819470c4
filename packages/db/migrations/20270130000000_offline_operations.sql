-- Up Migration
-- Changes made offline (issue 18, decision 0210) carry an id the device generated. The server keeps
-- each applied id with what it answered, in the same transaction as the change itself, so a repeated
-- send (a flaky network, two tabs, a retry after a lost reply) is applied once and answered the same.
-- A change refused by a rule (bad input, not on the visit's team) rolls back and is not kept; a change
-- that met a newer answer is kept as `conflict` with the value the device sent, so nothing the
-- monitor typed is lost on the server even before they resolve it.
CREATE TABLE offline_operations (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  visit_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('answer', 'finding', 'photo')),
  outcome text NOT NULL CHECK (outcome IN ('applied', 'conflict')),
  -- What the device sent (the answer's value and note on a conflict) and what it was answered.
  sent jsonb NOT NULL,
  result jsonb NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visits (tenant_id, id)
);
CREATE INDEX offline_operations_tenant_visit_idx ON offline_operations (tenant_id, visit_id);

ALTER TABLE offline_operations ENABLE ROW LEVEL SECURITY;
ALTER TABLE offline_operations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offline_operations USING (tenant_id = (SELECT current_tenant_id()));
-- A device's operations are its user's: a colleague in the same workspace neither reads them nor
-- writes in their name (restrictive: both policies must pass).
CREATE POLICY own_operations ON offline_operations AS RESTRICTIVE
  USING (user_id = (SELECT current_user_id()))
  WITH CHECK (user_id = (SELECT current_user_id()));
-- The id is claimed first (INSERT ... ON CONFLICT DO NOTHING, so a second tab sending the same change
-- waits for the first to commit and then reads its answer), then the outcome is written: UPDATE of
-- those columns only. Kept as a record: never deleted by the application (the workspace's deletion cascades).
-- vigil_joint holds what vigil_app holds (decision 0121), though no joint procedure sends offline changes.
GRANT SELECT, INSERT ON offline_operations TO vigil_app, vigil_joint;
GRANT UPDATE (outcome, sent, result) ON offline_operations TO vigil_app, vigil_joint;

-- Down Migration
DROP TABLE offline_operations;
