-- The notifications audit trail of a council: every change to what its schedule sends (settings)
-- and to how its people hear (preferences), with who, when, which record and the record before
-- and after as JSON. Written in the same transaction as the change, never changed after. What the
-- service sends is already in email_delivery; this holds what people changed.
CREATE TABLE notification_audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    record_type  TEXT        NOT NULL,
    record_id    TEXT        NOT NULL,
    change       TEXT        NOT NULL,
    before       JSONB,
    after        JSONB
);
CREATE INDEX notification_audit_entry_record ON notification_audit_entry (record_type, record_id, id);

CREATE FUNCTION notification_audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the notifications audit trail is append-only';
END;
$$;
CREATE TRIGGER notification_audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON notification_audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notification_audit_entry_is_append_only();
