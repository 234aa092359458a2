-- What this service knows of each action of the council, from the plans service's action events:
-- enough to decide, day by day, who is reminded, chased or escalated to without asking plans.
CREATE TABLE tracked_action (
    action_id               UUID PRIMARY KEY,
    ref                     TEXT        NOT NULL,
    title                   TEXT        NOT NULL,
    -- The action's leads as a JSON array of {name, email, role}, in the plan's order.
    leads                   JSONB       NOT NULL DEFAULT '[]',
    start_date              DATE,
    -- The effective due date: the revised one if the date was revised.
    due_date                DATE        NOT NULL,
    rag_status              TEXT,
    completed_on            DATE,
    programme_id            UUID,
    programme_manager_name  TEXT,
    programme_manager_email TEXT,
    last_note               TEXT,
    last_note_period        TEXT,
    updated_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX tracked_action_open ON tracked_action (due_date) WHERE completed_on IS NULL;

-- Every kind of email the schedule sends; the key now also names the period and the recipient.
ALTER TABLE email_delivery DROP CONSTRAINT email_delivery_kind_check;
ALTER TABLE email_delivery ADD CONSTRAINT email_delivery_kind_check
    CHECK (kind IN ('REMINDER', 'OVERDUE', 'OVERDUE_REPEAT', 'ESCALATION', 'DIGEST'));
