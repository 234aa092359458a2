-- An action the council withdrew (dropped from its plan, kept for the record) is no longer chased:
-- nothing queued about it is sent and the schedule leaves it alone, as for a completed action.
ALTER TABLE tracked_action ADD COLUMN withdrawn_on date;
