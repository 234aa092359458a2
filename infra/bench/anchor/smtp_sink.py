#!/usr/bin/env python3
"""A local SMTP sink (Python stdlib smtpd, as in notes/redmine-anchor.md): accepts every message on
127.0.0.1:<port> and appends one JSON line per message to <out.jsonl>: time accepted, recipients,
subject, size, and the Redmine issue ids the message lists (from its /issues/<id> links).
   usage: smtp_sink.py PORT OUT.jsonl"""
import asyncore, email, email.policy, json, re, sys, time, warnings

warnings.filterwarnings("ignore")
import smtpd  # noqa: E402  (deprecated in 3.11, still shipped; imported after the filter)

port, out = int(sys.argv[1]), sys.argv[2]
ISSUE = re.compile(r"/issues/(\d+)")


class Sink(smtpd.SMTPServer):
    count = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kw):
        accepted = time.time()
        Sink.count += 1
        msg = email.message_from_bytes(data, policy=email.policy.default)
        ids = set()
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                ids.update(int(i) for i in ISSUE.findall(part.get_content()))
        with open(out, "a") as f:
            f.write(json.dumps({"n": Sink.count, "t": accepted, "to": rcpttos, "subject": msg["subject"],
                                "bytes": len(data), "issues": sorted(ids)}) + "\n")


Sink(("127.0.0.1", port), None, decode_data=False)
asyncore.loop()
