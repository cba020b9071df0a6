"""age v1 (C2SP ``age-encryption.org/v1``) for X25519 recipients, on ``cryptography``.

This is the published format, built only from the standard primitives the spec
names, each from ``cryptography`` (docs/bundle-format.md §6 has the parameters):

* file key: 16 random bytes;
* X25519 stanza: ephemeral X25519 share, wrap key = HKDF-SHA-256(shared secret,
  salt = share ‖ recipient, info ``age-encryption.org/v1/X25519``), the file key
  sealed with ChaCha20-Poly1305 under a zero nonce;
* header MAC: HMAC-SHA-256 keyed with HKDF-SHA-256(file key, info ``header``) over
  the header through ``---``;
* payload: a 16-byte random nonce, key = HKDF-SHA-256(file key, salt = nonce, info
  ``payload``), then STREAM: 64 KiB chunks sealed with ChaCha20-Poly1305, nonce =
  11-byte big-endian counter ‖ last-chunk flag.

Why not ``pyrage``: it holds the GIL and runs at ~60 % of the ``age`` binary, while
OpenSSL's ChaCha20-Poly1305 runs faster than ``age`` and lets the bundle layer hash
on a second core while it encrypts (the issue's throughput target). Conformance is
tested, not assumed: every C2SP/CCTV age vector, and the ``age`` binary and
``pyrage`` in both directions (tests/bundles/test_age_io.py).

Decryption writes into one buffer allocated up front at the exact plaintext size
(known from the payload length), so memory is the ciphertext plus the plaintext.
Every failure becomes a specific :class:`~reflectdesk.errors.BundleError`.

One switch, ``REFLECTDESK_AGE_BACKEND=pyrage``, hands sealing and opening the
payload to ``pyrage`` instead (:mod:`reflectdesk.bundles.age_pyrage`): the fallback
should a flaw be found here. The header pre-parse and its policy stay the same.
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import mmap
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from hashlib import sha256

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reflectdesk.bundles import age_pyrage
from reflectdesk.bundles.age_header import (
    CHUNK_BYTES,
    COLUMNS,
    NONCE_BYTES,
    TAG_BYTES,
    VERSION_LINE,
    X25519_TYPE,
    AgeHeader,
    Stanza,
    decode_b64_unpadded,
)
from reflectdesk.bundles.canonical import Blob
from reflectdesk.errors import (
    BundleBuildInvalid,
    BundleDecryptionFailed,
    BundleHeaderInvalid,
    BundleNotForYou,
)
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)

FILE_KEY_BYTES = 16
X25519_KEY_BYTES = 32
_X25519_INFO = b"age-encryption.org/v1/X25519"
_ZERO_NONCE = bytes(12)
_MAC_LINE_TAIL = 1 + 43 + 1  # " " + base64 of a 32-byte MAC + "\n", after "---"
_REPORT_EVERY = 128  # chunks (8 MiB) between progress reports and cancel checks
_SINK_BLOCK = 64 * (CHUNK_BYTES + TAG_BYTES)  # ~4 MiB: a few dozen writes per 100 MB
PlaintextBuffer = mmap.mmap | bytearray
Plaintext = PlaintextBuffer | bytes  # bytes: from the pyrage backend
Sink = Callable[[memoryview], object]  # takes ciphertext; must copy what it keeps
ChunkHook = Callable[[memoryview, int], None]  # (plaintext buffer, bytes final so far)


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def chunk_count(plaintext_length: int) -> int:
    """STREAM chunks for a plaintext: at least one; a full last chunk is the last."""
    return max(1, -(-plaintext_length // CHUNK_BYTES))


def header_length(recipients: int) -> int:
    """Our headers' exact length: every X25519 stanza has the same size."""
    stanza = len(b"-> X25519 ") + 43 + 1 + 43 + 1
    return len(VERSION_LINE) + recipients * stanza + len(b"---") + _MAC_LINE_TAIL


def ciphertext_length(header_length: int, plaintext_length: int) -> int:
    return (
        header_length + NONCE_BYTES + plaintext_length + chunk_count(plaintext_length) * TAG_BYTES
    )


# --- header ------------------------------------------------------------------------------
def _x25519_stanza(file_key: bytes, recipient: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    share = ephemeral.public_key().public_bytes_raw()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    except ValueError:  # a low-order recipient key: the file key would be exposed
        raise BundleBuildInvalid("age: recipient key is a low-order point") from None
    wrap_key = _hkdf(shared, share + recipient, _X25519_INFO)
    body = _b64(ChaCha20Poly1305(wrap_key).encrypt(_ZERO_NONCE, file_key, None))
    lines = [body[i : i + COLUMNS] for i in range(0, len(body), COLUMNS)]
    if len(body) % COLUMNS == 0:
        lines.append(b"")  # the body's last line is always shorter than 64 columns
    return b"-> " + X25519_TYPE.encode() + b" " + _b64(share) + b"\n" + b"\n".join(lines) + b"\n"


def _unwrap_x25519(stanza: Stanza, identity: X25519PrivateKey, own: bytes) -> bytes | None:
    share = decode_b64_unpadded(stanza.args[0].encode("ascii"))  # checked by parse_header
    try:
        shared = identity.exchange(X25519PublicKey.from_public_bytes(share))
    except ValueError:  # an all-zero shared secret: a low-order share, which age refuses
        raise BundleHeaderInvalid("X25519 share is a low-order point") from None
    wrap_key = _hkdf(shared, share + own, _X25519_INFO)
    try:
        file_key = ChaCha20Poly1305(wrap_key).decrypt(_ZERO_NONCE, stanza.body, None)
    except InvalidTag:
        return None  # sealed to someone else
    return file_key if len(file_key) == FILE_KEY_BYTES else None


def _header_mac(file_key: bytes, header_through_dashes: Blob) -> bytes:
    key = _hkdf(file_key, b"", b"header")
    return hmac.new(key, header_through_dashes, sha256).digest()


def encode_header(file_key: bytes, recipients: Sequence[bytes]) -> bytes:
    """The age header sealing ``file_key`` to each 32-byte X25519 ``recipients`` key."""
    head = VERSION_LINE + b"".join(_x25519_stanza(file_key, r) for r in recipients) + b"---"
    return head + b" " + _b64(_header_mac(file_key, head)) + b"\n"


def _unwrap(header: AgeHeader, identity: X25519PrivateKey) -> bytes | None:
    own = identity.public_key().public_bytes_raw()
    for stanza in header.stanzas:
        if stanza.type == X25519_TYPE:
            file_key = _unwrap_x25519(stanza, identity, own)
            if file_key is not None:
                return file_key
    return None


def is_for(header: AgeHeader, identity: X25519PrivateKey) -> bool:
    """Whether one of the header's stanzas opens with ``identity`` (no MAC check)."""
    return _unwrap(header, identity) is not None


def file_key_of(data: Blob, header: AgeHeader, identity: X25519PrivateKey) -> bytes:
    """Unwrap the file key with ``identity`` and check the header MAC."""
    file_key = _unwrap(header, identity)
    if file_key is None:
        raise BundleNotForYou("no stanza matches this identity")
    covered = memoryview(data)[: header.header_length - _MAC_LINE_TAIL]
    if not hmac.compare_digest(_header_mac(file_key, covered), header.mac):
        raise BundleDecryptionFailed("header MAC")
    return file_key


# --- payload -----------------------------------------------------------------------------
def _chunks(pieces: Iterable[Blob]) -> Iterator[Blob]:
    """The concatenation of ``pieces`` cut into 64 KiB chunks (the last may be short).

    A chunk inside one piece is a slice of it (no copy); one spanning pieces is
    assembled. ``pieces`` may be a generator: later pieces are produced only when
    the encryption reaches them.
    """
    pending = bytearray()
    for piece in pieces:
        view = memoryview(piece).cast("B")
        size = len(view)
        pos = 0
        if pending:
            pos = min(CHUNK_BYTES - len(pending), size)
            pending += view[:pos]
            if len(pending) < CHUNK_BYTES:
                continue
            yield pending
            pending = bytearray()
        while size - pos >= CHUNK_BYTES:
            yield view[pos : pos + CHUNK_BYTES]
            pos += CHUNK_BYTES
        pending += view[pos:]
    if pending:
        yield pending


class _Output:
    """Where sealed bytes go: windows of one buffer, handed out in order.

    With ``sink`` the buffer is a reused block that is passed to ``sink`` whenever
    it fills (the export streams to its file: no 100 MB buffer, no page faults);
    without, it is the whole ciphertext, allocated once at its exact size.
    """

    def __init__(self, size: int, sink: Sink | None) -> None:
        self._sink = sink
        self.buffer = bytearray(min(size, _SINK_BLOCK) if sink else size)
        self._view = memoryview(self.buffer)
        self._pos = 0

    def window(self, size: int) -> memoryview:
        if self._sink is not None and self._pos + size > len(self.buffer):
            self.flush()
            if size > len(self.buffer):  # pragma: no cover - a header over the block size
                self.buffer = bytearray(size)
                self._view = memoryview(self.buffer)
        start = self._pos
        self._pos += size
        return self._view[start : self._pos]

    def flush(self) -> None:
        if self._sink is not None and self._pos:
            self._sink(self._view[: self._pos])
            self._pos = 0

    def close(self) -> None:
        self.flush()
        self._view.release()


def _seal(
    pieces: Iterable[Blob],
    plaintext_length: int,
    recipients: Sequence[bytes],
    out: _Output,
    progress: ProgressSink,
    cancel: CancelToken,
) -> None:
    if not recipients:
        raise BundleBuildInvalid("age: no recipient")
    file_key = os.urandom(FILE_KEY_BYTES)
    header = encode_header(file_key, recipients)
    if len(header) != header_length(len(recipients)):  # pragma: no cover - sizes the output
        raise BundleBuildInvalid("age: header length")
    nonce = os.urandom(NONCE_BYTES)
    out.window(len(header))[:] = header
    out.window(NONCE_BYTES)[:] = nonce
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    count = chunk_count(plaintext_length)
    done = 0
    for counter, chunk in enumerate(_chunks(pieces)):
        if done + len(chunk) > plaintext_length:
            raise BundleBuildInvalid("age: more plaintext than announced")
        if counter % _REPORT_EVERY == 0:
            cancel.raise_if_cancelled()
            progress(Progress(done, plaintext_length, "bundle-encrypt"))
        nonce_i = _chunk_nonce(counter, counter == count - 1)
        aead.encrypt_into(nonce_i, chunk, None, out.window(len(chunk) + TAG_BYTES))
        done += len(chunk)
    if plaintext_length == 0:  # one empty, final chunk
        aead.encrypt_into(_chunk_nonce(0, True), b"", None, out.window(TAG_BYTES))
    elif done != plaintext_length:
        raise BundleBuildInvalid("age: less plaintext than announced")
    out.close()
    progress(Progress(plaintext_length, plaintext_length, "bundle-encrypt"))


def encrypt(
    pieces: Iterable[Blob],
    plaintext_length: int,
    recipients: Sequence[bytes],
    *,
    sink: Sink,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> int:
    """age-encrypt the concatenation of ``pieces`` (exactly ``plaintext_length`` bytes).

    ``recipients`` are raw 32-byte X25519 public keys. The ciphertext goes to
    ``sink`` in blocks; returns its length. See :func:`encrypt_to_memory`.
    """
    if age_pyrage.backend() == age_pyrage.PYRAGE:
        cancel.raise_if_cancelled()
        sealed = memoryview(age_pyrage.encrypt(pieces, plaintext_length, recipients))
        for start in range(0, len(sealed), _SINK_BLOCK):
            sink(sealed[start : start + _SINK_BLOCK])
        progress(Progress(plaintext_length, plaintext_length, "bundle-encrypt"))
        return len(sealed)
    size = ciphertext_length(header_length(len(recipients)), plaintext_length)
    out = _Output(size, sink)
    _seal(pieces, plaintext_length, recipients, out, progress, cancel)
    return size


def encrypt_to_memory(
    pieces: Iterable[Blob],
    plaintext_length: int,
    recipients: Sequence[bytes],
    *,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> bytearray:
    """Like :func:`encrypt`, into one buffer allocated once at its exact size."""
    if age_pyrage.backend() == age_pyrage.PYRAGE:
        cancel.raise_if_cancelled()
        sealed = bytearray(age_pyrage.encrypt(pieces, plaintext_length, recipients))
        progress(Progress(plaintext_length, plaintext_length, "bundle-encrypt"))
        return sealed
    size = ciphertext_length(header_length(len(recipients)), plaintext_length)
    out = _Output(size, None)
    _seal(pieces, plaintext_length, recipients, out, progress, cancel)
    return out.buffer


def allocate(size: int) -> PlaintextBuffer:
    """A zeroed buffer of ``size`` bytes: an anonymous map on transparent huge pages.

    2 MiB pages cut the cost of first touching 100 MB from ~30 ms (4 KiB faults) to
    ~5 ms; the map is private to this process and freed with it.
    """
    if size == 0 or not hasattr(mmap, "MAP_ANONYMOUS"):
        return bytearray(size)
    try:
        buffer = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    except OSError:
        return bytearray(size)
    if hasattr(mmap, "MADV_HUGEPAGE"):
        with contextlib.suppress(OSError):
            buffer.madvise(mmap.MADV_HUGEPAGE)
    return buffer


def decrypt(
    data: Blob,
    identity: X25519PrivateKey,
    header: AgeHeader,
    *,
    on_chunk: ChunkHook | None = None,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Plaintext:
    """Decrypt ``data`` (whose ``header`` was pre-parsed) with an X25519 identity.

    ``on_chunk(view, n)`` is given, after each chunk, the ``n`` bytes of plaintext that
    have authenticated so far (a read-only view; they are final: the import hashes ZIP
    members on another core meanwhile); it must not raise. Nothing is returned unless
    every chunk authenticated.
    """
    if age_pyrage.backend() == age_pyrage.PYRAGE:
        cancel.raise_if_cancelled()
        progress(Progress(0, header.plaintext_length, "bundle-decrypt"))
        plaintext = age_pyrage.decrypt(data, identity, header.plaintext_length)
        if on_chunk is not None:
            on_chunk(memoryview(plaintext), len(plaintext))
        progress(Progress(len(plaintext), len(plaintext), "bundle-decrypt"))
        return plaintext
    file_key = file_key_of(data, header, identity)
    source = memoryview(data).cast("B")
    start = header.header_length
    nonce = bytes(source[start : start + NONCE_BYTES])
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    size = header.plaintext_length
    count = chunk_count(size)
    out = allocate(size)
    target = memoryview(out)
    pos = start + NONCE_BYTES
    done = 0
    try:
        for counter in range(count):
            if counter % _REPORT_EVERY == 0:
                cancel.raise_if_cancelled()
                progress(Progress(done, size, "bundle-decrypt"))
            length = min(CHUNK_BYTES, size - done)
            sealed = source[pos : pos + length + TAG_BYTES]
            nonce_i = _chunk_nonce(counter, counter == count - 1)
            if length:
                aead.decrypt_into(nonce_i, sealed, None, target[done : done + length])
            else:
                aead.decrypt(nonce_i, sealed, None)
            pos += length + TAG_BYTES
            done += length
            if on_chunk is not None:
                on_chunk(target[:done].toreadonly(), done)
    except InvalidTag:
        # decrypt_into writes before it checks the tag: leave no unverified plaintext.
        target[done : done + length] = bytes(length)
        target.release()
        raise BundleDecryptionFailed(f"payload chunk {counter}") from None
    target.release()
    progress(Progress(size, size, "bundle-decrypt"))
    return out
