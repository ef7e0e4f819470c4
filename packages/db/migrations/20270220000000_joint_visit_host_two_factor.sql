-- Up Migration

-- A host that requires two-factor sign-in of every member requires it of the partners' nominees on
-- its joint visits too (decision 0249): the partner's own workspace rule was the only one checked, so
-- a nominee signed in with the password alone could read and write the host's visit. The host's
-- tenants row is hidden from the partner (row-level security), so the rule comes through this
-- definer function, for the visit the transaction has opened (joint_visit_host()) and nothing else.
CREATE FUNCTION joint_visit_host_requires_two_factor() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce((SELECT t.require_two_factor FROM tenants t WHERE t.id = joint_visit_host()), false)
  $$;
REVOKE EXECUTE ON FUNCTION joint_visit_host_requires_two_factor() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION joint_visit_host_requires_two_factor() TO vigil_app, vigil_joint;

-- Down Migration
DROP FUNCTION joint_visit_host_requires_two_factor();
