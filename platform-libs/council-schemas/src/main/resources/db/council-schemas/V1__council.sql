-- The councils whose schema this service serves, as this service learned of them.
CREATE TABLE council (
    slug            TEXT PRIMARY KEY,
    name            TEXT,
    la_code         INTEGER,
    schema_version  TEXT,
    ready_at        TIMESTAMPTZ
);
