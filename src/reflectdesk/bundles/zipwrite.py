"""Write a "stored" ZIP as a list of pieces, without copying the files into one buffer.

The output is the subset :mod:`reflectdesk.bundles.zipsafe` accepts and any unzip
reads: entries back to back from offset 0, no compression, no data descriptors,
no extra fields or comments, ASCII names, a fixed timestamp (1980-01-01 00:00, so
the archive reveals no clock), Unix regular-file mode 0644, one disk, no ZIP64.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

from reflectdesk.bundles.canonical import Blob

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_EOCD = struct.Struct("<4s4H2LH")
_VERSION = 20  # 2.0
_MADE_BY = (3 << 8) | _VERSION  # Unix
_DOS_TIME = 0
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_MODE = 0o100644 << 16
_MAX_U32 = 0xFFFFFFFF
_MAX_ENTRIES = 0xFFFF


def stored_zip(members: Sequence[tuple[str, Blob, int]]) -> list[Blob]:
    """The ZIP of ``(name, data, crc32)`` members, as pieces to concatenate in order."""
    if len(members) >= _MAX_ENTRIES:
        raise ValueError("too many ZIP entries")
    pieces: list[Blob] = []
    central = bytearray()
    offset = 0
    for name, data, crc in members:
        raw_name = name.encode("ascii")
        size = len(data)
        local = _LOCAL.pack(
            b"PK\x03\x04", _VERSION, 0, 0, _DOS_TIME, _DOS_DATE, crc, size, size, len(raw_name), 0
        )
        central += _CENTRAL.pack(
            b"PK\x01\x02",
            _MADE_BY,
            _VERSION,
            0,
            0,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            size,
            size,
            len(raw_name),
            0,
            0,
            0,
            0,
            _MODE,
            offset,
        )
        central += raw_name
        pieces.append(local + raw_name)
        pieces.append(data)
        offset += len(local) + len(raw_name) + size
        if offset > _MAX_U32:
            raise ValueError("ZIP larger than 4 GiB")
    eocd = _EOCD.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(central), offset, 0)
    pieces.append(bytes(central))
    pieces.append(eocd)
    return pieces
