-- Up Migration

-- Indexes for the dashboard's aggregates (issue 4 §3, §5). Each starts with tenant_id and carries
-- the columns the aggregate reads, so PostgreSQL answers from the index alone (index-only scans):
-- the row-level-security condition on tenant_id then becomes the index condition, evaluated once,
-- instead of a filter evaluated on every row of a sequential scan. Measured with `pnpm bench`.

-- Recommendations by visit with their status, place and due date: status counts and
-- implementation rates, joined to visits for the year of the visit.
CREATE INDEX recommendations_tenant_visit_outcome_idx ON recommendations (tenant_id, visit_id) INCLUDE (id, place_id, status, due_date);

-- Visits by date with their place and status: visits per place type per year, the year filter.
CREATE INDEX visits_tenant_start_place_idx ON visits (tenant_id, planned_start) INCLUDE (id, place_id, status);

-- Down Migration
DROP INDEX visits_tenant_start_place_idx;
DROP INDEX recommendations_tenant_visit_outcome_idx;
