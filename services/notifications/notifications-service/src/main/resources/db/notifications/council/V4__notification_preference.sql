-- How each person of the council wants to hear about their actions: an email for each (IMMEDIATE,
-- the default for anyone not listed) or only the weekly digest (DIGEST). Escalations to a
-- programme manager are always sent as they happen.
CREATE TABLE notification_preference (
    email      TEXT PRIMARY KEY CHECK (email = lower(email)),
    mode       TEXT        NOT NULL CHECK (mode IN ('IMMEDIATE', 'DIGEST')),
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT
);
