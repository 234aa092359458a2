-- One number that moves whenever anything the observer dashboard shows changes (in the same
-- transaction as the change), so each instance can keep its prepared dashboard answers until then.
CREATE TABLE read_model_version (
    single   BOOLEAN PRIMARY KEY DEFAULT true CHECK (single),
    version  BIGINT  NOT NULL
);
INSERT INTO read_model_version (single, version) VALUES (true, 0);
