-- A driver's words are its title (the recommendation as Ofsted wrote it); the description adds
-- the council's own notes. Refs are unique within a programme, so a council can load the same
-- Ofsted recommendations into a second programme (or re-import an exported plan).
ALTER TABLE plan_driver ADD COLUMN description TEXT;
ALTER TABLE plan_driver DROP CONSTRAINT plan_driver_ref_key;
CREATE UNIQUE INDEX plan_driver_programme_ref ON plan_driver (programme_id, ref) NULLS NOT DISTINCT;
