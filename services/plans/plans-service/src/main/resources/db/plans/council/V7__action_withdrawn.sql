-- An action the council no longer pursues (usually: gone from a newer version of its Word plan) is
-- withdrawn, not deleted: its history, audit trail and board reports keep it. A withdrawn action
-- is shown in the plan as withdrawn, with the reason, and left out of RAG counts and overdue scans.
ALTER TABLE improvement_action ADD COLUMN withdrawn_on date;
ALTER TABLE improvement_action ADD COLUMN withdrawn_reason text;
ALTER TABLE improvement_action
    ADD CONSTRAINT improvement_action_withdrawn_reason_check
    CHECK ((withdrawn_on IS NULL) = (withdrawn_reason IS NULL));
