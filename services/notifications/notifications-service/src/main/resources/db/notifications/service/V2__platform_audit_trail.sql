-- The notifications service's platform-wide changes (a year's bank holidays replaced by the
-- platform admin), audited as council changes are: who, when, what before and after. Written in
-- the same transaction as the change, never changed after.
CREATE TABLE platform_audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    record_type  TEXT        NOT NULL,
    record_id    TEXT        NOT NULL,
    change       TEXT        NOT NULL,
    before       JSONB,
    after        JSONB
);

CREATE FUNCTION platform_audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the platform audit trail is append-only';
END;
$$;
CREATE TRIGGER platform_audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON platform_audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_entry_is_append_only();
