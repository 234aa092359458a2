-- The items of each council's plan (pillars, priorities, projects... in its own words), so the
-- board report can say where an action sits. A removed item stays as a tombstone.
CREATE TABLE observed_plan_item (
    council          TEXT        NOT NULL,
    item_id          UUID        NOT NULL,
    ref              TEXT        NOT NULL,
    title            TEXT        NOT NULL,
    level_name       TEXT,
    removed          BOOLEAN     NOT NULL DEFAULT false,
    source_partition INTEGER     NOT NULL,
    source_offset    BIGINT      NOT NULL,
    PRIMARY KEY (council, item_id)
);

ALTER TABLE observed_action ADD COLUMN plan_item_id UUID;
