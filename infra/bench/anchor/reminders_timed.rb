# Run by reminders.sh through `rails runner`: the same reminders as `rake redmine:send_reminders
# days=0`, timed inside one process (no Rails boot): prints one JSON line with the scan's start
# (epoch seconds) and how many issues Redmine's reminder scope holds (open, assigned, due <= today,
# active project).
require 'json'
scope = Issue.open.joins(:project)
             .where("#{Issue.table_name}.assigned_to_id IS NOT NULL AND #{Project.table_name}.status = ?" \
                    " AND #{Issue.table_name}.due_date <= ?", Project::STATUS_ACTIVE, Date.today)
in_scope = scope.count
due_today = scope.where(due_date: Date.today).count
started = Time.now.to_f
Mailer.with_synched_deliveries { Mailer.reminders(days: 0) }
finished = Time.now.to_f
# a few of the assignees it emailed, for the second run (reminders.sh: the operator's rake task for
# them only, which shows that Redmine emails them again without the cost of everyone twice)
sample = scope.distinct.order(:assigned_to_id).limit((ENV['ANCHOR_RESEND_SAMPLE'] || '20').to_i)
              .pluck(:assigned_to_id)
puts JSON.generate(scanStarted: started, returned: finished, inScope: in_scope, dueToday: due_today,
                   sample: sample)
