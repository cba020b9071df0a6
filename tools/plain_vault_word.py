"""Say "espacio" (masculine) instead of "bóveda" in the Spanish UI (issue 16.8).

"Bóveda" is jargon to a student teacher. The Spanish translation calls the encrypted
folder that holds her journals, keys and contacts "tu espacio" ("Tu espacio está
bloqueado", "Crear mi espacio", "Abrir tu espacio", "Copia de seguridad de tu espacio");
the English source keeps "vault" (docs/gui.md, glossary). Journals stay "diarios": a few
strings that said "diario" for the whole vault are moved to "espacio" too.

Repeatable and idempotent: run it after other branches add strings, then look at what it
printed (each changed translation, before and after) and at what it still flags.

    python tools/plain_vault_word.py                 # rewrite resources/i18n/reflectdesk_es.ts
    python tools/plain_vault_word.py --check         # change nothing; exit 1 if anything is left

Rules are phrases, longest first, so gender agrees ("la bóveda está bloqueada" → "tu
espacio está bloqueado"). Anything the rules do not cover ("bóveda" still there, or a
source that says "vault" whose translation says "diario") is listed for a person to fix
(add a rule here, then run again).
"""

from __future__ import annotations

import html
import logging
import re
import sys
from pathlib import Path

log = logging.getLogger("plain_vault_word")

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "reflectdesk_es.ts"

# Whole sentences first (gender of pronouns and participles), then phrases, then words.
PHRASES: list[tuple[str, str]] = [
    # sentences whose agreement reaches beyond the noun
    ("Bóveda creada en", "Espacio creado en"),
    ("Bóveda recuperada;", "Espacio recuperado;"),
    ("La bóveda está bloqueada.", "Tu espacio está bloqueado."),
    ("Coincide. Tu bóveda está lista.", "Coincide. Tu espacio está listo."),
    ("Tu bóveda ya está creada.", "Tu espacio ya está creado."),
    (
        "Esta bóveda ya está abierta en otra ventana.",
        "Este espacio ya está abierto en otra ventana.",
    ),
    ("Cambia a la ventana que la tiene abierta,", "Cambia a la ventana que lo tiene abierto,"),
    # the hint of "Tu espacio está bloqueado." (VaultLocked): "it" is the vault
    ("Primero desbloquéala con tu frase", "Primero desbloquéalo con tu frase"),
    ("Esta bóveda fue escrita por", "Este espacio fue escrito por"),
    (
        "Ábrela o elige otra carpeta para una bóveda nueva.",
        "Ábrelo o elige otra carpeta para un espacio nuevo.",
    ),
    ("Crea una con 'init' o elige", "Crea uno con 'init' o elige"),
    ("Crea una con &apos;init&apos; o elige", "Crea uno con &apos;init&apos; o elige"),
    ("No hay una bóveda en esta carpeta.", "No hay un espacio de ReflectDesk en esta carpeta."),
    (
        "Ya existe una bóveda en esta carpeta.",
        "Ya existe un espacio de ReflectDesk en esta carpeta.",
    ),
    ("Este archivo no es una bóveda de", "Este archivo no es un espacio de"),
    ("Verificando la bóveda convertida", "Verificando tu espacio convertido"),
    ("La bóveda no se vuelve a cifrar", "Tu espacio no se vuelve a cifrar"),
    ("la bóveda se abre igual que antes", "tu espacio se abre igual que antes"),
    # "espacio en el disco" would now read as the same word: say it another way
    ("Libera espacio en el disco", "Haz lugar en el disco"),
    # "diario" used for the whole vault (journals stay "diarios")
    ("Copiando el diario cifrado…", "Copiando tu espacio cifrado…"),
    ("hay otro diario en {path}", "hay otro espacio en {path}"),
    ("las comprobaciones del diario pasan", "las comprobaciones del espacio pasan"),
    ("tu diario no se tocó", "tu espacio no se tocó"),
    ("para el diario restaurado", "para el espacio restaurado"),
    ("Hay otro diario en %1.", "Hay otro espacio en %1."),
    # English says "journal" for the whole vault in places (what locks, unlocks, is backed
    # up and restored): in Spanish that is "espacio" too; the text one writes stays
    # "diario" ("puede leer tu diario", "texto de tu diario").
    ("Cada vez que el diario se bloquea", "Cada vez que tu espacio se bloquea"),
    (
        "Tu diario todavía no tiene copia de seguridad",
        "Tu espacio todavía no tiene copia de seguridad",
    ),
    ("Restaurar un diario desde una copia", "Restaurar tu espacio desde una copia"),
    ("el diario restaurado", "el espacio restaurado"),
    ("Diario restaurado", "Espacio restaurado"),
    ("tu diario actual no se toca", "tu espacio actual no se toca"),
    ("Tu diario está cifrado. Escribe tu frase", "Tu espacio está cifrado. Escribe tu frase"),
    (
        "Tu diario no se ve afectado: se guarda aparte",
        "Tu espacio no se ve afectado: se guarda aparte",
    ),
    ("volver a entrar a tu diario", "volver a entrar a tu espacio"),
    # phrases
    ("tu bóveda cifrada", "tu espacio cifrado"),
    ("la carpeta completa de la bóveda", "la carpeta completa de tu espacio"),
    ("fuera de la bóveda", "fuera de tu espacio"),
    ("La cabecera de la bóveda", "La cabecera de tu espacio"),
    ("copias de la bóveda", "copias de tu espacio"),
    ("Copias de la bóveda", "Copias de tu espacio"),
    ("de la bóveda", "de tu espacio"),
    ("a la bóveda", "a tu espacio"),
    ("en la bóveda", "en tu espacio"),
    ("La bóveda", "Tu espacio"),
    ("la bóveda", "tu espacio"),
    ("Esta bóveda", "Este espacio"),
    ("esta bóveda", "este espacio"),
    ("Una bóveda", "Un espacio"),
    ("una bóveda", "un espacio"),
    ("Tu bóveda", "Tu espacio"),
    ("tu bóveda", "tu espacio"),
    ("Mi bóveda", "Mi espacio"),
    ("mi bóveda", "mi espacio"),
    ("Bóveda", "Espacio"),
    ("bóveda", "espacio"),
]

_TRANSLATION = re.compile(r"(<(translation|numerusform)(?: [^>]*)?>)(.*?)(</\2>)", re.DOTALL)
_MESSAGE = re.compile(r"<message[^>]*>.*?</message>", re.DOTALL)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.DOTALL)
# A source that speaks of the vault, and a translation that still calls it a journal.
_VAULT_SOURCE = re.compile(r"\bvaults?\b", re.IGNORECASE)
_STILL_JOURNAL = re.compile(r"\bdiario\b", re.IGNORECASE)


def plain(text: str) -> str:
    for old, new in PHRASES:
        text = text.replace(old, new)
    return text


def rewrite(ts_text: str) -> tuple[str, list[tuple[str, str]]]:
    """The file with every translation rewritten, and the (before, after) pairs."""
    changed: list[tuple[str, str]] = []

    def one(match: re.Match[str]) -> str:
        before = match.group(3)
        after = plain(before)
        if after != before:
            changed.append((html.unescape(before), html.unescape(after)))
        return match.group(1) + after + match.group(4)

    return _TRANSLATION.sub(one, ts_text), changed


def leftovers(ts_text: str) -> list[str]:
    """Translations a rule did not settle: a person decides (and adds a rule)."""
    found: list[str] = []
    for message in _MESSAGE.findall(ts_text):
        source_match = _SOURCE.search(message)
        source = html.unescape(source_match.group(1)) if source_match else ""
        for match in _TRANSLATION.finditer(message):
            text = html.unescape(match.group(3))
            if "bóveda" in text.casefold():
                found.append(f"still 'bóveda': {text}")
            elif (
                _VAULT_SOURCE.search(source)
                and "journal" not in source.casefold()
                and _STILL_JOURNAL.search(text)
            ):
                found.append(f"'vault' said as 'diario': {source} → {text}")
    return found


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    check = "--check" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [TS]
    status = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        new_text, changed = rewrite(text)
        for before, after in changed:
            log.info("%s\n  → %s", before, after)
        if changed and check:
            status = 1
        elif changed:
            path.write_text(new_text, encoding="utf-8")
            log.info("%s: %d translations rewritten", path, len(changed))
        for line in leftovers(new_text):
            log.warning("%s: %s", path.name, line)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
