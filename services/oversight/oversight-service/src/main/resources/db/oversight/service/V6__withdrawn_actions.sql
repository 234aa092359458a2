-- Actions a council withdrew (plans' ActionWithdrawn): kept, but left out of tallies and reports.
ALTER TABLE observed_action ADD COLUMN withdrawn_on date;
