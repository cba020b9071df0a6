"""The C2SP/CCTV age test vectors (vendored in ``cctv_age/``), parsed once for the tests."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

# The C2SP/CCTV age vectors, vendored as their README allows (cctv_age/SOURCE.md).
TESTDATA = Path(__file__).parent / "cctv_age" / "testdata"
X25519_PREFIX = "AGE-SECRET-KEY-1"


@dataclass
class Vector:
    name: str
    expect: str
    payload: str | None
    file_key: str | None
    identities: list[str]
    passphrases: list[str]
    armored: bool
    body: bytes


def _load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    meta: dict[str, str] = {}
    identities: list[str] = []
    passphrases: list[str] = []
    for line in head.decode().splitlines():
        key, _, value = line.partition(": ")
        if key == "identity":
            identities.append(value)
        elif key == "passphrase":
            passphrases.append(value)
        else:
            meta[key] = value
    if meta.get("compressed") == "zlib":
        body = zlib.decompress(body)
    return Vector(
        path.name,
        meta["expect"],
        meta.get("payload"),
        meta.get("file key"),
        identities,
        passphrases,
        meta.get("armored") == "yes",
        body,
    )


VECTORS = [_load(p) for p in sorted(TESTDATA.iterdir())]
