"""Which files a batch opens: folders walked, links, FIFOs, the cap, the magic line;
nothing is read beyond 22 bytes to decide (issue 14, point 5)."""

from __future__ import annotations

import os
from pathlib import Path

from reflectdesk.bundles import BundleLimits
from reflectdesk.services.batch_collect import AGE_MAGIC, collect


def _bundle_like(path: Path, size: int = 100) -> Path:
    path.write_bytes(AGE_MAGIC + bytes(size))
    return path


def test_folders_are_walked_in_order_and_each_file_taken_once(tmp_path: Path) -> None:
    root = tmp_path / "cohorte"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    files = [_bundle_like(root / "b" / "2.rdbundle"), _bundle_like(root / "a" / "1.rdbundle")]
    (root / "a" / "copia.rdbundle").symlink_to(files[0])  # inside: the same file
    (root / "subir").symlink_to(root)  # a loop: not walked again
    found = collect([root, files[1]])
    assert len(found.candidates) == 2  # 1, then the link to 2 (met first): 2 itself is skipped
    assert [p.resolve() for p in found.candidates] == [files[1], files[0]]
    assert found.refused == []


def test_what_is_refused_without_reading_it(tmp_path: Path) -> None:
    root = tmp_path / "mezcla"
    root.mkdir()
    outside = _bundle_like(tmp_path / "fuera.rdbundle")
    (root / "fuera.rdbundle").symlink_to(outside)
    (root / "roto.rdbundle").symlink_to(tmp_path / "nada")
    os.mkfifo(root / "tuberia.rdbundle")
    (root / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(50))
    (root / "corto.rdbundle").write_bytes(b"age")
    _bundle_like(root / "grande.rdbundle", 2000)
    found = collect([root], BundleLimits(max_bundle_bytes=1024))
    reasons = {p.path.name: p.reason for p in found.refused}
    assert reasons == {
        "fuera.rdbundle": "symlink_outside_folder",
        "roto.rdbundle": "file_unreadable",
        "tuberia.rdbundle": "not_a_bundle",
        "foto.jpg": "not_a_bundle",
        "corto.rdbundle": "not_a_bundle",
        "grande.rdbundle": "bundle_too_large",
    }
    (big,) = [p for p in found.refused if p.reason == "bundle_too_large"]
    assert big.reason_params == {"limit_mb": "0"}  # for the message's {limit_mb}
    assert found.candidates == []
    # A link chosen by name is the user's choice: followed.
    assert collect([root / "fuera.rdbundle"]).candidates == [root / "fuera.rdbundle"]
