-- Up Migration
-- The account menu shows the operator console's link to platform operators only (issue 19, ops
-- brief): whether the signed-in user is one comes with the session look-up every request already
-- makes (decision 0177), instead of a second query on every page. Only the flag: when someone became
-- an operator stays with the owner role's commands. The console's procedures still check the row
-- itself (decision 0231); this flag only decides whether a link is shown.
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

-- Down Migration
DROP FUNCTION session_with_user(text);
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
