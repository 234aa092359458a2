-- A council table of the test's own service, as a real service's V1 would create one.
CREATE TABLE startupcheck_first (id BIGINT PRIMARY KEY);
