"""The one seam between the inbox and the import service (sync, issue 17).

The inbox imports through exactly the checks of a manual import: ``prepare`` (open,
verify, plan; nothing stored) then ``import_prepared`` (the same bytes, one
transaction). Only this module names the bundle service, so a change of its shape
(export and import in separate modules) is a change here only.
"""

from __future__ import annotations

from pathlib import Path

from reflectdesk.domain.model import ImportResult
from reflectdesk.progress import NEVER_CANCELLED, CancelToken
from reflectdesk.services.bundle_import import BundleImportService, PreparedImport


class InboxImporter:
    def __init__(self, imports: BundleImportService) -> None:
        self._bundles = imports

    def check(self, path: Path, cancel: CancelToken = NEVER_CANCELLED) -> PreparedImport:
        return self._bundles.prepare(path, cancel=cancel)

    def store(
        self,
        prepared: PreparedImport,
        *,
        confirm_unknown_sender: bool = False,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> ImportResult:
        return self._bundles.import_prepared(
            prepared, confirm_unknown_sender=confirm_unknown_sender, cancel=cancel
        )
