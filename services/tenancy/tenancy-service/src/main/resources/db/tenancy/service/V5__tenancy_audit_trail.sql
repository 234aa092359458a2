-- The tenancy audit trail: every change to who may do what (councils provisioned, suspended,
-- reinstated, archived or restored; users added, their roles changed, disabled or enabled; a
-- council's single sign-on settings) with who, when, which record and the record before and after
-- as JSON. council is the council the record belongs to (none for platform users), so a council's
-- admin reads their own council's part. Written in the same transaction as the change, never
-- changed after. council_status_change and council_sso_change stay as they are: they are the
-- histories their own routes show; this is the one place that holds every change.
CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    council      TEXT,
    record_type  TEXT        NOT NULL,
    record_id    TEXT        NOT NULL,
    change       TEXT        NOT NULL,
    before       JSONB,
    after        JSONB
);
CREATE INDEX audit_entry_council ON audit_entry (council, id);
CREATE INDEX audit_entry_record ON audit_entry (record_type, record_id, id);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the tenancy audit trail is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
