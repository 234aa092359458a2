-- A council's measures (KPIs) and the values recorded against them, one per period.

CREATE TABLE measure (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    definition  TEXT        NOT NULL,
    unit        TEXT        NOT NULL CHECK (unit IN ('PERCENT', 'COUNT', 'DAYS', 'RATE_PER_10000')),
    polarity    TEXT        NOT NULL CHECK (polarity IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    frequency   TEXT        NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY')),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL
);
-- "Average caseload" and "average Caseload" are one measure to the people reading a board report.
CREATE UNIQUE INDEX measure_name_unique ON measure (lower(name));

-- The latest value of each period. Unconstrained NUMERIC keeps the scale the council entered
-- (87.5 stays 87.5); the service limits it to four decimals.
CREATE TABLE measure_value (
    id           UUID PRIMARY KEY,
    measure_id   UUID        NOT NULL REFERENCES measure (id),
    period       DATE        NOT NULL CHECK (EXTRACT(DAY FROM period) = 1),
    value        NUMERIC     NOT NULL CHECK (value >= 0),
    numerator    NUMERIC     CHECK (numerator >= 0),
    denominator  NUMERIC     CHECK (denominator > 0),
    note         TEXT,
    revision     INTEGER     NOT NULL CHECK (revision >= 1),
    entered_by   TEXT        NOT NULL,
    entered_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT measure_value_one_per_period UNIQUE (measure_id, period),
    CONSTRAINT measure_value_fraction_whole CHECK ((numerator IS NULL) = (denominator IS NULL))
);

-- Every value a correction replaced, as it was, so that a board can see what was reported before.
CREATE TABLE measure_value_revision (
    id             UUID PRIMARY KEY,
    measure_id     UUID        NOT NULL REFERENCES measure (id),
    period         DATE        NOT NULL,
    revision       INTEGER     NOT NULL,
    value          NUMERIC     NOT NULL,
    numerator      NUMERIC,
    denominator    NUMERIC,
    note           TEXT,
    entered_by     TEXT        NOT NULL,
    entered_at     TIMESTAMPTZ NOT NULL,
    superseded_by  TEXT        NOT NULL,
    superseded_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT measure_value_revision_once UNIQUE (measure_id, period, revision)
);
