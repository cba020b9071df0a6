"""Where the data files shipped with ReflectDesk (templates, standards, translations) live."""

from __future__ import annotations

from pathlib import Path


def resource_dir() -> Path:
    """``<repo>/resources`` in a source checkout, else the ``_resources`` folder of a wheel."""
    in_repo = Path(__file__).resolve().parents[2] / "resources"
    if in_repo.is_dir():
        return in_repo
    return Path(__file__).parent / "_resources"
