"""The one hardened XML parser: for files and server answers that come from elsewhere
(REFI-QDA projects, WebDAV PROPFIND). No DTD, no entities, no network, no huge trees."""

from __future__ import annotations

from lxml import etree


def hardened_parser(*, keep_comments: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=not keep_comments,
    )
