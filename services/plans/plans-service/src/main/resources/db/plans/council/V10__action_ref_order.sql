-- Actions are listed in the order people read refs: by each part between dots or dashes, numbers
-- as numbers ("2.9" before "2.10"), other parts by their characters, a ref that begins another
-- first. ref_order is that order as text: each number of up to nine digits padded to nine, the
-- parts joined by a character below any a ref holds, compared byte by byte (COLLATE "C").
--
-- Kept in a column, set by a trigger on every insert and change of the ref (the API, imports and a
-- restore from an export alike), rather than worked out in the ORDER BY: working it out for every
-- row of every list read made PostgreSQL the busiest process of the session 10 soak.
ALTER TABLE improvement_action ADD COLUMN ref_order text COLLATE "C";

CREATE FUNCTION set_action_ref_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.ref_order := (
        SELECT string_agg(CASE WHEN p ~ '^[0-9]{1,9}$' THEN lpad(p, 9, '0') ELSE p END, E'\x01'
                          ORDER BY n)
        FROM unnest(regexp_split_to_array(NEW.ref, '[.-]')) WITH ORDINALITY AS r(p, n));
    RETURN NEW;
END
$$;

CREATE TRIGGER improvement_action_ref_order BEFORE INSERT OR UPDATE OF ref ON improvement_action
    FOR EACH ROW EXECUTE FUNCTION set_action_ref_order();

-- the actions already held
UPDATE improvement_action SET ref = ref;

ALTER TABLE improvement_action ALTER COLUMN ref_order SET NOT NULL;
CREATE INDEX improvement_action_by_ref_order ON improvement_action (ref_order, id);
