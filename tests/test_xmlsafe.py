"""The hardened XML parser: no entity expansion, no external files, no DTD loading."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from reflectdesk.xmlsafe import hardened_parser


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARYxml")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<r><s>&x;</s><t>&b;</t></r>"
    ).encode()
    root = etree.fromstring(doc, hardened_parser())
    text = etree.tostring(root)
    assert b"CANARYxml" not in text
    assert b"aaaaaaaaaa" not in text


def test_comments_are_dropped_unless_asked_for() -> None:
    doc = b"<r><!-- note --><a/></r>"
    assert b"note" not in etree.tostring(etree.fromstring(doc, hardened_parser()))
    kept = etree.fromstring(doc, hardened_parser(keep_comments=True))
    assert b"note" in etree.tostring(kept)
