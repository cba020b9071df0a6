"""Which files a batch import opens (issue 14): files and folders, walked recursively.

A link whose target leaves the chosen folder is not followed (``symlink_outside_folder``);
anything that is not a regular file (a FIFO, a device) is never opened; a regular file
is looked at by its size and its first 22 bytes only (the age magic line), so 5,000
photos in the folder cost a few milliseconds each, and one over the bundle cap is
refused without being read (``bundle_too_large``). The same file reached twice (chosen,
and inside a chosen folder; a link inside the folder) is opened once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.errors import (
    BundleTooLarge,
    FileUnreadable,
    NotABundle,
    ReflectDeskError,
    SymlinkOutsideFolder,
)
from reflectdesk.services.batch_report import BatchItem, refused

AGE_MAGIC = b"age-encryption.org/v1\n"


@dataclass(slots=True)
class Collected:
    """The files a batch will open, and those refused while looking for them."""

    candidates: list[Path] = field(default_factory=list)
    refused: list[BatchItem] = field(default_factory=list)


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _quick_check(path: Path, limits: BundleLimits) -> ReflectDeskError | None:
    """Is this worth reading? Never opens anything but a regular file (a FIFO would
    block), reads 22 bytes at most."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return FileUnreadable(path.name)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return NotABundle(path.name)
        if st.st_size > limits.max_bundle_bytes:
            return BundleTooLarge(path.name, limit_mb=limits.max_bundle_mb)
        if st.st_size < len(AGE_MAGIC) or os.read(fd, len(AGE_MAGIC)) != AGE_MAGIC:
            return NotABundle(path.name)
        return None
    except OSError:
        return FileUnreadable(path.name)
    finally:
        os.close(fd)


def collect(paths: Iterable[Path], limits: BundleLimits = DEFAULT_LIMITS) -> Collected:
    """The files to open from files and folders (recursively), in a stable order, each
    once; what cannot be a bundle is refused here without being read."""
    out = Collected()
    seen: set[tuple[int, int]] = set()

    def consider(path: Path) -> None:
        err = _quick_check(path, limits)
        if err is not None:
            out.refused.append(refused(path, err))
            return
        try:
            st = path.stat()
        except OSError:
            out.refused.append(refused(path, FileUnreadable(path.name)))
            return
        if (st.st_dev, st.st_ino) in seen:
            return  # the same file twice (chosen and inside a chosen folder, a link)
        seen.add((st.st_dev, st.st_ino))
        out.candidates.append(path)

    def listing(folder: Path) -> Iterator[os.DirEntry[str]] | None:
        try:
            with os.scandir(folder) as it:
                return iter(sorted(it, key=lambda e: e.name))
        except OSError:
            out.refused.append(refused(folder, FileUnreadable(folder.name)))
            return None

    def walk(top: Path, root: Path) -> None:
        """Depth first, in name order, with a stack of its own (a folder nested a
        thousand deep must not exhaust Python's recursion)."""
        first = listing(top)
        stack = [first] if first is not None else []
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
                continue
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    try:
                        target = path.resolve(strict=True)
                    except (OSError, RuntimeError):  # dangling, or a loop
                        out.refused.append(refused(path, FileUnreadable(path.name)))
                        continue
                    if not _within(target, root):
                        out.refused.append(refused(path, SymlinkOutsideFolder(path.name)))
                    elif target.is_file():
                        consider(path)
                    # a link to a folder inside: its files are reached by the walk itself
                elif entry.is_dir(follow_symlinks=False):
                    inner = listing(path)
                    if inner is not None:
                        stack.append(inner)
                else:
                    consider(path)
            except OSError:
                out.refused.append(refused(path, FileUnreadable(path.name)))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            walk(path, path.resolve())
        else:
            consider(path)  # chosen by name: a link the user chose is followed
    return out
