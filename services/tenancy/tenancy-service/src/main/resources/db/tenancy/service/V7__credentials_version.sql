-- How many times a person's credentials (their password) have changed. Each token carries the
-- number current when it was issued (claim credentialsVersion); tenancy refuses a token whose
-- number is older, so a password change ends the sessions and tokens issued before it.
ALTER TABLE user_account ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;
