"""What a batch import reports (issue 14): per file a result and a reason code, the
unknown senders with their safety numbers, progress as data, and the report as CSV.

Values only: the service (:mod:`reflectdesk.services.batch_import`) fills them and the
front ends show them, translating the reason codes (the codes of
:mod:`reflectdesk.errors`) into sentences. Names travel to the screen, never to a log
or to the CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reflectdesk.atomic_files import atomic_write
from reflectdesk.errors import FileUnwritable, ReflectDeskError


class BatchOutcome(StrEnum):
    IMPORTED = "imported"
    ALREADY = "already"  # imported before (this file, or the same bundle)
    REFUSED = "refused"  # ``reason`` says why; nothing of it was stored
    UNKNOWN_SENDER = "unknown_sender"  # waits for the safety number check
    NOT_DONE = "not_done"  # cancelled, or the batch stopped before it


@dataclass(frozen=True, slots=True)
class BatchItem:
    path: Path
    outcome: BatchOutcome
    reason: str = ""  # the error code of a refusal (or of what stopped the batch)
    bundle_id: str = ""
    sender: str = ""  # display name, for the front end only (never logged)
    sender_key_id: str = ""
    contact_id: str | None = None
    entries_new: int = 0
    entries_updated: int = 0
    contact_added: bool = False
    # The refusal's parameters (a limit, a date: never journal text), for its message.
    params: tuple[tuple[str, str], ...] = ()

    @property
    def reason_params(self) -> dict[str, str]:
        return dict(self.params)


@dataclass(frozen=True, slots=True)
class UnknownSenderInfo:
    """One unknown sender of a batch and the files of theirs that wait."""

    key_id: str
    name: str
    institution: str
    safety_number: str
    same_name_contacts: tuple[str, ...]
    paths: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class BatchProgress:
    done: int  # bundles finished (any outcome)
    total: int
    path: Path | None = None  # the file being worked on, or just finished
    sender: str = ""  # its sender's display name, once known (front ends only)
    item: BatchItem | None = None  # set when a file has just finished


BatchSink = Callable[[BatchProgress], None]


def ignore_batch_progress(_: BatchProgress) -> None:
    """A sink for callers that show no progress."""


@dataclass(frozen=True, slots=True)
class BatchReport:
    items: tuple[BatchItem, ...]
    unknown_senders: tuple[UnknownSenderInfo, ...] = ()
    cancelled: bool = False
    stopped: str = ""  # the code of an error that stopped the batch (a full disk)
    seconds: float = 0.0

    def count(self, outcome: BatchOutcome) -> int:
        return sum(1 for i in self.items if i.outcome is outcome)

    @property
    def refused(self) -> tuple[BatchItem, ...]:
        return tuple(i for i in self.items if i.outcome is BatchOutcome.REFUSED)

    @property
    def sender_contact_ids(self) -> tuple[str, ...]:
        """The contacts whose bundles this batch imported or already had (a cohort)."""
        return tuple(
            dict.fromkeys(
                i.contact_id
                for i in self.items
                if i.contact_id and i.outcome in (BatchOutcome.IMPORTED, BatchOutcome.ALREADY)
            )
        )


def refused(path: Path, err: ReflectDeskError) -> BatchItem:
    """The row of a file refused with ``err`` (its code and parameters, never text)."""
    params = tuple((k, str(v)) for k, v in err.params.items())
    return BatchItem(path, BatchOutcome.REFUSED, err.code, params=params)


# -- the report as CSV ----------------------------------------------------------------------
CSV_COLUMNS = ("file", "result", "reason_code", "reason", "bundle_id")


def report_csv(report: BatchReport, describe: Callable[[BatchItem], str]) -> bytes:
    """The report as CSV (UTF-8 with a BOM, so spreadsheets read the accents): one row
    per file with its result and reason (``describe`` gives the reason in the front
    end's language). No journal text, no names."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in report.items:
        text = describe(item) if item.reason else ""
        writer.writerow(
            [_cell(str(item.path)), item.outcome.value, item.reason, _cell(text), item.bundle_id]
        )
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def _cell(text: str) -> str:
    """A file name a sender chose could start with ``=``: never a formula in a sheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_report_csv(report: BatchReport, dest: Path, describe: Callable[[BatchItem], str]) -> None:
    """Write :func:`report_csv` to ``dest`` atomically (a crash leaves the old file or
    the new one)."""
    atomic_write(dest, report_csv(report, describe), mode=0o600, error=FileUnwritable)
