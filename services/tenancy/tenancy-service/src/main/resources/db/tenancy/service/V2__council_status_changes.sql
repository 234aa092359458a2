-- Every suspension, reinstatement and archiving of a council: who, when, why. The current status is
-- registered_council.status; this is its history, never updated.
CREATE TABLE council_status_change (
    id           UUID PRIMARY KEY,
    slug         TEXT        NOT NULL REFERENCES registered_council (slug),
    from_status  TEXT        NOT NULL,
    to_status    TEXT        NOT NULL,
    reason       TEXT,
    changed_by   TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX council_status_change_slug ON council_status_change (slug, changed_at);
