"""What every CLI command receives: where the vault is, how to ask for secrets,
where to write, and how to translate."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from reflectdesk.errors import FileUnreadable, InvalidValue
from reflectdesk.i18n import Translator
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.location import VaultLocation, locate_vault
from reflectdesk.progress import Progress
from reflectdesk.services.vault import Vault


def read_secret_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileUnreadable(path.name) from exc
    # Only the trailing newline an editor adds is dropped; inner spaces count.
    return text.rstrip("\r\n")


@dataclass
class CliContext:
    args: argparse.Namespace
    translate: Translator
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _vault: Vault | None = None
    lang: str = "es"

    @property
    def location(self) -> VaultLocation:
        return locate_vault(getattr(self.args, "vault", None))

    @property
    def vault_dir(self) -> Path:
        return self.location.path

    def say(self, context: str, text: str, **params: object) -> None:
        self.out.write(self.translate(context, text, **params) + "\n")

    def emit_json(self, obj: Any) -> None:
        json.dump(obj, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")

    def passphrase(self, prompt_text: str | None = None) -> str:
        file = getattr(self.args, "passphrase_file", None)
        if file:
            return read_secret_file(Path(file))
        env = os.environ.get("REFLECTDESK_PASSPHRASE")
        if env is not None:
            return env
        prompt = prompt_text or self.translate("Cli", QT_TRANSLATE_NOOP("Cli", "Passphrase: "))
        return getpass.getpass(prompt)

    def new_passphrase(self) -> str:
        file = getattr(self.args, "new_passphrase_file", None)
        if file:
            return read_secret_file(Path(file))
        env = os.environ.get("REFLECTDESK_NEW_PASSPHRASE")
        if env is not None:
            return env
        first = getpass.getpass(self.translate("Cli", QT_TRANSLATE_NOOP("Cli", "New passphrase: ")))
        second = getpass.getpass(
            self.translate("Cli", QT_TRANSLATE_NOOP("Cli", "Repeat the new passphrase: "))
        )
        if first != second:
            raise InvalidValue("passphrase_mismatch")
        return first

    def progress(self) -> Callable[[Progress], None]:
        """Progress on stderr, only when it is a terminal."""
        if not self.err.isatty():
            return lambda _p: None

        def show(p: Progress) -> None:
            pct = f"{100 * p.done // p.total}%" if p.total else "…"
            self.err.write(f"\r{p.label_code} {pct}   ")
            if p.total and p.done >= p.total:
                self.err.write("\n")
            self.err.flush()

        return show

    def open_vault(self) -> Vault:
        """The vault, unlocked with the passphrase from file, env or prompt."""
        if self._vault is None:
            location = self.location
            for other in location.others:
                # Two vaults (the app's and one an older CLI made): say so, never hide one.
                self.err.write(
                    self.translate(
                        "Cli",
                        QT_TRANSLATE_NOOP(
                            "Cli",
                            "Note: another vault is in {path}; open it with --vault {path}",
                        ),
                        path=other,
                    )
                    + "\n"
                )
            vault = Vault.open(location.path)
            try:
                vault.unlock(self.passphrase(), progress=self.progress())
            except BaseException:
                vault.close()
                raise
            self._vault = vault
        return self._vault

    def close(self) -> None:
        if self._vault is not None:
            self._vault.close()
            self._vault = None
