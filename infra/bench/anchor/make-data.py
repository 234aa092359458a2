#!/usr/bin/env python3
"""Writes bench data in the harness's format, the same plans as the bench's BenchPlan.forCouncil
(infra/bench, perf helper): six pillars of five outcomes, actions spread beneath the 30 outcomes.
Used to make sample-data.json and, when the harness has not written target/bench-data.json, a
full-size file for this directory's own runs.   usage: make-data.py COUNCILS ACTIONS > file.json"""
import datetime, json, sys

RAG = ["GREEN", "GREEN", "AMBER", "RED", "GREY"]
LEADS = ["Lee Lead", "Ann Other", "Sam Patel", "Jo Okafor", "Kim Evans", "Ravi Shah", "Mo Hughes", "Ali Khan"]
VERBS = ["Audit", "Review", "Embed", "Strengthen", "Train staff on", "Monitor", "Improve", "Publish"]
SUBJECTS = ["supervision of social workers", "the front door and MASH decisions",
            "care plans for children in care", "return home interviews", "caseload levels",
            "LADO arrangements", "pathway plans for care leavers",
            "quality assurance of child protection plans"]
FIRST_DUE = datetime.date(2024, 6, 28)


def council(n, actions):
    slug = "load-%03d" % n
    items = []
    for p in range(1, 7):
        items.append({"ref": str(p), "title": "Pillar %d" % p, "parentRef": None})
        for o in range(1, 6):
            items.append({"ref": "%d.%d" % (p, o), "title": "Outcome %d.%d" % (p, o), "parentRef": str(p)})
    acts = []
    for a in range(actions):
        outcome = a % 30
        parent = "%d.%d" % (outcome // 5 + 1, outcome % 5 + 1)
        lead = LEADS[(a + n) % len(LEADS)]
        acts.append({"ref": "%s.%d" % (parent, a // 30 + 1),
                     "title": VERBS[a % len(VERBS)] + " " + SUBJECTS[(a // len(VERBS)) % len(SUBJECTS)],
                     "lead": lead.lower().replace(" ", ".") + "@" + slug + ".bench", "leadName": lead,
                     "due": (FIRST_DUE + datetime.timedelta(days=(a * 7) % 540)).isoformat(),
                     "rag": RAG[a % len(RAG)], "parentRef": parent})
    return {"slug": slug, "name": "Load Test Council %03d" % n, "laCode": 100 + n, "items": items, "actions": acts}


if __name__ == "__main__":
    councils, actions = int(sys.argv[1]), int(sys.argv[2])
    json.dump({"councils": [council(n, actions) for n in range(1, councils + 1)]}, sys.stdout)
