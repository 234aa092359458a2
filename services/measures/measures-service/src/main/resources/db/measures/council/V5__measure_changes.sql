-- Every change made to a measure's definition after it was defined: which field, what it was, what
-- it became, who changed it and when, so that a board can see why a measure reads differently now.
CREATE TABLE measure_change (
    id          UUID PRIMARY KEY,
    measure_id  UUID        NOT NULL REFERENCES measure (id),
    field       TEXT        NOT NULL,
    previous    TEXT,
    value       TEXT,
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX measure_change_by_measure ON measure_change (measure_id, changed_at);
