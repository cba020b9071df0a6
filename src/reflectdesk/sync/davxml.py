"""PROPFIND bodies out and multistatus answers in, with a hardened XML parser.

``lxml`` (libxml2, already used for REFI-QDA) with entities unresolved, no DTD loaded,
no network and no huge trees; an answer that has a DOCTYPE at all is refused. A hostile
or broken server can neither expand entities (billion laughs) nor make us fetch anything.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime
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


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
# RFC 9110's preferred form, what servers send: "Wed, 02 Dec 2026 10:00:00 GMT".
_IMF_FIXDATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) "
    r"(\d{2}):(\d{2}):(\d{2}) GMT"
)


def http_date(value: str | None) -> float | None:
    """Seconds since the epoch of an HTTP date, or None. The usual form is parsed
    directly (a listing of 500 files has 500 of them); the others (RFC 850, asctime,
    other zones) through ``email.utils``."""
    if not value:
        return None
    m = _IMF_FIXDATE.fullmatch(value.strip())
    if m is not None and m.group(2) in _MONTHS:
        day, _, year, hour, minute, second = m.groups()
        try:
            return datetime(
                int(year), _MONTHS[m.group(2)], int(day), int(hour), int(minute), int(second),
                tzinfo=UTC,
            ).timestamp()  # fmt: skip
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _href_path(href: str) -> str:
    """The decoded path of an ``href`` without a trailing slash. A plain absolute path
    (what servers send) is taken as it is; anything else goes through ``urlsplit``."""
    if href.startswith("/") and not href.startswith("//") and not _NEEDS_SPLIT.search(href):
        return href.rstrip("/")
    return unquote(urlsplit(href).path).rstrip("/")


_NEEDS_SPLIT = re.compile(r"[%?#\\]")


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
        path = _href_path(href)
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
