"""A WARC record of an original page, carrying its sha256, for web-archive tools to verify."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from warcio.warcwriter import WARCWriter


def warc_resource(payload: bytes, sha256: str, uri: str, media_type: str) -> bytes:
    """One uncompressed WARC/1.1 'resource' record holding `payload` byte for byte."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False, warc_version="1.1")
    headers = {
        "WARC-Block-Digest": f"sha256:{sha256}",
        "WARC-Payload-Digest": f"sha256:{sha256}",
        "WARC-Date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "Content-Type": media_type,
    }
    record = writer.create_warc_record(
        uri,
        "resource",
        payload=io.BytesIO(payload),
        length=len(payload),
        warc_content_type=media_type,
        warc_headers_dict=headers,
    )
    writer.write_record(record)
    return buffer.getvalue()
