-- Up Migration
-- A session records how it was signed in (decision 0265): second_factor_at is when this session
-- proved the account's second factor (the two-factor sign-in step, the step-up of an older session,
-- or turning two-factor on in it). "Requires two-factor" checks read this, not the account's flag:
-- a session signed in with the password alone before two-factor was turned on, or a stolen cookie
-- of one, no longer passes them. Existing sessions are left NULL: nothing records how they were
-- signed in, so each is asked for a code once.
ALTER TABLE sessions ADD COLUMN second_factor_at timestamptz(3);

-- session_with_user (20270108000000, with the operator flag of 20270170000000) now also says whether the session passed the factor of the
-- account's current enrolment: a mark older than the enrolment (two-factor turned off and on again)
-- does not count, and none counts while two-factor is off.
DROP FUNCTION session_with_user(text);
CREATE FUNCTION session_with_user(p_id text)
  RETURNS TABLE (id text, user_id uuid, secret_hash bytea, last_active_at timestamptz,
                 email text, name text, preferred_locale text, two_factor_enabled boolean, workspaces jsonb,
                 platform_operator boolean, second_factor_passed boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.user_id, s.secret_hash, s.last_active_at, u.email, u.name, u.preferred_locale, f.enabled_at IS NOT NULL,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name), '[]'::jsonb)
              FROM memberships m JOIN tenants t ON t.id = m.tenant_id
             WHERE m.user_id = s.user_id AND (t.deletion_requested_at IS NULL OR m.role = 'owner')),
           u.platform_operator_since IS NOT NULL,
           coalesce(s.second_factor_at >= f.enabled_at, false)
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      LEFT JOIN user_two_factor f ON f.user_id = s.user_id
     WHERE s.id = p_id
  $$;
REVOKE EXECUTE ON FUNCTION session_with_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_with_user(text) TO vigil_app, vigil_joint;

-- Down Migration
DROP FUNCTION session_with_user(text);
CREATE FUNCTION session_with_user(p_id text)
  RETURNS TABLE (id text, user_id uuid, secret_hash bytea, last_active_at timestamptz,
                 email text, name text, preferred_locale text, two_factor_enabled boolean, workspaces jsonb,
                 platform_operator boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.user_id, s.secret_hash, s.last_active_at, u.email, u.name, u.preferred_locale, f.enabled_at IS NOT NULL,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name), '[]'::jsonb)
              FROM memberships m JOIN tenants t ON t.id = m.tenant_id
             WHERE m.user_id = s.user_id AND (t.deletion_requested_at IS NULL OR m.role = 'owner')),
           u.platform_operator_since IS NOT NULL
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      LEFT JOIN user_two_factor f ON f.user_id = s.user_id
     WHERE s.id = p_id
  $$;
REVOKE EXECUTE ON FUNCTION session_with_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_with_user(text) TO vigil_app, vigil_joint;
ALTER TABLE sessions DROP COLUMN second_factor_at;
