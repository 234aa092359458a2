-- Published benchmarks for a measure: the England average and the council's statistical
-- neighbours' average, per year (the year ending 31 March as the DfE publishes it: 2024 is 2023-24).
CREATE TABLE measure_comparator (
    id                      UUID PRIMARY KEY,
    measure_id              UUID        NOT NULL REFERENCES measure (id),
    year                    INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    england                 NUMERIC     CHECK (england >= 0),
    statistical_neighbours  NUMERIC     CHECK (statistical_neighbours >= 0),
    source                  TEXT,
    entered_by              TEXT        NOT NULL,
    entered_at              TIMESTAMPTZ NOT NULL,
    CONSTRAINT measure_comparator_one_per_year UNIQUE (measure_id, year),
    CONSTRAINT measure_comparator_some_figure
        CHECK (england IS NOT NULL OR statistical_neighbours IS NOT NULL)
);
