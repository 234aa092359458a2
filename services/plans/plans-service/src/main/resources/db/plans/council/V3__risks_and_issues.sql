-- The risk register and the issue log: one table, as councils keep them side by side; an issue has
-- no likelihood or impact, a risk has both and its score is their product.
CREATE TABLE plan_risk (
    id            UUID PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('RISK', 'ISSUE')),
    ref           TEXT        NOT NULL UNIQUE,
    description   TEXT        NOT NULL,
    likelihood    INT         CHECK (likelihood BETWEEN 1 AND 5),
    impact        INT         CHECK (impact BETWEEN 1 AND 5),
    owner         TEXT        NOT NULL,
    mitigations   TEXT,
    status        TEXT        NOT NULL CHECK (status IN ('OPEN', 'MONITORING', 'CLOSED')),
    review_date   DATE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL,
    CHECK (kind = 'ISSUE' OR (likelihood IS NOT NULL AND impact IS NOT NULL))
);

-- Which plan items and actions a risk or issue bears on.
CREATE TABLE plan_risk_link (
    risk_id      UUID NOT NULL REFERENCES plan_risk (id) ON DELETE CASCADE,
    target_id    UUID NOT NULL,
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('ITEM', 'ACTION')),
    PRIMARY KEY (risk_id, target_id)
);
