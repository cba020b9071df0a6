"""Coverage-guided fuzz target (atheris / libFuzzer) for the age header parser and the
decryptor: ``python tests/bundles/fuzz_age.py CORPUS_DIR -max_total_time=25``.

Run by tests/bundles/test_age_fuzz.py in ``make test`` for a bounded time. For every
input: ``parse_header`` and ``age_io.decrypt`` may only ever raise a ``BundleError``
(anything else is a crash libFuzzer reports, with the input saved as an artifact);
and whatever we decrypt, ``pyrage`` must decrypt to the same bytes (we are never laxer
than the Rust implementation). The corpus starts with real files to a fixed key, so
mutations reach the MAC check and the STREAM chunks, not only the first line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris
import pyrage
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

with atheris.instrument_imports(
    include=["reflectdesk.bundles.age_header", "reflectdesk.bundles.age_io"]
):
    from reflectdesk.bundles import age_io, bech32
    from reflectdesk.bundles.age_header import CHUNK_BYTES, parse_header
    from reflectdesk.errors import BundleError

SECRET = bytes(range(1, 33))  # a fixed test key: seeds and mutations are sealed to it
IDENTITY = X25519PrivateKey.from_private_bytes(SECRET)
PUBLIC = IDENTITY.public_key().public_bytes_raw()
THEIRS = pyrage.x25519.Identity.from_str(bech32.encode("age-secret-key-", SECRET).upper())
OTHER = X25519PrivateKey.generate().public_key().public_bytes_raw()


def seeds() -> dict[str, bytes]:
    """Real files to the fixed key (ours and pyrage's, several recipients, each size class)."""
    out: dict[str, bytes] = {}
    for size in (0, 1, 100, CHUNK_BYTES, CHUNK_BYTES + 1):
        data = os.urandom(size)
        out[f"ours-{size}"] = bytes(age_io.encrypt_to_memory([data], size, [OTHER, PUBLIC]))
        out[f"pyrage-{size}"] = pyrage.encrypt(data, [THEIRS.to_public()])
    return out


def one_input(data: bytes) -> None:
    try:
        header = parse_header(data)
        plaintext = bytes(age_io.decrypt(data, IDENTITY, header))
    except BundleError:
        return
    try:
        theirs = pyrage.decrypt(data, [THEIRS])
    except pyrage.DecryptError as exc:
        raise AssertionError(f"we decrypted what pyrage refuses: {exc}") from None
    if theirs != plaintext:
        raise AssertionError("we and pyrage decrypted to different bytes")


def main() -> None:
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None and corpus.is_dir() and not any(corpus.iterdir()):
        for name, blob in seeds().items():
            (corpus / name).write_bytes(blob)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
