"""The batch report's values and its CSV (issue 14)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from reflectdesk.errors import BundleTooLarge, FileUnwritable
from reflectdesk.services.batch_report import (
    BatchItem,
    BatchOutcome,
    BatchReport,
    refused,
    report_csv,
    write_report_csv,
)


def _report() -> BatchReport:
    return BatchReport(
        (
            BatchItem(Path("/a/1.rdbundle"), BatchOutcome.IMPORTED, contact_id="c1"),
            BatchItem(Path("/a/2.rdbundle"), BatchOutcome.ALREADY, contact_id="c2"),
            BatchItem(Path("/a/3.rdbundle"), BatchOutcome.IMPORTED, contact_id="c1"),
            refused(Path("/a/4.rdbundle"), BundleTooLarge("x", limit_mb=512)),
            BatchItem(Path("=cmd|x"), BatchOutcome.UNKNOWN_SENDER, "unknown_sender"),
        )
    )


def test_counts_refusals_and_the_senders_of_a_batch() -> None:
    report = _report()
    assert report.count(BatchOutcome.IMPORTED) == 2
    assert [i.path.name for i in report.refused] == ["4.rdbundle"]
    assert report.refused[0].reason_params == {"limit_mb": "512"}
    assert report.sender_contact_ids == ("c1", "c2")


def test_the_csv_is_text_for_spreadsheets_and_never_a_formula(tmp_path: Path) -> None:
    raw = report_csv(_report(), lambda item: f"[{item.reason}]")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode())))
    assert rows[4] == ["/a/4.rdbundle", "refused", "bundle_too_large", "[bundle_too_large]", ""]
    assert rows[1][3] == ""  # no reason, no text
    assert rows[5][0] == "'=cmd|x"
    dest = tmp_path / "informe.csv"
    write_report_csv(_report(), dest, lambda _i: "")
    assert dest.read_bytes() == report_csv(_report(), lambda _i: "")
    with pytest.raises(FileUnwritable):
        write_report_csv(_report(), tmp_path / "no-existe" / "x.csv", lambda _i: "")
