"""Entries: write, revise, read, restore, attach."""

from __future__ import annotations

import builtins
import difflib
import logging
import mimetypes
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from reflectdesk.atomic_files import atomic_write
from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.merge import (
    Choice,
    EntryConflict,
    Origin,
    Version,
    apply_choices,
    conflict_of,
)
from reflectdesk.domain.model import (
    AttachmentInfo,
    Changes,
    Entry,
    EntryContent,
    EntrySummary,
    Revision,
    SearchFilters,
    Space,
)
from reflectdesk.errors import (
    AttachmentTooLarge,
    ConflictChanged,
    EntryNotFound,
    FileUnreadable,
    FileUnwritable,
    InvalidValue,
    NoConflict,
    ReadOnlyEntry,
    RecordTampered,
)
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.attachments import MAX_ATTACHMENT_BYTES

log = logging.getLogger(__name__)

MAX_TITLE = 500
MAX_SECTION_CHARS = 200_000
MAX_TAGS = 50


def check_own_authorship(st: UnlockedState, entry_ids: Sequence[str]) -> None:
    """An entry in one of the owner's journals must have been last written by the
    owner's key (sealed in its head revision). The journal placement columns are plain
    text; this catches a received entry moved into an own journal by editing the file."""
    for entry_id, author in st.entries.head_authors(entry_ids).items():
        if author not in st.own_authors:  # the current key, or one it replaced
            raise RecordTampered(f"entries.placement:{entry_id}")


class TemplateGate(Protocol):
    """What entries need from the template service (kept apart to avoid a cycle)."""

    def check_content(self, content: EntryContent) -> EntryContent: ...

    def snapshot(self, template_id: str, version: int) -> None: ...


@dataclass(frozen=True, slots=True)
class SectionDiff:
    key: str
    lines: tuple[str, ...]  # unified diff lines, "+", "-", " " prefixed


def _normalise(content: EntryContent) -> EntryContent:
    title = content.title.strip()
    if len(title) > MAX_TITLE:
        raise InvalidValue("title")
    for key, text in content.sections.items():
        if not key or len(text) > MAX_SECTION_CHARS:
            raise InvalidValue(f"section:{key}")
    tags: list[str] = []
    for tag in content.tags:
        tag = tag.strip()
        if tag and tag.casefold() not in {t.casefold() for t in tags}:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise InvalidValue("tags")
    standards = tuple(dict.fromkeys(s.strip().upper() for s in content.standards if s.strip()))
    return replace(content, title=title, tags=tuple(tags), standards=standards)


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp() * 1000)


def check_attachment_file(path: Path, max_bytes: int = MAX_ATTACHMENT_BYTES) -> int:
    """Size of a file about to be attached, or the error a user should see."""
    try:
        st = path.stat()
    except OSError as exc:
        raise FileUnreadable(path.name) from exc
    if not path.is_file() or not os.access(path, os.R_OK):
        raise FileUnreadable(path.name)
    if st.st_size > max_bytes:
        raise AttachmentTooLarge(path.name, limit_mb=max_bytes // (1024 * 1024))
    return st.st_size


class EntryService:
    def __init__(
        self,
        state: Callable[[], UnlockedState],
        templates: Callable[[], TemplateGate | None] = lambda: None,
    ) -> None:
        self._state = state
        self._templates = templates

    # -- helpers ---------------------------------------------------------------------
    def _prepare(self, content: EntryContent) -> EntryContent:
        content = _normalise(content)
        gate = self._templates()
        if gate is not None:
            content = gate.check_content(content)
        return content

    def _index(self, st: UnlockedState, entry: Entry, revisions: int) -> None:
        st.index.upsert(
            IndexDoc.from_content(
                entry_id=entry.id,
                journal_id=entry.journal_id,
                created_ms=int(entry.created_at.timestamp() * 1000),
                updated_ms=int(entry.updated_at.timestamp() * 1000),
                revisions=revisions,
                content=entry.content,
            )
        )

    @staticmethod
    def _check_writable(st: UnlockedState, entry_id: str) -> None:
        """Received entries (another author's, imported from a bundle) are read-only."""
        where = st.entries.locations([entry_id]).get(entry_id)
        if where is not None and where.space is not Space.OWN:
            raise ReadOnlyEntry(entry_id)
        if where is not None:
            check_own_authorship(st, [entry_id])

    def _with_attachments(self, st: UnlockedState, entry: Entry) -> Entry:
        return replace(entry, attachments=tuple(st.attachments.list(entry.id)))

    # -- writes ----------------------------------------------------------------------
    def add(
        self,
        journal_id: str,
        content: EntryContent,
        attachments: Sequence[Path] = (),
        *,
        started: datetime | None = None,
    ) -> Entry:
        """A new entry; ``started``: when the editing session that wrote it began
        (sealed in its first revision, for the history's labels)."""
        content = self._prepare(content)
        for path in attachments:  # check before anything is stored
            check_attachment_file(path)
        st = self._state()
        with st.write_lock:
            if st.journals.get(journal_id).space is not Space.OWN:
                raise ReadOnlyEntry(journal_id)
            entry = st.entries.create(journal_id, content, st.author, _ms(started))
            gate = self._templates()
            if gate is not None:
                gate.snapshot(content.template_id, content.template_version)
            infos = [self._attach_locked(st, entry.id, p) for p in attachments]
            self._index(st, entry, 1)
        st.emit(
            Changes(
                entries=frozenset({entry.id}),
                journals=frozenset({journal_id}),
                attachments=frozenset(i.id for i in infos),
            )
        )
        return replace(entry, attachments=tuple(infos))

    def edit(self, entry_id: str, content: EntryContent) -> Entry:
        """A new revision, unless nothing changed (autosave calls this freely)."""
        content = self._prepare(content)
        st = self._state()
        with st.write_lock:
            self._check_writable(st, entry_id)
            entry, changed = st.entries.revise(entry_id, content, st.author)
            if not changed:
                return self._with_attachments(st, entry)
            gate = self._templates()
            if gate is not None:
                gate.snapshot(content.template_id, content.template_version)
            self._index(st, entry, entry.head.seq)
        st.emit(Changes(entries=frozenset({entry_id})))
        return self._with_attachments(st, entry)

    def edit_from(
        self,
        entry_id: str,
        content: EntryContent,
        base_revision_id: str,
        *,
        amend: str | None = None,
        started: datetime | None = None,
    ) -> tuple[Entry, str]:
        """:meth:`edit` of the version an editor loaded (``base_revision_id``): if an
        import moved the head meanwhile (a sync from another computer), the edit is
        merged with it section by section (docs/merge.md), never written over it.
        Returns the entry (its head may be the merge) and the revision holding
        ``content``, the editor's next base.

        An editing session (docs/history.md): ``amend`` names the revision this
        session wrote, replaced by one holding ``content`` when it is still the head
        and has not left the device; otherwise a new revision is written, sealed with
        ``started`` (when the session began)."""
        content = self._prepare(content)
        st = self._state()
        with st.write_lock:
            self._check_writable(st, entry_id)
            before = st.entries.get(entry_id).head.id
            amended = None
            if amend is not None and amend == base_revision_id:
                amended = st.entries.amend(entry_id, amend, content, st.author)
            if amended is not None:
                entry, written = amended, amended.head.id
            else:
                entry, written = st.entries.revise_from(
                    entry_id, base_revision_id, content, st.author, _ms(started)
                )
            if entry.head.id == before and written == before:  # nothing changed
                return self._with_attachments(st, entry), written
            gate = self._templates()
            if gate is not None:
                gate.snapshot(content.template_id, content.template_version)
            merged = entry.head.id != written  # a merge (or a conflict) was made
            self._index(st, entry, len(st.entries.history(entry_id)) if merged else entry.head.seq)
        st.emit(Changes(entries=frozenset({entry_id})))
        return self._with_attachments(st, entry), written

    def restore(self, entry_id: str, revision_id: str) -> Entry:
        """Make an old revision's content the head again, as a new revision."""
        old = self._state().entries.revision(entry_id, revision_id)
        return self.edit(entry_id, old.content)

    def _attach_locked(self, st: UnlockedState, entry_id: str, path: Path) -> AttachmentInfo:
        check_attachment_file(path)
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        try:
            with path.open("rb") as fh:
                return st.attachments.add(entry_id, fh, path.name, media_type)
        except OSError as exc:
            raise FileUnreadable(path.name) from exc

    def attach(self, entry_id: str, path: Path) -> AttachmentInfo:
        st = self._state()
        with st.write_lock:
            if not st.entries.exists(entry_id):
                raise EntryNotFound(entry_id)
            self._check_writable(st, entry_id)
            info = self._attach_locked(st, entry_id, path)
        st.emit(Changes(entries=frozenset({entry_id}), attachments=frozenset({info.id})))
        return info

    def remove_attachment(self, attachment_id: str) -> None:
        st = self._state()
        with st.write_lock:
            info = st.attachments.info(attachment_id)
            self._check_writable(st, info.entry_id)
            st.attachments.delete(attachment_id)
        st.emit(Changes(entries=frozenset({info.entry_id}), attachments=frozenset({info.id})))

    # -- concurrent versions (docs/merge.md) -------------------------------------------
    def has_conflict(self, entry_id: str) -> bool:
        """Whether the entry shows two (or more) versions: cheap, for the editor's banner."""
        return self._state().entries.is_conflicted(entry_id)

    def conflict(self, entry_id: str) -> EntryConflict:
        """An entry's concurrent versions side by side, labelled (this computer, another
        computer, its author), with their merge base and what merges by itself.
        ``NoConflict`` when there is one version (or the author merged them)."""
        graph = self._state().entries.graph(entry_id)
        merged_ids = {r for r, n in graph.nodes.items() if n.automatic}

        def origin(rev_id: str) -> Origin:
            if not graph.own:
                return Origin.AUTHOR
            if rev_id in merged_ids:
                return Origin.MERGED
            return Origin.OTHER_COMPUTER if rev_id in graph.via else Origin.THIS_COMPUTER

        versions = {
            r.id: Version(r.id, r.created_at, origin(r.id), r.content)
            for r in graph.revisions.values()
        }
        found = conflict_of(
            entry_id,
            graph.nodes,
            versions,
            lambda rev_id: graph.revisions[rev_id].content,
            own=graph.own,
        )
        if found is None:
            raise NoConflict(entry_id)
        return found

    def resolve_conflict(
        self, entry_id: str, versions: Sequence[str], choices: Mapping[str, Choice]
    ) -> Entry:
        """The author's merge of her entry's versions: for each conflicting field
        (``title``, ``event_date``, ``template``, ``section:<key>``) the index of a
        version in ``versions`` (as :meth:`conflict` listed them) or her own text.
        Stored as one revision whose parents are every version, signed by her; the
        entry is no longer conflicted. ``ConflictChanged`` if the versions changed
        since she saw them; ``ReadOnlyEntry`` for someone else's entry."""
        st = self._state()
        with st.write_lock:
            self._check_writable(st, entry_id)
            seen = self.conflict(entry_id)
            if tuple(versions) != seen.tips:
                raise ConflictChanged(entry_id)
            if not seen.resolvable:
                raise ReadOnlyEntry(entry_id)
            content = apply_choices(seen.merged, [v.content for v in seen.versions], choices)
            content = self._prepare(content)
            entry = st.entries.add_resolution(entry_id, seen.tips, content, st.author)
            self._index(st, entry, len(st.entries.graph(entry_id).revisions))
        log.info("entry %s: concurrent versions resolved by its author", entry_id)
        st.emit(Changes(entries=frozenset({entry_id})))
        return self._with_attachments(st, entry)

    # -- reads -----------------------------------------------------------------------
    def get(self, entry_id: str) -> Entry:
        st = self._state()
        return self._with_attachments(st, st.entries.get(entry_id))

    def list(
        self,
        filters: SearchFilters | None = None,
        sort: str = "date",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EntrySummary]:
        return self._state().index.summaries(filters, sort, descending, limit, offset)

    def count(self) -> int:
        return len(self._state().index)

    def history(self, entry_id: str) -> builtins.list[Revision]:
        return self._state().entries.history(entry_id)

    def revision(self, entry_id: str, revision_id: str) -> Revision:
        return self._state().entries.revision(entry_id, revision_id)

    def diff(
        self, entry_id: str, old_revision_id: str, new_revision_id: str
    ) -> builtins.list[SectionDiff]:
        """Per-section unified diffs between two revisions (title first)."""
        a = self.revision(entry_id, old_revision_id).content
        b = self.revision(entry_id, new_revision_id).content
        out: list[SectionDiff] = []
        pairs = [("title", a.title, b.title)]
        keys = list(dict.fromkeys([*a.sections, *b.sections]))
        pairs += [(k, a.sections.get(k, ""), b.sections.get(k, "")) for k in keys]
        pairs += [
            ("tags", "\n".join(a.tags), "\n".join(b.tags)),
            ("standards", "\n".join(a.standards), "\n".join(b.standards)),
        ]
        for key, old, new in pairs:
            if old == new:
                continue
            lines = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=2)
            body = tuple(line for line in lines if not line.startswith(("---", "+++", "@@")))
            out.append(SectionDiff(key, body))
        return out

    def attachment(self, attachment_id: str) -> AttachmentInfo:
        return self._state().attachments.info(attachment_id)

    def attachment_chunks(self, attachment_id: str) -> Iterator[bytes]:
        return self._state().attachments.read_chunks(attachment_id)

    def attachment_bytes(self, attachment_id: str) -> bytes:
        """For showing an image inline: in memory only."""
        return self._state().attachments.read_all(attachment_id)

    def save_attachment_as(self, attachment_id: str, dest: Path) -> AttachmentInfo:
        """Write a plaintext copy where the user asked, and only there (atomic)."""
        st = self._state()
        info = st.attachments.info(attachment_id)
        data = st.attachments.read_all(attachment_id)
        atomic_write(dest, data, mode=0o600, error=FileUnwritable)
        log.info("attachment %s saved out on request", attachment_id)
        return info
