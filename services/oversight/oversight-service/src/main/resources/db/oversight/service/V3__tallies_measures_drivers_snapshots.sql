-- Each council's programme at a glance, kept by the projections in the same transaction as the
-- event that changed it, so the observer dashboard is one small read. Overdue and due-soon counts
-- depend on the day: as_of says which day they were counted for; a reader finding an older day
-- recounts those councils first (and a job does so just after midnight).
CREATE TABLE council_tally (
    council                 TEXT PRIMARY KEY,
    total                   INTEGER NOT NULL DEFAULT 0,
    blue                    INTEGER NOT NULL DEFAULT 0,
    green                   INTEGER NOT NULL DEFAULT 0,
    amber                   INTEGER NOT NULL DEFAULT 0,
    red                     INTEGER NOT NULL DEFAULT 0,
    grey                    INTEGER NOT NULL DEFAULT 0,
    overdue                 INTEGER NOT NULL DEFAULT 0,
    due_soon                INTEGER NOT NULL DEFAULT 0,
    as_of                   DATE,
    last_action_at          TIMESTAMPTZ,
    measures_green          INTEGER NOT NULL DEFAULT 0,
    measures_amber          INTEGER NOT NULL DEFAULT 0,
    measures_red            INTEGER NOT NULL DEFAULT 0,
    measures_grey           INTEGER NOT NULL DEFAULT 0,
    last_measure_at         TIMESTAMPTZ,
    drivers                 INTEGER NOT NULL DEFAULT 0,
    drivers_without_action  INTEGER NOT NULL DEFAULT 0,
    last_driver_at          TIMESTAMPTZ
);
CREATE INDEX council_tally_as_of ON council_tally (as_of);

-- A council's RAG counts as at the end of each month (its reporting period): the counts after the
-- last action event that happened in the month.
CREATE TABLE rag_snapshot (
    council  TEXT    NOT NULL,
    period   TEXT    NOT NULL,
    total    INTEGER NOT NULL,
    blue     INTEGER NOT NULL,
    green    INTEGER NOT NULL,
    amber    INTEGER NOT NULL,
    red      INTEGER NOT NULL,
    grey     INTEGER NOT NULL,
    PRIMARY KEY (council, period)
);

-- Each period's value of each measure, as the measures events last described it.
CREATE TABLE observed_measure_value (
    council          TEXT        NOT NULL,
    measure_id       UUID        NOT NULL,
    period           TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    unit             TEXT,
    polarity         TEXT,
    value            NUMERIC     NOT NULL,
    revision         INTEGER     NOT NULL DEFAULT 0,
    status           TEXT,
    target           NUMERIC,
    lower_bound      NUMERIC,
    upper_bound      NUMERIC,
    updated_at       TIMESTAMPTZ NOT NULL,
    source_partition INTEGER     NOT NULL,
    source_offset    BIGINT      NOT NULL,
    PRIMARY KEY (council, measure_id, period)
);

-- The drivers of each council's plan (Ofsted recommendations, Improvement Notice items...) and
-- how many actions answer each. A removed driver stays as a tombstone, so that an older event
-- replayed after its removal cannot bring it back.
CREATE TABLE observed_driver (
    council          TEXT        NOT NULL,
    driver_id        UUID        NOT NULL,
    kind             TEXT        NOT NULL,
    ref              TEXT        NOT NULL,
    title            TEXT        NOT NULL,
    timeframe        TEXT,
    action_count     INTEGER     NOT NULL,
    removed          BOOLEAN     NOT NULL DEFAULT false,
    updated_at       TIMESTAMPTZ NOT NULL,
    source_partition INTEGER     NOT NULL,
    source_offset    BIGINT      NOT NULL,
    PRIMARY KEY (council, driver_id)
);

-- Councils already observed start with their action counts; as_of is left empty so that the first
-- read counts their overdue actions for the day.
INSERT INTO council_tally (council, total, blue, green, amber, red, grey, last_action_at)
SELECT council, count(*),
       count(*) FILTER (WHERE rag_status = 'BLUE'),
       count(*) FILTER (WHERE rag_status = 'GREEN'),
       count(*) FILTER (WHERE rag_status = 'AMBER'),
       count(*) FILTER (WHERE rag_status = 'RED'),
       count(*) FILTER (WHERE rag_status = 'GREY'),
       max(updated_at)
FROM observed_action GROUP BY council;
