-- Up Migration

-- TOTP secrets encrypted by the application (docs/decisions/0161-totp-secrets-encrypted.md): the
-- id of the interview-notes key that encrypted totp_secret; NULL marks a raw secret written before
-- this migration, which the application encrypts at start-up (encryptRawTotpSecrets).
ALTER TABLE user_two_factor ADD COLUMN totp_secret_key_id text;

-- Down Migration
ALTER TABLE user_two_factor DROP COLUMN totp_secret_key_id;
