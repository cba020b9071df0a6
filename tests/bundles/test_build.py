"""Building bundles: names, cards, interop with the real tools, and refusing what a
receiver would reject."""

import io
import json
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from reflectdesk.bundles import (
    DATED_NAME_RE,
    AuthorStatus,
    BundleKind,
    BundleLimits,
    BundleMeta,
    Consent,
    Identity,
    build_bundle,
    bundle_file_name,
    card_path,
    dated_bundle_file_name,
    entry_path,
    inspect_bundle,
    make_card,
    open_bundle,
)
from reflectdesk.domain.model import Role
from reflectdesk.errors import (
    BundleBuildInvalid,
    BundleError,
    BundleFileTooLarge,
    BundleTooManyRecipients,
)
from tests.bundles.helpers import (
    entry_doc,
    make_bundle,
    need_tool,
    sample_files,
)


def test_random_file_name() -> None:
    assert re.fullmatch(r"[0-9a-f]{32}\.rdbundle", bundle_file_name())
    assert bundle_file_name() != bundle_file_name()


def test_dated_file_name() -> None:
    day = date(2026, 12, 3)
    assert dated_bundle_file_name(day, "7f3a") == "reflectdesk-2026-12-03-7f3a.rdbundle"
    name = dated_bundle_file_name(day)
    assert DATED_NAME_RE.fullmatch(name) and re.fullmatch(r".*-[0-9a-f]{4}\.rdbundle", name)
    for bad in ("7F3A", "abc", "../x", "Rosa"):
        with pytest.raises(ValueError):
            dated_bundle_file_name(day, bad)


def test_cards_travel_in_card_bundles(alice: Identity, bob: Identity, carol: Identity) -> None:
    card = make_card(carol, name="Carol", role=Role.EDUCATOR, institution="U")
    files = {card_path(carol.public.key_id_hex): card}
    data = make_bundle(alice, [bob.public], files, BundleMeta(BundleKind.CARD))
    opened = open_bundle(data, bob, {})
    assert opened.cards[carol.public.key_id_hex].public == carol.public


# --- interop with the real tools ---------------------------------------------------------
def test_age_decrypts_and_minisign_verifies(alice: Identity, bob: Identity, tmp_path: Path) -> None:
    age, tool = need_tool("age"), need_tool("minisign")
    bundle = tmp_path / bundle_file_name()
    bundle.write_bytes(make_bundle(alice, [bob.public]))
    identity = tmp_path / "bob.txt"
    identity.write_text(bob.export_age_identity_text())
    out = subprocess.run([age, "-d", "-i", str(identity), str(bundle)], capture_output=True)
    assert out.returncode == 0, out.stderr
    with zipfile.ZipFile(io.BytesIO(out.stdout)) as archive:
        assert archive.testzip() is None
        archive.extractall(tmp_path / "x")  # the test's own tmp dir; the app never extracts
    pub = tmp_path / "alice.pub"
    pub.write_text(alice.minisign_public_key_text())
    manifest = tmp_path / "x" / "manifest.json"
    verified = subprocess.run(
        [tool, "-Vm", str(manifest), "-p", str(pub)], capture_output=True, text=True
    )
    assert verified.returncode == 0, verified.stderr
    # The author can always decrypt with age too.
    identity.write_text(alice.export_age_identity_text())
    subprocess.run([age, "-d", "-i", str(identity), str(bundle)], capture_output=True, check=True)


# --- building --------------------------------------------------------------------------------
def test_build_refuses_what_would_be_rejected(alice: Identity, bob: Identity) -> None:
    files, _ = sample_files()
    meta = BundleMeta(BundleKind.JOURNAL)
    with pytest.raises(BundleBuildInvalid):
        make_bundle(alice, [bob.public], {**files, "../x": b""}, meta)
    bad = entry_doc()
    bad["extra"] = 1
    with pytest.raises(BundleBuildInvalid):
        make_bundle(alice, [bob.public], {entry_path(str(bad["id"])): json.dumps(bad).encode()})
    with pytest.raises(BundleBuildInvalid):
        make_bundle(
            alice,
            [bob.public],
            files,
            BundleMeta(
                BundleKind.JOURNAL,
                entry_consent={"01890000-0000-7000-8000-0000000000aa": Consent.READ},
            ),
        )
    crowd = [Identity.generate().public for _ in range(51)]
    with pytest.raises(BundleTooManyRecipients):
        make_bundle(alice, crowd)
    with pytest.raises(BundleFileTooLarge):
        build_bundle(alice, [bob.public], files, meta, limits=BundleLimits(max_file_bytes=100))
    assert isinstance(BundleBuildInvalid(), BundleError)


def test_author_is_always_a_recipient_and_recipients_are_deduplicated(
    alice: Identity, bob: Identity
) -> None:
    data = make_bundle(alice, [bob.public, bob.public, alice.public])
    opened = open_bundle(data, bob, {})
    assert len(opened.manifest.recipients) == 1
    assert inspect_bundle(data).x25519_stanzas == 2
    assert open_bundle(data, alice, {}).author_status is AuthorStatus.SELF
