-- The platform's register of councils. The slug names the council everywhere (URLs, tokens, events)
-- and its schema, council_<slug>; the DfE local-authority code identifies it to the DfE.
CREATE TABLE registered_council (
    slug          TEXT PRIMARY KEY CHECK (slug ~ '^[a-z][a-z0-9-]{1,40}$'),
    name          TEXT        NOT NULL,
    la_code       INTEGER     NOT NULL UNIQUE CHECK (la_code BETWEEN 100 AND 999),
    status        TEXT        NOT NULL CHECK (status IN ('PROVISIONING', 'ACTIVE', 'SUSPENDED', 'ARCHIVED')),
    created_at    TIMESTAMPTZ NOT NULL,
    activated_at  TIMESTAMPTZ
);

-- Each service's answer that its tables are in the council's schema (CouncilSchemaReady).
CREATE TABLE council_service_readiness (
    slug            TEXT        NOT NULL REFERENCES registered_council (slug),
    service         TEXT        NOT NULL,
    schema_version  TEXT        NOT NULL,
    ready_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (slug, service)
);

-- People who sign in. Council users belong to one council; platform admins and DfE observers to
-- none (observers read the councils in their scope). Emails are stored lower-case, which makes
-- them unique whatever the case they were typed in.
CREATE TABLE user_account (
    id              UUID PRIMARY KEY,
    email           TEXT        NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name    TEXT        NOT NULL,
    password_hash   TEXT        NOT NULL,
    council         TEXT        REFERENCES registered_council (slug),
    roles           TEXT[]      NOT NULL,
    observer_scope  TEXT[]      NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL,
    disabled        BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX user_account_council ON user_account (council) WHERE council IS NOT NULL;
