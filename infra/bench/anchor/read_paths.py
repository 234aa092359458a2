#!/usr/bin/env python3
"""Writes, as CSV on stdout, the Redmine REST equivalents of the hub's read mix for the loaded data
(load_data.rb's summary): columns kind,council,part,parts,url.
  list  - an action list of 100: /projects/<slug>/issues.json?tracker_id=<Action>&status_id=*&sort=id
          &limit=100&offset=<0,100,...>, one row per page of the plan's actions (as the hub's
          actions?size=100&page=N).
  tree  - the whole plan: Redmine caps limit at 100 (ApplicationController#api_offset_and_limit), so
          the plan's items and actions (636 issues for a 600-action plan) take ceil(n/100) requests
          /issues.json?project_id=<id>&status_id=*&sort=id&limit=100&offset=...; ONE tree read is all
          the rows of the same council with kind tree (part 1..parts), made one after another.
  issue - one action: /issues/<id>.json, for up to $ANCHOR_ISSUES_PER_COUNCIL (default 50) actions.
status_id=* because Redmine lists open issues only by default and the hub's reads include completed
actions. Every request needs the header X-Redmine-API-Key: <target/api-key.txt>."""
import csv, json, math, os, sys

loaded, base = json.load(open(sys.argv[1])), sys.argv[2].rstrip("/")
per_council = int(os.environ.get("ANCHOR_ISSUES_PER_COUNCIL", "50"))
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["kind", "council", "part", "parts", "url"])
action_tracker = loaded["actionTrackerId"]
for c in loaded["councils"]:
    pages = max(1, math.ceil(len(c["actionIds"]) / 100))
    for p in range(pages):
        out.writerow(["list", c["slug"], p + 1, pages,
                      f"{base}/projects/{c['slug']}/issues.json?tracker_id={action_tracker}&status_id=*&sort=id&limit=100&offset={p * 100}"])
    parts = max(1, math.ceil(c["issues"] / 100))
    for p in range(parts):
        out.writerow(["tree", c["slug"], p + 1, parts,
                      f"{base}/issues.json?project_id={c['projectId']}&status_id=*&sort=id&limit=100&offset={p * 100}"])
    ids = c["actionIds"]
    step = max(1, len(ids) // per_council)
    for n, i in enumerate(ids[::step][:per_council]):
        out.writerow(["issue", c["slug"], n + 1, min(per_council, len(ids)), f"{base}/issues/{i}.json"])
