CREATE TABLE improvement_action (
    id          UUID PRIMARY KEY,
    ref         TEXT        NOT NULL UNIQUE,
    title       TEXT        NOT NULL,
    lead_name   TEXT        NOT NULL,
    lead_email  TEXT        NOT NULL,
    due_date    DATE        NOT NULL,
    rag_status  TEXT        NOT NULL CHECK (rag_status IN ('BLUE', 'GREEN', 'AMBER', 'RED', 'GREY')),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL
);
CREATE INDEX improvement_action_due ON improvement_action (due_date) WHERE rag_status <> 'BLUE';

-- One row per action per due date it fell overdue against: the scan announces each exactly once.
CREATE TABLE action_overdue_notice (
    action_id    UUID NOT NULL REFERENCES improvement_action (id) ON DELETE CASCADE,
    due_date     DATE NOT NULL,
    detected_on  DATE NOT NULL,
    PRIMARY KEY (action_id, due_date)
);
