-- Up Migration

-- A recommendation drafted in a report can be taken out again before the report is sent (the
-- service refuses it afterwards: a sent recommendation is a record). Its addressees go with it.
GRANT DELETE ON recommendations TO vigil_app;

-- Down Migration
REVOKE DELETE ON recommendations FROM vigil_app;
