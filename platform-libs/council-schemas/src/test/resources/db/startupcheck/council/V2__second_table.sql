-- The test service's second migration: a council at V1 is behind by this one.
CREATE TABLE startupcheck_second (id BIGINT PRIMARY KEY);
