-- The council's plan revision: a number that every committed change to what the plan reads show
-- (programmes, items, actions, their leads, their drivers) moves on. Readers key their cached answers
-- and ETags by it, so a cached answer is never served after a change, on any instance of the service.
--
-- The triggers are deferred to commit: the revision row is then locked last in every transaction,
-- after every other row it changes, so two writers can wait for each other on it but never deadlock.
-- A reader reads the revision before the data, so what it caches under a revision is never older than
-- that revision. One bump per transaction is enough (the setting is local to the transaction).
CREATE TABLE plan_revision (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    revision bigint NOT NULL
);
-- No row until the first change: a newly provisioned council's schema holds no data at all, which
-- is what a restore from an export checks before it loads one (readers take a missing row as 0).

CREATE FUNCTION bump_plan_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('hub.plan_revision_bumped', true), '') <> txid_current()::text THEN
        EXECUTE format('INSERT INTO %1$I.plan_revision AS r (id, revision) VALUES (true, 1) '
            'ON CONFLICT (id) DO UPDATE SET revision = r.revision + 1', TG_TABLE_SCHEMA);
        PERFORM set_config('hub.plan_revision_bumped', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER programme_revision AFTER INSERT OR UPDATE OR DELETE ON programme
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_plan_revision();
CREATE CONSTRAINT TRIGGER plan_item_revision AFTER INSERT OR UPDATE OR DELETE ON plan_item
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_plan_revision();
CREATE CONSTRAINT TRIGGER improvement_action_revision AFTER INSERT OR UPDATE OR DELETE ON improvement_action
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_plan_revision();
CREATE CONSTRAINT TRIGGER action_lead_revision AFTER INSERT OR UPDATE OR DELETE ON action_lead
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_plan_revision();
CREATE CONSTRAINT TRIGGER plan_driver_action_revision AFTER INSERT OR UPDATE OR DELETE ON plan_driver_action
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_plan_revision();
