-- Failed sign-ins counted per account (the email as typed, lower-case, whether or not an account
-- has it: a lock-out must not tell who has an account) and per client address, so that every
-- tenancy instance sees the same counts and a restart forgets nothing. A row whose window has
-- passed starts counting again from its next failure.
CREATE TABLE sign_in_throttle (
    kind               TEXT        NOT NULL CHECK (kind IN ('ACCOUNT', 'ADDRESS')),
    key                TEXT        NOT NULL,
    failures           INTEGER     NOT NULL,
    window_started_at  TIMESTAMPTZ NOT NULL,
    locked_until       TIMESTAMPTZ,
    PRIMARY KEY (kind, key)
);

-- Every lock-out, never updated: which account or address, after how many failures, until when.
CREATE TABLE sign_in_lockout (
    id            BIGSERIAL PRIMARY KEY,
    kind          TEXT        NOT NULL,
    key           TEXT        NOT NULL,
    failures      INTEGER     NOT NULL,
    locked_at     TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_lockout_key ON sign_in_lockout (kind, key, locked_at);
