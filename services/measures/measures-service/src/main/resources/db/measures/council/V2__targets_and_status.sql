-- Who owns a measure and where its figures come from, its baseline, the tolerance that decides
-- Amber, band measures, dated target trajectories, and each period's last announced status.

ALTER TABLE measure DROP CONSTRAINT measure_polarity_check;
ALTER TABLE measure ADD CONSTRAINT measure_polarity_check
    CHECK (polarity IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'WITHIN_BAND'));
ALTER TABLE measure
    ADD COLUMN owner          TEXT,
    ADD COLUMN data_source    TEXT,
    ADD COLUMN baseline_value NUMERIC CHECK (baseline_value >= 0),
    ADD COLUMN baseline_date  DATE,
    ADD COLUMN tolerance      NUMERIC NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
    ADD COLUMN library_code   TEXT;
-- A council adopts a library measure once.
CREATE UNIQUE INDEX measure_library_code_unique ON measure (library_code);

-- One step of a trajectory: from effective_from on (until a later step) the target is value, or for
-- a band measure lower_bound to upper_bound.
CREATE TABLE measure_target (
    id             UUID    PRIMARY KEY,
    measure_id     UUID    NOT NULL REFERENCES measure (id),
    effective_from DATE    NOT NULL CHECK (EXTRACT(DAY FROM effective_from) = 1),
    value          NUMERIC,
    lower_bound    NUMERIC,
    upper_bound    NUMERIC,
    CONSTRAINT measure_target_one_per_month UNIQUE (measure_id, effective_from),
    CONSTRAINT measure_target_value_or_band CHECK (
        (value IS NOT NULL AND lower_bound IS NULL AND upper_bound IS NULL)
        OR (value IS NULL AND lower_bound IS NOT NULL AND upper_bound IS NOT NULL
            AND lower_bound <= upper_bound))
);

-- The status last announced for the period, so that only a change is announced again.
ALTER TABLE measure_value ADD COLUMN status TEXT
    CHECK (status IN ('GREEN', 'AMBER', 'RED', 'GREY'));
