-- Up Migration

-- The account tables under row-level security (issue 13 §5, docs/decisions/0160-account-tables-rls.md).
-- Until now users (with the password hashes), sessions and the account-security tables had none: the
-- application role, with no user and no tenant set, read every row. Now:
--  * each of them shows a user their OWN rows (app.user_id), and only those may be written;
--  * a user's profile (users row) is also shown to the members of a workspace that legitimately
--    sees that person (user_seen_by_current_workspace below);
--  * what must be found before anyone is signed in (a sign-in candidate by e-mail, a session or a
--    pending sign-in by its id, an e-mailed token by its hash) goes through narrow SECURITY DEFINER
--    functions that return one row and only the columns the caller needs.
-- Every function follows the rules of 20261231010000: search_path ending in pg_temp, no EXECUTE for
-- PUBLIC, EXECUTE for vigil_app and its copy vigil_joint.

-- 1. Own rows.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
-- Reading, changing and creating one's own account. Sign-up chooses the new user's id first and
-- sets it as app.user_id, so the insert (and its RETURNING) passes this policy.
CREATE POLICY own_account ON users
  USING (id = (SELECT current_user_id())) WITH CHECK (id = (SELECT current_user_id()));

DO $$
DECLARE
  account_table text;
BEGIN
  FOREACH account_table IN ARRAY ARRAY['sessions', 'user_two_factor', 'recovery_codes', 'pending_sign_ins', 'account_tokens', 'known_devices'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', account_table);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', account_table);
    EXECUTE format('CREATE POLICY own_rows ON %I USING (user_id = (SELECT current_user_id())) WITH CHECK (user_id = (SELECT current_user_id()))', account_table);
  END LOOP;
END $$;

-- 2. The people a workspace legitimately sees:
--  * inside a workspace (app.tenant_id), its members and anyone who acted in its audit log (a former
--    member's name stays on what they did). Exactly what tenant_isolation on memberships and
--    audit_events already shows such a transaction, so background jobs of the workspace (reminders,
--    export), which set the tenant but no user, keep the names and addresses they send to;
--  * across workspaces, only for a member of the current workspace: the members of a workspace it
--    works with on a joint visit the partner agreed to (accepted, or ended after accepting), and the
--    people nominated to such a visit. A host that merely invites a workspace learns none of its people.
-- SECURITY DEFINER: it reads other tenants' memberships, which the caller's own policies hide.
CREATE FUNCTION user_seen_by_current_workspace(target uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT current_tenant_id() IS NOT NULL AND (
      EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = current_tenant_id() AND m.user_id = target)
      OR EXISTS (SELECT 1 FROM audit_events a WHERE a.tenant_id = current_tenant_id() AND a.actor_id = target)
      OR (is_current_member() AND (
        EXISTS (SELECT 1 FROM visit_partner_members n
                 WHERE (n.tenant_id = current_tenant_id() OR n.partner_tenant_id = current_tenant_id()) AND n.user_id = target)
        OR EXISTS (SELECT 1 FROM memberships m
                     JOIN visit_partners p ON m.tenant_id IN (p.tenant_id, p.partner_tenant_id)
                    WHERE m.user_id = target
                      AND (p.tenant_id = current_tenant_id() OR p.partner_tenant_id = current_tenant_id())
                      AND (p.status = 'accepted' OR (p.status = 'ended' AND p.responded_at IS NOT NULL))))))
  $$;

CREATE POLICY seen_by_current_workspace ON users FOR SELECT
  USING (user_seen_by_current_workspace(id));

-- 3. Look-ups before sign-in. Each takes the secret-derived key the caller already holds and returns
-- one row; none lists anything.

-- Sign-in: the account's id and password hash for an exact (lower-case) address, nothing else.
CREATE FUNCTION sign_in_candidate(p_email text) RETURNS TABLE (id uuid, password_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.id, u.password_hash FROM users u WHERE u.email = p_email $$;

-- Password reset request: where to send the link, in which language. No hash.
CREATE FUNCTION password_reset_recipient(p_email text) RETURNS TABLE (id uuid, email text, preferred_locale text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.id, u.email, u.preferred_locale FROM users u WHERE u.email = p_email $$;

-- A session by its id (the public half of the token); the caller compares the secret's hash in
-- constant time, then renews or ends it in the user's own scope.
CREATE FUNCTION session_by_id(p_id text) RETURNS TABLE (id text, user_id uuid, secret_hash bytea, last_active_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT s.id, s.user_id, s.secret_hash, s.last_active_at FROM sessions s WHERE s.id = p_id $$;

-- The first half of a two-factor sign-in, by its id; same use as session_by_id.
CREATE FUNCTION pending_sign_in_by_id(p_id text) RETURNS TABLE (id text, user_id uuid, secret_hash bytea, expires_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT p.id, p.user_id, p.secret_hash, p.expires_at FROM pending_sign_ins p WHERE p.id = p_id $$;

-- An e-mailed link's token by its hash and purpose, with the account's current address (a link sent
-- to an old address is void). The token is then used up in the user's own scope.
CREATE FUNCTION account_token_by_hash(p_hash bytea, p_purpose text)
  RETURNS TABLE (user_id uuid, email text, account_email text, expires_at timestamptz, used_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.user_id, t.email, u.email, t.expires_at, t.used_at
      FROM account_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = p_hash AND t.purpose = p_purpose
  $$;

-- Inviting as admin or owner: is there an account at this address whose address is unverified
-- (decision 0031)? A yes/no, only for a member of the current workspace.
CREATE FUNCTION account_email_unverified(p_email text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT is_current_member() AND EXISTS (SELECT 1 FROM users u WHERE u.email = p_email AND u.email_verified_at IS NULL) $$;

DO $$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['user_seen_by_current_workspace(uuid)', 'sign_in_candidate(text)', 'password_reset_recipient(text)',
                           'session_by_id(text)', 'pending_sign_in_by_id(text)', 'account_token_by_hash(bytea, text)',
                           'account_email_unverified(text)'] LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO vigil_app, vigil_joint', f);
  END LOOP;
END $$;

-- Down Migration
DROP POLICY seen_by_current_workspace ON users;
DROP FUNCTION account_email_unverified(text), account_token_by_hash(bytea, text), pending_sign_in_by_id(text),
  session_by_id(text), password_reset_recipient(text), sign_in_candidate(text), user_seen_by_current_workspace(uuid);
DROP POLICY own_account ON users;
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
ALTER TABLE users DISABLE ROW LEVEL SECURITY;
DO $$
DECLARE
  account_table text;
BEGIN
  FOREACH account_table IN ARRAY ARRAY['sessions', 'user_two_factor', 'recovery_codes', 'pending_sign_ins', 'account_tokens', 'known_devices'] LOOP
    EXECUTE format('DROP POLICY own_rows ON %I', account_table);
    EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', account_table);
    EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', account_table);
  END LOOP;
END $$;
