-- Councils as tenancy announced them.
CREATE TABLE observed_council (
    slug            TEXT PRIMARY KEY,
    name            TEXT        NOT NULL,
    la_code         INTEGER,
    status          TEXT        NOT NULL,
    provisioned_at  TIMESTAMPTZ,
    activated_at    TIMESTAMPTZ,
    last_update_at  TIMESTAMPTZ
);

-- Each council's actions as the plans events last described them. The source position lets a
-- replay and the live listener meet without an older event overwriting a newer one.
CREATE TABLE observed_action (
    council          TEXT        NOT NULL,
    action_id        UUID        NOT NULL,
    ref              TEXT        NOT NULL,
    title            TEXT        NOT NULL,
    rag_status       TEXT        NOT NULL,
    due_date         DATE        NOT NULL,
    completed_on     DATE,
    overdue_since    DATE,
    updated_at       TIMESTAMPTZ NOT NULL,
    source_partition INTEGER     NOT NULL,
    source_offset    BIGINT      NOT NULL,
    PRIMARY KEY (council, action_id)
);
CREATE INDEX observed_action_due ON observed_action (council, due_date);
