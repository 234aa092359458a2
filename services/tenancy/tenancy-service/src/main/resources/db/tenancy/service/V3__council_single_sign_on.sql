-- A council's own OpenID Connect provider (single sign-on). The client secret is never stored:
-- client_secret_ref names where it is kept (an environment variable or a file of the secrets
-- directory, docs/runbooks/configure-council-sso.md). role_mapping is a JSON object from the
-- provider's value of roles_claim to one of our council roles.
CREATE TABLE council_sso (
    council            TEXT PRIMARY KEY REFERENCES registered_council (slug),
    issuer             TEXT        NOT NULL,
    client_id          TEXT        NOT NULL,
    client_secret_ref  TEXT        NOT NULL,
    scopes             TEXT[]      NOT NULL,
    roles_claim        TEXT        NOT NULL,
    role_mapping       TEXT        NOT NULL,
    enabled            BOOLEAN     NOT NULL,
    changed_by         TEXT        NOT NULL,
    changed_at         TIMESTAMPTZ NOT NULL
);

-- Every change of a council's SSO settings: who, when, and the settings before and after (JSON,
-- with the secret's reference only). Never updated.
CREATE TABLE council_sso_change (
    id          UUID PRIMARY KEY,
    council     TEXT        NOT NULL REFERENCES registered_council (slug),
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    before      TEXT,
    after       TEXT        NOT NULL
);
CREATE INDEX council_sso_change_council ON council_sso_change (council, changed_at);

-- A sign-in through a council's provider between its start and its callback. The state is the
-- key the browser brings back; the PKCE verifier and the nonce never leave tenancy. A row is used
-- once (finished_at) and is worthless after ten minutes.
CREATE TABLE sso_sign_in (
    state          TEXT PRIMARY KEY,
    council        TEXT        NOT NULL REFERENCES registered_council (slug),
    nonce          TEXT        NOT NULL,
    code_verifier  TEXT        NOT NULL,
    redirect_uri   TEXT        NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX sso_sign_in_started ON sso_sign_in (started_at);

-- Who a provider's subject is here: matched by (council, issuer, subject), never by the email alone
-- once linked. The council is the one whose settings started the sign-in.
CREATE TABLE sso_identity (
    id             UUID PRIMARY KEY,
    council        TEXT        NOT NULL REFERENCES registered_council (slug),
    issuer         TEXT        NOT NULL,
    subject        TEXT        NOT NULL,
    user_id        UUID        NOT NULL REFERENCES user_account (id),
    first_seen_at  TIMESTAMPTZ NOT NULL,
    last_seen_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (council, issuer, subject)
);
