-- A council's improvement programme: what triggered it, who runs it, how often it reports.
CREATE TABLE programme (
    id                      UUID PRIMARY KEY,
    name                    TEXT        NOT NULL,
    trigger_kind            TEXT        NOT NULL CHECK (trigger_kind IN ('OFSTED_INSPECTION', 'IMPROVEMENT_NOTICE', 'PEER_REVIEW', 'OTHER')),
    trigger_date            DATE,
    trigger_judgement       TEXT,
    trigger_description     TEXT,
    improvement_board       TEXT,
    reporting_cadence       TEXT        NOT NULL CHECK (reporting_cadence IN ('MONTHLY', 'QUARTERLY')),
    manager_name            TEXT        NOT NULL,
    manager_email           TEXT        NOT NULL,
    level_names             TEXT[]      NOT NULL CHECK (cardinality(level_names) BETWEEN 1 AND 4),
    start_date              DATE        NOT NULL,
    end_date                DATE,
    -- each council may reword what a RAG colour means; NULL keeps the standard wording
    blue_means              TEXT,
    green_means             TEXT,
    amber_means             TEXT,
    red_means               TEXT,
    grey_means              TEXT,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL
);

-- An item of the plan tree above the actions (Pillar, Outcome, Category, Ofsted area...).
CREATE TABLE plan_item (
    id                UUID PRIMARY KEY,
    programme_id      UUID        NOT NULL REFERENCES programme (id),
    parent_id         UUID        REFERENCES plan_item (id),
    depth             INT         NOT NULL CHECK (depth BETWEEN 0 AND 3),
    position          INT         NOT NULL,
    ref               TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    description       TEXT,
    success_criteria  TEXT,
    owner             TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL,
    UNIQUE (programme_id, ref)
);
CREATE INDEX plan_item_programme ON plan_item (programme_id, depth, position);

ALTER TABLE improvement_action
    ADD COLUMN programme_id      UUID REFERENCES programme (id),
    ADD COLUMN parent_id         UUID REFERENCES plan_item (id),
    ADD COLUMN position          INT  NOT NULL DEFAULT 0,
    ADD COLUMN description       TEXT,
    ADD COLUMN success_criteria  TEXT,
    ADD COLUMN start_date        DATE,
    ADD COLUMN revised_due_date  DATE,
    ADD COLUMN completed_on      DATE,
    ADD COLUMN evidence_links    TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX improvement_action_programme ON improvement_action (programme_id, parent_id, position);
-- refs are unique within a programme (councils reuse 1.1.1 across programmes), and among the
-- actions that belong to no programme
ALTER TABLE improvement_action DROP CONSTRAINT improvement_action_ref_key;
CREATE UNIQUE INDEX improvement_action_programme_ref ON improvement_action (programme_id, ref) NULLS NOT DISTINCT;
DROP INDEX improvement_action_due;
CREATE INDEX improvement_action_effective_due ON improvement_action (COALESCE(revised_due_date, due_date))
    WHERE completed_on IS NULL AND rag_status <> 'BLUE';

-- One or more leads per action, in the order the council lists them.
CREATE TABLE action_lead (
    action_id   UUID NOT NULL REFERENCES improvement_action (id) ON DELETE CASCADE,
    position    INT  NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    role        TEXT,
    PRIMARY KEY (action_id, position)
);
INSERT INTO action_lead (action_id, position, name, email)
    SELECT id, 0, lead_name, lead_email FROM improvement_action;

-- Every revision of an action's due date, with its reason: the history is shown, never rewritten.
CREATE TABLE action_due_date_revision (
    id                 UUID PRIMARY KEY,
    action_id          UUID        NOT NULL REFERENCES improvement_action (id),
    previous_due_date  DATE        NOT NULL,
    new_due_date       DATE        NOT NULL,
    reason             TEXT        NOT NULL,
    revised_by         TEXT        NOT NULL,
    revised_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX action_due_date_revision_action ON action_due_date_revision (action_id, revised_at);

-- Progress reports: per period a RAG and a review note; the latest is the action's current RAG.
CREATE TABLE action_progress_report (
    id           UUID PRIMARY KEY,
    action_id    UUID        NOT NULL REFERENCES improvement_action (id),
    period       TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    rag_status   TEXT        NOT NULL CHECK (rag_status IN ('BLUE', 'GREEN', 'AMBER', 'RED', 'GREY')),
    note         TEXT,
    reported_by  TEXT        NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX action_progress_report_action ON action_progress_report (action_id, reported_at);

-- What drives the plan: Ofsted recommendations, Improvement Notice items, peer-review findings.
CREATE TABLE plan_driver (
    id            UUID PRIMARY KEY,
    programme_id  UUID        REFERENCES programme (id),
    kind          TEXT        NOT NULL CHECK (kind IN ('OFSTED_RECOMMENDATION', 'IMPROVEMENT_NOTICE', 'PEER_REVIEW', 'OTHER')),
    ref           TEXT        NOT NULL UNIQUE,
    text          TEXT        NOT NULL,
    timeframe     TEXT        CHECK (timeframe IN ('IMMEDIATELY', 'WITHIN_3_MONTHS', 'WITHIN_6_MONTHS', 'OTHER')),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL
);

CREATE TABLE plan_driver_action (
    driver_id  UUID NOT NULL REFERENCES plan_driver (id) ON DELETE CASCADE,
    action_id  UUID NOT NULL REFERENCES improvement_action (id) ON DELETE CASCADE,
    PRIMARY KEY (driver_id, action_id)
);
CREATE INDEX plan_driver_action_action ON plan_driver_action (action_id);

-- The audit trail: written in the same transaction as the change, and never changed after.
CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    record_type  TEXT        NOT NULL,
    record_id    TEXT        NOT NULL,
    change       TEXT        NOT NULL,
    before       JSONB,
    after        JSONB
);
CREATE INDEX audit_entry_record ON audit_entry (record_type, record_id, id);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
