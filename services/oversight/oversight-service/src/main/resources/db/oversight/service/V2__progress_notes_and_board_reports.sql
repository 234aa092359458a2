-- The latest progress report's note, for the board report's exceptions.
ALTER TABLE observed_action ADD COLUMN latest_note TEXT;
ALTER TABLE observed_action ADD COLUMN latest_period TEXT;

-- An Improvement Board report once issued for a period: frozen, so it reads the same forever.
CREATE TABLE board_report (
    council     TEXT        NOT NULL,
    period      TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    issued_by   TEXT        NOT NULL,
    content     TEXT        NOT NULL,
    PRIMARY KEY (council, period)
);
