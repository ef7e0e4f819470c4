-- Up Migration

-- Browsers a user has signed in from, named by a long-lived random cookie (only its SHA-256 is kept).
-- A sign-in from a browser not listed here sends the user a notice by e-mail.
CREATE TABLE known_devices (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_hash bytea NOT NULL,
  first_seen_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, device_hash)
);

GRANT SELECT, INSERT, DELETE ON known_devices TO vigil_app;

-- Down Migration
DROP TABLE known_devices;
