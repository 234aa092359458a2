-- The council's notification settings, one row; absent until its admin first changes them (the
-- service's defaults apply until then).
CREATE TABLE notification_settings (
    id                   SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    reminders_enabled    BOOLEAN     NOT NULL,
    overdue_enabled      BOOLEAN     NOT NULL,
    repeats_enabled      BOOLEAN     NOT NULL,
    escalations_enabled  BOOLEAN     NOT NULL,
    reminder_days_before INTEGER     NOT NULL CHECK (reminder_days_before BETWEEN 1 AND 60),
    repeat_every_days    INTEGER     NOT NULL CHECK (repeat_every_days BETWEEN 1 AND 60),
    escalate_after_days  INTEGER     NOT NULL CHECK (escalate_after_days BETWEEN 1 AND 180),
    sender_name          TEXT,
    reply_to             TEXT,
    updated_at           TIMESTAMPTZ NOT NULL,
    updated_by           TEXT
);
