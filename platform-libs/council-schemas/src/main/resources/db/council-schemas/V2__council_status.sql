-- The council's status as tenancy last announced it (CouncilStatusChanged); NULL until it changes
-- for the first time, which means ACTIVE once the schema is ready.
ALTER TABLE council ADD COLUMN status TEXT;
ALTER TABLE council ADD COLUMN status_changed_at TIMESTAMPTZ;
ALTER TABLE council ADD COLUMN status_reason TEXT;
