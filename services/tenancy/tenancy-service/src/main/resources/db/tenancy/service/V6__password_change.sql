-- Every change of a person's own password (POST /auth/password): whose account, who changed it (the
-- token's subject), when and from which client address. Never the password or its hash.
CREATE TABLE password_change (
    id              BIGSERIAL   PRIMARY KEY,
    user_id         UUID        NOT NULL,
    changed_by      TEXT        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    client_address  TEXT        NOT NULL
);
CREATE INDEX password_change_user ON password_change (user_id, changed_at);
