-- Each person whose password changed, with the credentials version tenancy announced
-- (CredentialsChanged): a token issued under an older version is refused by this service.
CREATE TABLE credentials_change (
    email               TEXT PRIMARY KEY,
    credentials_version INTEGER     NOT NULL,
    changed_at          TIMESTAMPTZ NOT NULL
);
-- the services load the changes of the last day (no token lives longer)
CREATE INDEX credentials_change_changed_at ON credentials_change (changed_at);
