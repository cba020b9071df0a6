"""Every corruption of a valid bundle is a BundleError, never anything else."""

from __future__ import annotations

import contextlib
import random

from reflectdesk.bundles import Identity, PinnedKey, inspect_bundle, open_bundle
from reflectdesk.errors import BundleError
from tests.bundles.helpers import make_bundle, sample_files

FLIPS = 1000
TRUNCATIONS = 100


def _expect_bundle_error(data: bytes, reader: Identity, author: Identity) -> str:
    pinned = PinnedKey(author.public.signing_key, author.public.age_recipient)
    try:
        open_bundle(data, reader, {author.public.signing_key: pinned})
    except BundleError as exc:
        return exc.code
    raise AssertionError("a corrupted bundle was opened")


def test_tamper_sweep(alice: Identity, bob: Identity) -> None:
    files, _ = sample_files(entries=3, attachment_bytes=70_000)  # two STREAM chunks
    data = make_bundle(alice, [bob.public], files)
    assert open_bundle(data, bob, {}).author == alice.public
    rng = random.Random(20250301)
    codes: dict[str, int] = {}
    for _ in range(FLIPS):
        position = rng.randrange(len(data))
        mutated = bytearray(data)
        mutated[position] ^= rng.randrange(1, 256)
        code = _expect_bundle_error(bytes(mutated), bob, alice)
        codes[code] = codes.get(code, 0) + 1
    for length in rng.sample(range(len(data)), TRUNCATIONS):
        code = _expect_bundle_error(data[:length], bob, alice)
        codes[code] = codes.get(code, 0) + 1
    assert sum(codes.values()) == FLIPS + TRUNCATIONS
    # The sweep reaches several layers (header, MAC, payload), not just one check.
    assert {"bundle_decryption_failed", "bundle_header_invalid"} <= set(codes)


def test_inspect_never_raises_anything_else(alice: Identity, bob: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    rng = random.Random(7)
    for _ in range(200):
        mutated = bytearray(data)
        mutated[rng.randrange(len(data))] ^= rng.randrange(1, 256)
        for reader in (None, bob):
            with contextlib.suppress(BundleError):
                inspect_bundle(bytes(mutated), reader)
