-- Every email this service means to send for the council, and what became of it. A row is queued in
-- the same transaction as the event that asked for it; the sender moves it to SENT only after the
-- SMTP server accepted it, so the table is both the outgoing queue and the delivery log.
CREATE TABLE email_delivery (
    id               UUID PRIMARY KEY,
    -- What the email is about, e.g. OVERDUE/<action id>/<due date>: one email per key, whatever
    -- the number of events, retries, redeliveries or restarts.
    idempotency_key  TEXT        NOT NULL UNIQUE,
    kind             TEXT        NOT NULL CHECK (kind IN ('OVERDUE')),
    action_id        UUID,
    action_ref       TEXT,
    due_date         DATE,
    recipient        TEXT        NOT NULL,
    recipient_name   TEXT,
    message_id       TEXT        NOT NULL,
    subject          TEXT        NOT NULL,
    body_text        TEXT        NOT NULL,
    body_html        TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'CANCELLED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ
);
CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX email_delivery_newest ON email_delivery (created_at DESC);
CREATE INDEX email_delivery_action ON email_delivery (action_id, due_date);
