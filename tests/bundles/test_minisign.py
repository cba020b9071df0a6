from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest

from reflectdesk.bundles import Identity, minisign
from reflectdesk.bundles.minisign import MinisignPublicKey
from reflectdesk.errors import BundleSignatureInvalid, PublicKeyInvalid
from tests.bundles.helpers import need_tool

MESSAGE = b'{"hello":"mundo"}'


def _lines(sig: bytes) -> list[str]:
    return sig.decode().split("\n")


def _join(lines: list[str]) -> bytes:
    return "\n".join(lines).encode()


def test_sign_and_verify(alice: Identity) -> None:
    sig = minisign.sign(MESSAGE, alice, trusted_comment="timestamp:1\tfile:x")
    parsed = minisign.verify(MESSAGE, sig, MinisignPublicKey.of(alice.public))
    assert parsed.algorithm == b"ED"
    assert parsed.trusted_comment == "timestamp:1\tfile:x"
    assert parsed.key_id == alice.key_id


@pytest.mark.parametrize("what", ["message", "signature", "trusted", "global", "key"])
def test_every_part_is_checked(alice: Identity, bob: Identity, what: str) -> None:
    sig = minisign.sign(MESSAGE, alice, trusted_comment="ok")
    lines = _lines(sig)
    message, key = MESSAGE, MinisignPublicKey.of(alice.public)
    if what == "message":
        message = MESSAGE + b" "
    elif what == "signature":
        blob = bytearray(base64.b64decode(lines[1]))
        blob[-1] ^= 1
        lines[1] = base64.b64encode(bytes(blob)).decode()
    elif what == "trusted":
        lines[2] = "trusted comment: changed"
    elif what == "global":
        blob = bytearray(base64.b64decode(lines[3]))
        blob[0] ^= 1
        lines[3] = base64.b64encode(bytes(blob)).decode()
    else:
        key = MinisignPublicKey(alice.key_id, bob.public.signing_key)
    with pytest.raises(BundleSignatureInvalid):
        minisign.verify(message, _join(lines), key)


def test_key_id_and_algorithm_are_checked(alice: Identity, bob: Identity) -> None:
    sig = minisign.sign(MESSAGE, alice, trusted_comment="ok")
    with pytest.raises(BundleSignatureInvalid, match="key id"):
        minisign.verify(MESSAGE, sig, MinisignPublicKey(bob.key_id, alice.public.signing_key))
    lines = _lines(sig)
    blob = base64.b64decode(lines[1])
    lines[1] = base64.b64encode(b"Ed" + blob[2:]).decode()  # legacy, unhashed
    with pytest.raises(BundleSignatureInvalid, match="algorithm"):
        minisign.verify(MESSAGE, _join(lines), MinisignPublicKey.of(alice.public))


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: s.replace(b"untrusted comment: ", b"untrusted: "),
        lambda s: s.replace(b"\ntrusted comment: ", b"\ntrusted: "),
        lambda s: s.replace(b"\n", b"\r\n"),
        lambda s: s + b"extra line\n",
        lambda s: s[:40],
        lambda s: b"\xff" + s,
        lambda s: s.replace(b"=\n", b"\n", 1),
    ],
)
def test_malformed_signature_files_are_rejected(alice: Identity, mangle: object) -> None:
    sig = minisign.sign(MESSAGE, alice, trusted_comment="ok")
    bad = mangle(sig)  # type: ignore[operator]
    with pytest.raises(BundleSignatureInvalid):
        minisign.verify(MESSAGE, bad, MinisignPublicKey.of(alice.public))


def test_public_key_file_round_trip(alice: Identity) -> None:
    key = MinisignPublicKey.from_text(alice.minisign_public_key_text())
    assert key == MinisignPublicKey.of(alice.public)
    assert key.to_text() == alice.minisign_public_key_text()
    with pytest.raises(PublicKeyInvalid):
        MinisignPublicKey.from_text("untrusted comment: x\nRWQ=\n")


def test_minisign_verifies_our_signature(alice: Identity, tmp_path: Path) -> None:
    tool = need_tool("minisign")
    message = tmp_path / "manifest.json"
    message.write_bytes(MESSAGE)
    (tmp_path / "manifest.json.minisig").write_bytes(
        minisign.sign(MESSAGE, alice, trusted_comment="timestamp:1\tfile:manifest.json")
    )
    pub = tmp_path / "alice.pub"
    pub.write_text(alice.minisign_public_key_text())
    out = subprocess.run(
        [tool, "-V", "-p", str(pub), "-m", str(message)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "Trusted comment: timestamp:1\tfile:manifest.json" in out.stdout
    message.write_bytes(MESSAGE + b"\n")
    tampered = subprocess.run([tool, "-V", "-p", str(pub), "-m", str(message)], capture_output=True)
    assert tampered.returncode != 0


def test_we_verify_a_signature_made_by_minisign(tmp_path: Path) -> None:
    tool = need_tool("minisign")
    pub, key = tmp_path / "p.pub", tmp_path / "p.key"
    subprocess.run(
        [tool, "-G", "-W", "-p", str(pub), "-s", str(key)], check=True, capture_output=True
    )
    message = tmp_path / "msg.txt"
    message.write_bytes(MESSAGE)
    subprocess.run(
        [tool, "-S", "-s", str(key), "-m", str(message), "-t", "from minisign"],
        check=True,
        capture_output=True,
    )
    public = MinisignPublicKey.from_text(pub.read_text())
    signature = (tmp_path / "msg.txt.minisig").read_bytes()
    parsed = minisign.verify(MESSAGE, signature, public)
    assert parsed.trusted_comment == "from minisign"
    with pytest.raises(BundleSignatureInvalid):
        minisign.verify(MESSAGE + b"!", signature, public)
