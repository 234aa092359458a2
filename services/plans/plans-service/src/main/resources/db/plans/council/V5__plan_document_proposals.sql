-- A council's own Word plan uploaded for onboarding: the document itself (read again when the
-- column mapping changes, on confirm and for the template download), the mapping choices made for
-- it, and the proposal as last shown (served as is by GET).
CREATE TABLE plan_document_proposal (
    id            UUID PRIMARY KEY,
    file_name     TEXT        NOT NULL,
    document      BYTEA       NOT NULL,
    mapping       JSONB       NOT NULL,
    proposal      JSONB       NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED')),
    programme_id  UUID        REFERENCES programme (id),
    uploaded_by   TEXT        NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL,
    confirmed_by  TEXT,
    confirmed_at  TIMESTAMPTZ
);

-- The council's column choices, by header text (lower case), applied to its next uploads.
CREATE TABLE plan_document_column (
    header      TEXT PRIMARY KEY,
    role        TEXT        NOT NULL,
    chosen_by   TEXT        NOT NULL,
    chosen_at   TIMESTAMPTZ NOT NULL
);
