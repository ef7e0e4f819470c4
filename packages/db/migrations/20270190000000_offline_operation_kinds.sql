-- Up Migration
-- Offline, findings can be edited and deleted, and a conflict can be settled by taking the other
-- person's answer (issue 18, decisions 0260 and 0261). Each is a change with its own device id,
-- applied once like the others: the kinds the table records grow by three.
ALTER TABLE offline_operations DROP CONSTRAINT offline_operations_kind_check;
ALTER TABLE offline_operations ADD CONSTRAINT offline_operations_kind_check
  CHECK (kind IN ('answer', 'finding', 'photo', 'findingEdit', 'findingDelete', 'takeTheirs'));

-- Down Migration
DELETE FROM offline_operations WHERE kind IN ('findingEdit', 'findingDelete', 'takeTheirs');
ALTER TABLE offline_operations DROP CONSTRAINT offline_operations_kind_check;
ALTER TABLE offline_operations ADD CONSTRAINT offline_operations_kind_check CHECK (kind IN ('answer', 'finding', 'photo'));
