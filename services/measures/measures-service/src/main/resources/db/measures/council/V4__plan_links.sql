-- What measures knows of the plans service's actions and plan items, kept from its events, and the
-- links a council draws between its measures and them ("this measure shows whether these actions
-- worked"), so that a board sees an action's RAG beside the status of the measures it should move.

CREATE TABLE plan_record (
    id            UUID PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('ACTION', 'ITEM')),
    programme_id  UUID,
    ref           TEXT        NOT NULL,
    title         TEXT        NOT NULL,
    -- an action's BLUE/GREEN/AMBER/RED/GREY as plans last reported it; null for a plan item
    rag_status    TEXT,
    completed_on  DATE,
    plan_item_id  UUID,
    level_name    TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- A measure linked to an action or a plan item. Both ends must exist: a removed plan item takes its
-- links with it.
CREATE TABLE measure_link (
    id          UUID PRIMARY KEY,
    measure_id  UUID        NOT NULL REFERENCES measure (id),
    record_id   UUID        NOT NULL REFERENCES plan_record (id) ON DELETE CASCADE,
    linked_by   TEXT        NOT NULL,
    linked_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT measure_link_once UNIQUE (measure_id, record_id)
);
CREATE INDEX measure_link_by_record ON measure_link (record_id);
