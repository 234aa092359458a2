# Run by load-data.sh through `rails runner` (as www-data): loads bench data
# {councils:[{slug,name,items:[{ref,title,parentRef}],actions:[{ref,title,lead,leadName,due,rag,parentRef}]}]}
# into Redmine: one private project per council plan (identifier = slug), each plan item (pillar,
# outcome) an issue of tracker "Plan item", each action an issue of tracker "Action" with subject
# "<ref> <title>", the lead as assignee (a Redmine user, created, member of the project as
# Developer), the due date, RAG as the list custom field "RAG", BLUE (complete) as status Closed,
# and the parent issue from parentRef (an item or an action of the same plan).
#
# Bulk: rows go in with insert_all (one INSERT per batch, nested-set columns computed here) rather
# than Issue#save! or one REST call per issue: at about 50 ms per REST POST (notes/redmine-anchor.md),
# 153 councils x 636 issues would take about 80 minutes; this takes seconds. Reloading replaces
# the projects of the same slugs (deleted with SQL, not Project#destroy, which is slow too).
require 'json'

data_file, summary_file = ARGV
data = JSON.parse(File.read(data_file))
started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
now = Time.now.utc
conn = ActiveRecord::Base.connection

new_status = IssueStatus.find_by!(name: 'New')
closed_status = IssueStatus.where(is_closed: true).order(:position).first!
priority = IssuePriority.default || IssuePriority.first!
developer = Role.find_by!(name: 'Developer')
admin = User.find_by!(login: 'admin')

def tracker(name, status)
  Tracker.find_by(name: name) || Tracker.create!(name: name, default_status: status)
end
item_tracker = tracker('Plan item', new_status)
action_tracker = tracker('Action', new_status)
rag = IssueCustomField.find_by(name: 'RAG') ||
      IssueCustomField.create!(name: 'RAG', field_format: 'list',
                               possible_values: %w[GREEN AMBER RED GREY BLUE], is_for_all: true,
                               is_filter: true, visible: true,
                               trackers: [item_tracker, action_tracker])

# Redmine then holds exactly this data: what an earlier load put in (marked by the description), and
# any project with one of these slugs, goes first.
MARK = 'Improvement plan loaded by infra/bench/anchor'
slugs = data['councils'].map { |c| c['slug'] }
ActiveRecord::Base.transaction do
  old = Project.where(identifier: slugs).or(Project.where(description: MARK)).pluck(:id)
  unless old.empty?
    old_issues = Issue.where(project_id: old).select(:id)
    CustomValue.where(customized_type: 'Issue', customized_id: old_issues).delete_all
    Issue.where(project_id: old).delete_all
    MemberRole.where(member_id: Member.where(project_id: old).select(:id)).delete_all
    Member.where(project_id: old).delete_all
    EnabledModule.where(project_id: old).delete_all
    conn.execute("DELETE FROM projects_trackers WHERE project_id IN (#{old.join(',')})")
    Project.where(id: old).delete_all
  end
end
# the projects' nested set after raw deletes
Project.rebuild_tree! if Project.respond_to?(:rebuild_tree!)

# Users: one per lead email, reused across loads.
leads = {}
data['councils'].each do |c|
  c['actions'].each do |a|
    next if a['lead'].to_s.empty?
    leads[a['lead'].downcase] ||= (a['leadName'].to_s.empty? ? a['lead'].split('@').first.tr('._', '  ') : a['leadName'])
  end
end
user_of = EmailAddress.where(address: leads.keys).pluck(:address, :user_id).to_h
missing = leads.keys - user_of.keys
missing.each_slice(2000) do |batch|
  User.insert_all(batch.map do |mail|
    first, last = leads[mail].split(' ', 2)
    { login: mail[0, 60], firstname: first[0, 30], lastname: (last || 'Lead')[0, 255], admin: false,
      status: User::STATUS_ACTIVE, language: 'en', mail_notification: 'only_my_events', type: 'User',
      hashed_password: '', created_on: now, updated_on: now, must_change_passwd: false }
  end)
  ids = User.where(login: batch.map { |m| m[0, 60] }).pluck(:login, :id).to_h
  EmailAddress.insert_all(batch.map do |mail|
    { user_id: ids.fetch(mail[0, 60]), address: mail, is_default: true, notify: true,
      created_on: now, updated_on: now }
  end)
  batch.each { |m| user_of[m] = ids.fetch(m[0, 60]) }
end

next_id = [Issue.maximum(:id).to_i, conn.select_value('SELECT last_value FROM issues_id_seq').to_i].max + 1
summary = []
issue_rows = 0
data['councils'].each do |c|
  project = Project.new(name: c['name'][0, 255], identifier: c['slug'], is_public: false,
                        description: MARK)
  project.trackers = [item_tracker, action_tracker]
  project.enabled_module_names = ['issue_tracking']
  project.save!
  lead_ids = c['actions'].map { |a| user_of[a['lead'].to_s.downcase] }.compact.uniq
  Member.insert_all(lead_ids.map { |u| { user_id: u, project_id: project.id, created_on: now, mail_notification: false } }) unless lead_ids.empty?
  members = Member.where(project_id: project.id).pluck(:id)
  MemberRole.insert_all(members.map { |m| { member_id: m, role_id: developer.id } }) unless members.empty?

  # The plan as a forest: nodes by ref, children in file order; parentRef that names no node of
  # this plan makes a root.
  nodes = c['items'].map { |i| i.merge('kind' => 'item') } + c['actions'].map { |a| a.merge('kind' => 'action') }
  by_ref = nodes.to_h { |n| [n['ref'], n] }
  children = Hash.new { |h, k| h[k] = [] }
  roots = []
  nodes.each do |n|
    parent = n['parentRef'] && by_ref[n['parentRef']]
    (parent && parent != n ? children[parent['ref']] : roots) << n
  end
  children.default_proc = nil
  rows = []
  rag_rows = []
  action_ids = []
  roots.each do |root|
    root_id = next_id
    counter = 0
    # iterative depth-first walk: ids in pre-order (so sort=id is tree order), lft/rgt on the way
    stack = [[root, nil, :enter]]
    until stack.empty?
      node, parent_id, phase = stack.pop
      if phase == :enter
        node['id'] = next_id
        next_id += 1
        counter += 1
        node['lft'] = counter
        node['parent_id'] = parent_id
        stack << [node, parent_id, :leave]
        (children[node['ref']] || []).reverse_each { |ch| stack << [ch, node['id'], :enter] }
      else
        counter += 1
        action = node['kind'] == 'action'
        closed = action && node['rag'] == 'BLUE'
        rows << { id: node['id'], tracker_id: (action ? action_tracker : item_tracker).id,
                  project_id: project.id, subject: "#{node['ref']} #{node['title']}"[0, 255],
                  due_date: action ? node['due'] : nil, status_id: (closed ? closed_status : new_status).id,
                  assigned_to_id: action ? user_of[node['lead'].to_s.downcase] : nil,
                  priority_id: priority.id, author_id: admin.id, lock_version: 0,
                  created_on: now, updated_on: now, done_ratio: 0, parent_id: node['parent_id'],
                  root_id: root_id, lft: node['lft'], rgt: counter, is_private: false,
                  closed_on: closed ? now : nil }
        if action
          action_ids << node['id']
          rag_rows << { customized_type: 'Issue', customized_id: node['id'], custom_field_id: rag.id,
                        value: node['rag'] } if node['rag']
        end
      end
    end
  end
  rows.sort_by! { |r| r[:id] }
  rows.each_slice(5000) { |b| Issue.insert_all(b) }
  rag_rows.each_slice(5000) { |b| CustomValue.insert_all(b) }
  issue_rows += rows.size
  summary << { slug: c['slug'], projectId: project.id, issues: rows.size, actionIds: action_ids.sort }
end
conn.execute("SELECT setval('issues_id_seq', (SELECT max(id) FROM issues))")
conn.execute('ANALYZE issues; ANALYZE custom_values')
seconds = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
File.write(summary_file, JSON.generate(itemTrackerId: item_tracker.id, actionTrackerId: action_tracker.id,
                                       councils: summary, issues: issue_rows, users: user_of.size,
                                       seconds: seconds.round(2)))
puts format('load: %d projects, %d issues, %d users in %.1f s (inside rails runner)', summary.size, issue_rows, user_of.size, seconds)
