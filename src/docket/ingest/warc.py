"""A WARC record of an original page, carrying its sha256, for web-archive tools to verify."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

# a page's own URL is hostile input: a line break in it would forge header lines
_NOT_IN_URI = re.compile(r"[\x00-\x20\x7f]")


def warc_resource(payload: bytes, sha256: str, uri: str, media_type: str) -> bytes:
    """One uncompressed WARC/1.1 'resource' record holding `payload` byte for byte.

    The same bytes, header for header and in the same order, as warcio's WARCWriter writes for
    this record (tests compare the two), built directly: warcio's record objects, header lists
    and stream copies cost about as much as hashing the page. Whitespace and control characters
    in `uri` are percent-encoded (a URI has none; a page's URL comes from the page)."""
    uri = _NOT_IN_URI.sub(lambda m: f"%{ord(m[0]):02X}", uri)
    head = (
        "WARC/1.1\r\n"
        f"WARC-Block-Digest: sha256:{sha256}\r\n"
        f"WARC-Payload-Digest: sha256:{sha256}\r\n"
        f"WARC-Date: {datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%S.%fZ')}\r\n"
        f"Content-Type: {media_type}\r\n"
        "WARC-Type: resource\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Length: {len(payload)}\r\n"
        "\r\n"
    )
    return b"".join((head.encode("utf-8"), payload, b"\r\n\r\n"))
