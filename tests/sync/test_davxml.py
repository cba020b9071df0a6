"""PROPFIND answers: parsed strictly, and never with entity expansion."""

from __future__ import annotations

import pytest

from reflectdesk.errors import ServerProtocolError
from reflectdesk.sync.davxml import http_date, normalize_etag, parse_multistatus

MULTISTATUS = b"""<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
 <d:response><d:href>/dav/ex%20change/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>https://h.example/dav/ex%20change/a1.rdbundle</d:href>
  <d:propstat><d:prop><d:resourcetype/><d:getcontentlength>1234</d:getcontentlength>
  <d:getetag>W/"abc-1"</d:getetag>
  <d:getlastmodified>Wed, 02 Dec 2026 10:00:00 GMT</d:getlastmodified></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><d:quota/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status>
  </d:propstat></d:response>
</d:multistatus>"""


def test_multistatus_is_parsed() -> None:
    folder, item = parse_multistatus(MULTISTATUS)
    assert folder.is_collection and folder.path == "/dav/ex change"
    assert item.path == "/dav/ex change/a1.rdbundle" and not item.is_collection
    assert (item.size, item.etag) == (1234, "abc-1")
    assert item.mtime == 1796205600.0


@pytest.mark.parametrize(
    "hostile",
    [
        # billion laughs
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<d:multistatus xmlns:d="DAV:"><d:response><d:href>&b;</d:href></d:response>'
        b"</d:multistatus>",
        # external entity
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<d:multistatus xmlns:d="DAV:"><d:response><d:href>&x;</d:href></d:response>'
        b"</d:multistatus>",
        # an entity without a declaration
        b'<d:multistatus xmlns:d="DAV:"><d:response><d:href>&x;</d:href></d:response>'
        b"</d:multistatus>",
        # a DOCTYPE alone is refused: a WebDAV answer never needs one
        b'<?xml version="1.0"?><!DOCTYPE d:multistatus><d:multistatus xmlns:d="DAV:"/>',
        b"<html>not webdav</html>",
        b"<unclosed",
    ],
)
def test_hostile_or_foreign_answers_are_refused(hostile: bytes) -> None:
    with pytest.raises(ServerProtocolError):
        parse_multistatus(hostile)


def test_etags_are_compared_without_quotes_or_weak_marker() -> None:
    assert normalize_etag('W/"x"') == normalize_etag('"x"') == "x"
    assert normalize_etag(None) is None and normalize_etag('""') is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Wed, 02 Dec 2026 10:00:00 GMT", 1796205600.0),  # the usual form: parsed directly
        ("Sun, 06 Nov 1994 08:49:37 GMT", 784111777.0),
        ("Sunday, 06-Nov-94 08:49:37 GMT", 784111777.0),  # RFC 850: the general parser
        ("Sun Nov  6 08:49:37 1994", 784111777.0),  # asctime
        ("Wed, 02 Dec 2026 10:00:00 +0100", 1796202000.0),  # another zone
        ("Wed, 31 Feb 2026 10:00:00 GMT", None),  # no such day
        ("Wed, 02 Foo 2026 10:00:00 GMT", None),
        ("garbage", None),
        ("", None),
        (None, None),
    ],
)
def test_http_dates(value: str | None, expected: float | None) -> None:
    assert http_date(value) == expected


@pytest.mark.parametrize(
    ("href", "path"),
    [
        ("/dav/exchange/a1.rdbundle", "/dav/exchange/a1.rdbundle"),
        ("/dav/exchange/", "/dav/exchange"),
        ("/dav/ex%20change/", "/dav/ex change"),  # decoded
        ("https://h.example/dav/x/", "/dav/x"),  # an absolute URL: its path
        ("//h.example/dav/x", "/dav/x"),  # network-path reference: not a path
        ("/dav/x?y=1", "/dav/x"),
        ("/dav/x#y", "/dav/x"),
    ],
)
def test_href_paths(href: str, path: str) -> None:
    answer = MULTISTATUS.replace(b"/dav/ex%20change/</d:href>", href.encode() + b"</d:href>")
    assert parse_multistatus(answer)[0].path == path
