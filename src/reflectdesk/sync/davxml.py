"""PROPFIND bodies out and multistatus answers in, with a hardened XML parser.

``lxml`` (libxml2, already used for REFI-QDA) with entities unresolved, no DTD loaded,
no network and no huge trees; an answer that has a DOCTYPE at all is refused. A hostile
or broken server can neither expand entities (billion laughs) nor make us fetch anything.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

from reflectdesk.errors import ServerProtocolError
from reflectdesk.xmlsafe import hardened_parser

PROPFIND_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<d:propfind xmlns:d="DAV:"><d:prop>'
    b"<d:resourcetype/><d:getcontentlength/><d:getetag/><d:getlastmodified/>"
    b"</d:prop></d:propfind>"
)
_D = "{DAV:}"


@dataclass(frozen=True, slots=True)
class DavEntry:
    path: str  # decoded path, no trailing slash
    is_collection: bool
    size: int | None
    etag: str | None  # without quotes and without a weak marker
    mtime: float | None


def normalize_etag(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("W/"):
        value = value[2:]
    return value.strip('"') or None


def http_date(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _parser() -> etree.XMLParser:
    return hardened_parser(keep_comments=True)


def _ok_props(response: etree._Element) -> etree._Element | None:
    for propstat in response.findall(f"{_D}propstat"):
        status = propstat.findtext(f"{_D}status") or ""
        if " 200 " in f"{status} ":
            return propstat.find(f"{_D}prop")
    return None


def parse_multistatus(body: bytes) -> list[DavEntry]:
    try:
        root = etree.fromstring(body, _parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ServerProtocolError("PROPFIND XML") from exc
    if root.getroottree().docinfo.doctype:
        raise ServerProtocolError("PROPFIND DOCTYPE")
    if root.tag != f"{_D}multistatus":
        raise ServerProtocolError("PROPFIND root")
    entries: list[DavEntry] = []
    for response in root.findall(f"{_D}response"):
        href = (response.findtext(f"{_D}href") or "").strip()
        if not href:
            continue
        path = unquote(urlsplit(href).path).rstrip("/")
        prop = _ok_props(response)
        if prop is None:
            continue
        rtype = prop.find(f"{_D}resourcetype")
        is_collection = rtype is not None and rtype.find(f"{_D}collection") is not None
        length = (prop.findtext(f"{_D}getcontentlength") or "").strip()
        size = int(length) if length.isdigit() else None
        entries.append(
            DavEntry(
                path=path,
                is_collection=is_collection,
                size=size,
                etag=normalize_etag(prop.findtext(f"{_D}getetag")),
                mtime=http_date(prop.findtext(f"{_D}getlastmodified")),
            )
        )
    return entries
