"""Every cap the bundle layer enforces, in one frozen value (docs/bundle-format.md §7).

The defaults are the product's limits; tests pass smaller ones. A cap is checked
before the work it bounds: the bundle size before decrypting, the stanza count
while the header is read, the ZIP entry count before the central directory is
parsed, a JSON file's size before it is decoded.
"""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class BundleLimits:
    max_bundle_bytes: int = 512 * MiB  # the encrypted file, checked before decrypting
    max_header_bytes: int = 64 * 1024  # the age header, through the MAC line
    max_stanzas: int = 64  # age recipient stanzas, unknown (grease) ones included
    max_recipients: int = 50  # people a bundle is addressed to, besides its author
    max_files: int = 10_000  # ZIP entries, manifest and signature included
    max_file_bytes: int = 50 * MiB  # one file, after decompression
    max_total_bytes: int = 512 * MiB  # all files, after decompression
    max_ratio: int = 100  # uncompressed / compressed size of a deflated entry
    max_manifest_bytes: int = 4 * MiB
    max_signature_bytes: int = 16 * 1024
    max_json_bytes: int = 2 * MiB  # one entry or record
    max_card_bytes: int = 8 * 1024  # one contact card or revocation

    @property
    def max_bundle_mb(self) -> int:
        return self.max_bundle_bytes // MiB


DEFAULT_LIMITS = BundleLimits()
