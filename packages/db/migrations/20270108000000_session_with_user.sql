-- Up Migration
-- Every signed-in request resolves its session token and then needs the user: two look-ups (the
-- definer session_by_id, then the user's row and two-factor state in a transaction as that user).
-- One definer function now answers both in one statement (issue 15, decision 0177). The rules of
-- decision 0160 are unchanged: one row by the public half of the token, no listing; the caller
-- still compares the secret's hash in constant time in Node before trusting anything the row says,
-- and renews or ends the session in the user's own scope. The user's workspaces (slug and name, for
-- the workspace switcher every workspace page shows) come with it: read under row-level security they
-- need a transaction of their own outside any workspace (decision 0178). Same rule as workspaces.mine:
-- a workspace awaiting deletion is listed only for its owners.
DROP FUNCTION session_by_id(text);

CREATE FUNCTION session_with_user(p_id text)
  RETURNS TABLE (id text, user_id uuid, secret_hash bytea, last_active_at timestamptz,
                 email text, name text, preferred_locale text, two_factor_enabled boolean, workspaces jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.user_id, s.secret_hash, s.last_active_at, u.email, u.name, u.preferred_locale, f.enabled_at IS NOT NULL,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name), '[]'::jsonb)
              FROM memberships m JOIN tenants t ON t.id = m.tenant_id
             WHERE m.user_id = s.user_id AND (t.deletion_requested_at IS NULL OR m.role = 'owner'))
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      LEFT JOIN user_two_factor f ON f.user_id = s.user_id
     WHERE s.id = p_id
  $$;
REVOKE EXECUTE ON FUNCTION session_with_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_with_user(text) TO vigil_app, vigil_joint;

-- Down Migration
DROP FUNCTION session_with_user(text);
CREATE FUNCTION session_by_id(p_id text) RETURNS TABLE (id text, user_id uuid, secret_hash bytea, last_active_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT s.id, s.user_id, s.secret_hash, s.last_active_at FROM sessions s WHERE s.id = p_id $$;
REVOKE EXECUTE ON FUNCTION session_by_id(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_by_id(text) TO vigil_app, vigil_joint;
