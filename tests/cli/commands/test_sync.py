"""exchange / sync / bundle export --send through the real CLI: student → mentor through a
real WebDAV server, offline first, status and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.commands.test_bundles import Cli, Person, give_card, mentor, student  # noqa: F401
from tests.sync.conftest import dav  # noqa: F401
from tests.sync.davserver import PASSWORD, USER, DavServer


def test_send_and_receive_through_the_cli(
    student: Person,  # noqa: F811
    mentor: Person,  # noqa: F811
    dav: DavServer,  # noqa: F811
    tmp_path: Path,
    monkeypatch: object,
) -> None:
    student_at_mentor = give_card(student, mentor, tmp_path)
    mentor_at_student = give_card(mentor, student, tmp_path)
    number = student.ok("contact", "safety-number", mentor_at_student).strip()
    student.ok("contact", "verify", mentor_at_student, "--safety-number", number)
    mentor.ok("contact", "verify", student_at_mentor, "--safety-number", number)
    # No exchange point: nothing to do, said plainly, no network.
    assert "No exchange points" in student.ok("sync", "status")
    status = student.json("sync", "now", "--json")
    assert isinstance(status, dict) and status["status"]["configured"] is False
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n")
    for who, contact in ((student, mentor_at_student), (mentor, student_at_mentor)):
        out = who.ok(
            "exchange",
            "add",
            "Universidad — Nextcloud",
            "--url",
            dav.url(),
            "--user",
            USER,
            "--password-file",
            str(pw),
            "--contact",
            contact,
        )
        assert out.strip().splitlines()[-1]
    listed = student.json("exchange", "list", "--json")
    assert isinstance(listed, list) and listed[0]["label"] == "Universidad — Nextcloud"
    assert "password" not in json.dumps(listed) and PASSWORD not in json.dumps(listed)
    journal = student.ok("journal", "create", "Práctica II").strip()
    entry = student.ok("entry", "add", "--journal", journal, "--title", "Fracciones").strip()
    dav.stop()
    bundle = (
        student.ok("bundle", "export", "--to", mentor_at_student, "--entries", entry, "--send")
        .strip()
        .splitlines()[-1]
    )
    r = student("sync", "now")
    assert r.code == 0 and "offline, 1 waiting" in r.out
    dav.start()
    now = student.json("sync", "now", "--json")
    assert isinstance(now, dict) and now["sent"] == 1 and now["status"]["pending"] == 0
    got = mentor.json("sync", "now", "--json")
    assert isinstance(got, dict) and got["received"] == 1
    log = mentor.json("bundle", "log", "--json")
    assert isinstance(log, list) and [i["bundle_id"] for i in log] == [bundle]
    st = student.json("sync", "status", "--json")
    assert isinstance(st, dict) and st["last_sync"] and st["last_error"] is None
    events = student.json("sync", "log", "--json")
    assert isinstance(events, list) and [e["event"] for e in events][:2] == ["sync", "offline"]
    # The mentor's sign-off goes back the same way: bundle export --feedback --send.
    (received,) = mentor.json("entry", "list", "--json")  # type: ignore[misc]
    mentor.ok("signoff", "add", received["id"], "--standard", "C7=met:Bien.")  # type: ignore[index]
    nothing = mentor("bundle", "export", "--feedback", "--to", student_at_mentor)
    assert nothing.code != 0 and "Traceback" not in nothing.err  # neither -o nor --send
    said = mentor.ok("bundle", "export", "--feedback", "--to", student_at_mentor, "--send")
    feedback = said.strip().splitlines()[-1]
    assert "Queued a bundle for 1 exchange point" in said
    assert mentor.json("sync", "status", "--json")["pending"] == 1  # type: ignore[index]
    assert mentor.json("sync", "now", "--json")["sent"] == 1  # type: ignore[index]
    assert student.json("sync", "now", "--json")["received"] == 1  # type: ignore[index]
    listed_log = student.json("bundle", "log", "--json")
    assert isinstance(listed_log, list) and feedback in [i["bundle_id"] for i in listed_log]
    (signed,) = student.json("comment", "list", entry, "--json")["sign_offs"]  # type: ignore[index]
    assert signed["standards"][0]["verdict"] == "met"
    # A 401 after the password was changed: a clear message and a non-zero exit.
    dav.set_password("another-one-999")
    entry2 = student.ok("entry", "add", "--journal", journal, "--title", "Otra").strip()
    student.ok("bundle", "export", "--to", mentor_at_student, "--entries", entry2, "--send")
    r = student("sync", "now")
    assert r.code == 10 and "app password" in r.out.lower()
    point = listed[0]["id"]
    r = student("exchange", "remove", point)
    assert r.code != 0 and "waiting to be sent" in r.err
    # Without --send and without --output: a specific error, nothing written.
    r = student("bundle", "export", "--to", mentor_at_student, "--entries", entry)
    assert r.code != 0 and "Traceback" not in r.err
