-- The measures audit trail: every write to a council's measures (definitions, edits, targets,
-- values single or imported, comparators, plan links, imports) with who, when, which record and
-- the record before and after as JSON. Written in the same transaction as the change, never changed
-- after (the trigger below). measure_id lets a board read one measure's whole story at once.
CREATE TABLE measure_audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    record_type  TEXT        NOT NULL,
    record_id    TEXT        NOT NULL,
    measure_id   UUID,
    change       TEXT        NOT NULL,
    before       JSONB,
    after        JSONB
);
CREATE INDEX measure_audit_entry_record ON measure_audit_entry (record_type, record_id, id);
CREATE INDEX measure_audit_entry_measure ON measure_audit_entry (measure_id, id);

CREATE FUNCTION measure_audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the measures audit trail is append-only';
END;
$$;
CREATE TRIGGER measure_audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON measure_audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION measure_audit_entry_is_append_only();
