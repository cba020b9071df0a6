"""A strict ZIP reader that works entirely in memory and never extracts to disk.

It accepts a deliberately small subset of ZIP (docs/bundle-format.md §3): one disk,
no ZIP64, no archive or entry comments, no encryption, no data descriptors, only
"stored" and "deflate", regular files only (no directories, symlinks or special
files), and entries laid out back to back from offset 0 up to the central
directory, so nothing can hide between, before or inside other entries (no
overlapping-entry bombs). The central directory and every local header must agree.

Checked in this order, each failure a specific :class:`~reflectdesk.errors.BundleError`:
end record → entry count cap → central directory → each name (no ``..``, absolute
path, backslash, drive, control character, directory) → duplicates (exact, and
after Unicode NFKC + case folding) → the caller's allow-list → flags, method,
attributes, extra fields → size caps (per file, total, compression ratio) → local
headers and layout → data (deflate bounded by the declared size, CRC-32).

Stored entries are returned as read-only ``memoryview`` slices of the input (no
copy); deflated ones as ``bytes`` decompressed with a hard output bound.
"""

from __future__ import annotations

import re
import stat
import struct
import unicodedata
import zlib
from dataclasses import dataclass

from reflectdesk.bundles.canonical import Blob
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.errors import (
    BundleArchiveInvalid,
    BundleCompressed,
    BundleCompressionSuspicious,
    BundleDuplicateName,
    BundleEntryUnsupported,
    BundleFileTooLarge,
    BundleTooManyFiles,
    BundleUnsafeName,
)
from reflectdesk.progress import NEVER_CANCELLED, CancelToken

STORED = 0
DEFLATED = 8
_AES_ENCRYPTED = 99  # WinZip AES: encryption, not compression
_EOCD = struct.Struct("<4s4H2LH")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_LOCAL = struct.Struct("<4s5H3L2H")
_EOCD_SIG = b"PK\x05\x06"
_CENTRAL_SIG = b"PK\x01\x02"
_LOCAL_SIG = b"PK\x03\x04"
_ALLOWED_FLAGS = 0x0806  # bits 1-2: deflate options; bit 11: UTF-8 names
_FLAG_ENCRYPTED = 0x0001 | 0x0040 | 0x2000
_FLAG_DESCRIPTOR = 0x0008
_FLAG_UTF8 = 0x0800
_MAX_VERSION_NEEDED = 20
_ZIP64_EXTRA = 0x0001
_HOST_UNIX = 3
_DOS_DIRECTORY = 0x10
_WIN_REPARSE_POINT = 0x400
_MAX_NAME_BYTES = 255
_DRIVE = re.compile(r"[A-Za-z]:")
_CONTROL = re.compile("[\x00-\x1f\x7f]")  # C0 controls and DEL


STORED_ONLY: frozenset[int] = frozenset({STORED})


@dataclass(frozen=True, slots=True)
class ZipPolicy:
    names: re.Pattern[str]  # full-match allow-list
    max_files: int
    max_file_bytes: int
    max_total_bytes: int
    max_ratio: int
    methods: frozenset[int] = frozenset({STORED, DEFLATED})
    # A caller that checks a cryptographic hash of every member may skip CRC-32 of
    # stored members (deflated ones are always checked: it guards the inflater).
    verify_stored_crc: bool = True

    @classmethod
    def from_limits(
        cls, names: re.Pattern[str], limits: BundleLimits = DEFAULT_LIMITS
    ) -> ZipPolicy:
        return cls(
            names=names,
            max_files=limits.max_files,
            max_file_bytes=limits.max_file_bytes,
            max_total_bytes=limits.max_total_bytes,
            max_ratio=limits.max_ratio,
        )


@dataclass(frozen=True, slots=True)
class ZipMember:
    name: str
    method: int
    size: int
    compressed_size: int
    crc32: int
    data: memoryview | bytes  # read-only
    offset: int = -1  # where a stored member's data starts in the archive


@dataclass(slots=True)
class _Central:
    name: str
    raw_name: bytes
    flags: int
    method: int
    crc: int
    csize: int
    usize: int
    offset: int
    data_start: int = 0


def _check_extra(extra: memoryview, name: str) -> None:
    pos = 0
    while pos < len(extra):
        if pos + 4 > len(extra):
            raise BundleArchiveInvalid(f"{name}: extra field")
        field_id, size = struct.unpack_from("<2H", extra, pos)
        if pos + 4 + size > len(extra):
            raise BundleArchiveInvalid(f"{name}: extra field")
        if field_id == _ZIP64_EXTRA:
            raise BundleEntryUnsupported(f"{name}: ZIP64")
        pos += 4 + size


def _decode_name(raw: bytes, flags: int) -> str:
    try:
        return raw.decode("utf-8") if flags & _FLAG_UTF8 else raw.decode("cp437")
    except UnicodeDecodeError:
        raise BundleUnsafeName("name is not UTF-8") from None


def check_name_safety(name: str) -> None:
    """Reject names that could escape a folder or confuse a file system."""
    if not name or len(name.encode("utf-8")) > _MAX_NAME_BYTES:
        raise BundleUnsafeName("empty or too long name")
    if _CONTROL.search(name):
        raise BundleUnsafeName("control character in a name")
    if "\\" in name:
        raise BundleUnsafeName("backslash in a name")
    if name.startswith("/") or _DRIVE.match(name) or ":" in name:
        raise BundleUnsafeName("absolute path or drive in a name")
    if name.endswith("/"):
        raise BundleUnsafeName("directory entry")
    if any(part in ("", ".", "..") for part in name.split("/")):
        raise BundleUnsafeName("'..', '.' or empty path segment")


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


def _parse_central(
    view: memoryview, policy: ZipPolicy
) -> tuple[list[_Central], int]:  # entries, offset of the central directory
    total = len(view)
    if total < _EOCD.size:
        raise BundleArchiveInvalid("too short to be a ZIP")
    eocd = total - _EOCD.size
    sig, disk, cd_disk, n_here, n_total, cd_size, cd_offset, comment = _EOCD.unpack_from(view, eocd)
    if sig != _EOCD_SIG or comment != 0:
        raise BundleArchiveInvalid("no end-of-archive record at the end (or a comment)")
    if 0xFFFF in (disk, cd_disk, n_here, n_total) or 0xFFFFFFFF in (cd_size, cd_offset):
        raise BundleEntryUnsupported("ZIP64")
    if disk != 0 or cd_disk != 0 or n_here != n_total:
        raise BundleArchiveInvalid("multi-disk archive")
    if n_total > policy.max_files:
        raise BundleTooManyFiles(f"{n_total} > {policy.max_files}", limit=policy.max_files)
    if cd_offset + cd_size != eocd or cd_size < n_total * _CENTRAL.size:
        raise BundleArchiveInvalid("central directory size or offset")
    entries: list[_Central] = []
    pos = cd_offset
    for _ in range(n_total):
        if pos + _CENTRAL.size > eocd:
            raise BundleArchiveInvalid("central directory truncated")
        (
            sig,
            made_by,
            needed,
            flags,
            method,
            _time,
            _date,
            crc,
            csize,
            usize,
            name_len,
            extra_len,
            comment_len,
            disk_start,
            _internal,
            external,
            offset,
        ) = _CENTRAL.unpack_from(view, pos)
        if sig != _CENTRAL_SIG:
            raise BundleArchiveInvalid("central directory entry signature")
        pos += _CENTRAL.size
        end = pos + name_len + extra_len + comment_len
        if end > eocd:
            raise BundleArchiveInvalid("central directory truncated")
        raw_name = view[pos : pos + name_len].tobytes()
        name = _decode_name(raw_name, flags)
        check_name_safety(name)
        label = name if policy.names.fullmatch(name) else "<name>"
        if flags & _FLAG_ENCRYPTED:
            raise BundleEntryUnsupported(f"{label}: encrypted entry")
        if flags & _FLAG_DESCRIPTOR:
            raise BundleEntryUnsupported(f"{label}: data descriptor")
        if flags & ~_ALLOWED_FLAGS:
            raise BundleEntryUnsupported(f"{label}: flags {flags:#06x}")
        if method not in policy.methods:
            if policy.methods == STORED_ONLY and method != _AES_ENCRYPTED:
                # Refused from the directory, before a byte is inflated (no amplification).
                raise BundleCompressed(f"{label}: compression method {method}")
            raise BundleEntryUnsupported(f"{label}: compression method {method}")
        if needed > _MAX_VERSION_NEEDED:
            raise BundleEntryUnsupported(f"{label}: needs ZIP version {needed}")
        if disk_start != 0 or comment_len != 0:
            raise BundleArchiveInvalid(f"{label}: disk number or entry comment")
        if made_by >> 8 == _HOST_UNIX:
            file_type = stat.S_IFMT(external >> 16)  # 0: no type given (Python's zipfile)
            if file_type not in (0, stat.S_IFREG):
                raise BundleEntryUnsupported(f"{label}: symlink, directory or special file")
        if external & (_DOS_DIRECTORY | _WIN_REPARSE_POINT):
            raise BundleEntryUnsupported(f"{label}: directory or reparse point attribute")
        _check_extra(view[pos + name_len : pos + name_len + extra_len], label)
        entries.append(_Central(name, raw_name, flags, method, crc, csize, usize, offset))
        pos = end
    if pos != eocd:
        raise BundleArchiveInvalid("data between the central directory and its end")
    return entries, cd_offset


def _check_names(entries: list[_Central], policy: ZipPolicy) -> None:
    exact: set[str] = set()
    folded: set[str] = set()
    for entry in entries:
        if entry.name in exact:
            raise BundleDuplicateName(entry.name if policy.names.fullmatch(entry.name) else "")
        key = _fold(entry.name)
        if key in folded:
            raise BundleDuplicateName("names differ only by case or Unicode form")
        exact.add(entry.name)
        folded.add(key)
    for entry in entries:
        if not policy.names.fullmatch(entry.name):
            raise BundleUnsafeName("name not allowed in a bundle")


def _check_sizes(entries: list[_Central], policy: ZipPolicy) -> None:
    total = 0
    for entry in entries:
        if entry.usize > policy.max_file_bytes:
            raise BundleFileTooLarge(f"{entry.name}: {entry.usize} > {policy.max_file_bytes}")
        total += entry.usize
        if total > policy.max_total_bytes:
            raise BundleFileTooLarge(f"total > {policy.max_total_bytes}")
        if entry.method == STORED and entry.csize != entry.usize:
            raise BundleArchiveInvalid(f"{entry.name}: stored sizes differ")
        if entry.method == DEFLATED and entry.usize > policy.max_ratio * max(entry.csize, 1):
            raise BundleCompressionSuspicious(f"{entry.name}: ratio > {policy.max_ratio}")


def _check_layout(view: memoryview, entries: list[_Central], cd_offset: int) -> None:
    expected = 0
    for entry in sorted(entries, key=lambda e: e.offset):
        if entry.offset != expected:
            raise BundleArchiveInvalid("entries overlap or hide data between them")
        if entry.offset + _LOCAL.size > cd_offset:
            raise BundleArchiveInvalid(f"{entry.name}: local header truncated")
        (sig, needed, flags, method, _t, _d, crc, csize, usize, name_len, extra_len) = (
            _LOCAL.unpack_from(view, entry.offset)
        )
        if sig != _LOCAL_SIG:
            raise BundleArchiveInvalid(f"{entry.name}: local header signature")
        start = entry.offset + _LOCAL.size
        if (
            needed > _MAX_VERSION_NEEDED
            or flags != entry.flags
            or method != entry.method
            or (crc, csize, usize) != (entry.crc, entry.csize, entry.usize)
            or view[start : start + name_len].tobytes() != entry.raw_name
        ):
            raise BundleArchiveInvalid(f"{entry.name}: local header disagrees with directory")
        _check_extra(view[start + name_len : start + name_len + extra_len], entry.name)
        entry.data_start = start + name_len + extra_len
        expected = entry.data_start + entry.csize
        if expected > cd_offset:
            raise BundleArchiveInvalid(f"{entry.name}: data runs into the central directory")
    if expected != cd_offset:
        raise BundleArchiveInvalid("data between the last entry and the central directory")


def _inflate(data: memoryview, entry: _Central) -> bytes:
    inflater = zlib.decompressobj(-15)
    try:
        # max_length bounds the output whatever the header claims (0 would mean no bound).
        out = inflater.decompress(data, entry.usize + 1)
    except zlib.error:
        raise BundleArchiveInvalid(f"{entry.name}: deflate stream") from None
    if len(out) > entry.usize:
        raise BundleCompressionSuspicious(f"{entry.name}: inflates beyond its declared size")
    if (
        len(out) != entry.usize
        or not inflater.eof
        or inflater.unused_data
        or inflater.unconsumed_tail
    ):
        raise BundleArchiveInvalid(f"{entry.name}: deflate stream length")
    return out


def read_zip(
    data: Blob, policy: ZipPolicy, *, cancel: CancelToken = NEVER_CANCELLED
) -> dict[str, ZipMember]:
    """Read every member of the ZIP in ``data``; see the module docstring for the rules."""
    view = memoryview(data).cast("B")
    if not view.readonly:
        view = view.toreadonly()
    entries, cd_offset = _parse_central(view, policy)
    _check_names(entries, policy)
    _check_sizes(entries, policy)
    _check_layout(view, entries, cd_offset)
    members: dict[str, ZipMember] = {}
    for entry in sorted(entries, key=lambda e: e.offset):
        cancel.raise_if_cancelled()
        raw = view[entry.data_start : entry.data_start + entry.csize]
        content: memoryview | bytes = raw if entry.method == STORED else _inflate(raw, entry)
        check_crc = entry.method != STORED or policy.verify_stored_crc
        if check_crc and zlib.crc32(content) != entry.crc:
            raise BundleArchiveInvalid(f"{entry.name}: CRC-32")
        offset = entry.data_start if entry.method == STORED else -1
        members[entry.name] = ZipMember(
            entry.name, entry.method, entry.usize, entry.csize, entry.crc, content, offset
        )
    return members
