-- Up Migration

-- Account security (issue #7): two-factor sign-in, recovery codes, the pending second step of a
-- sign-in, password reset and e-mail verification. All of these belong to a person, not a workspace:
-- global tables like sessions, with no row-level security; packages/api/src/services/ are their only writers.

-- A workspace can require two-factor sign-in of every member (owners and admins always need it).
ALTER TABLE tenants ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false;

ALTER TABLE users ADD COLUMN email_verified_at timestamptz(3);

-- The TOTP secret (RFC 6238). enabled_at stays NULL until the user has proved, with a code, that
-- their authenticator holds the secret.
CREATE TABLE user_two_factor (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  totp_secret bytea NOT NULL,
  enabled_at timestamptz(3),
  -- The last 30-second step whose code was accepted: a code seen once is refused again (replay).
  last_used_step bigint,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Only SHA-256 of each recovery code is stored; a used code keeps its row (used_at) for the record.
CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash bytea NOT NULL,
  used_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX recovery_codes_user_id_idx ON recovery_codes (user_id);

-- A password that was right, waiting for its second factor. It grants nothing but the right to
-- submit a code; the real session is created only after the code.
CREATE TABLE pending_sign_ins (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  secret_hash bytea NOT NULL,
  user_agent text,
  ip_address text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX pending_sign_ins_user_id_idx ON pending_sign_ins (user_id);

-- Single-use links sent by e-mail: password reset (1 hour) and address verification.
CREATE TABLE account_tokens (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
  email text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  used_at timestamptz(3)
);
CREATE INDEX account_tokens_user_id_idx ON account_tokens (user_id, purpose);

GRANT SELECT, INSERT, UPDATE, DELETE ON user_two_factor, recovery_codes, pending_sign_ins, account_tokens TO vigil_app;

-- Down Migration
DROP TABLE account_tokens, pending_sign_ins, recovery_codes, user_two_factor;
ALTER TABLE users DROP COLUMN email_verified_at;
ALTER TABLE tenants DROP COLUMN require_two_factor;
