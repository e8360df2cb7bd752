"""The hand-built WARC record is the record warcio's writer makes (SYNTHETIC pages)."""

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from docket.ingest.warc import warc_resource
from docket.store.blobs import sha256_hex


def _warcio_record(payload: bytes, sha256: str, uri: str, media_type: str) -> bytes:
    """What docket wrote through warcio before building the record itself."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False, warc_version="1.1")
    headers = {
        "WARC-Block-Digest": f"sha256:{sha256}",
        "WARC-Payload-Digest": f"sha256:{sha256}",
        "WARC-Date": "2016-05-12T08:00:00.000000Z",
        "Content-Type": media_type,
    }
    record = writer.create_warc_record(uri, "resource", payload=io.BytesIO(payload),
                                       length=len(payload), warc_content_type=media_type,
                                       warc_headers_dict=headers)  # fmt: skip
    writer.write_record(record)
    return buffer.getvalue()


_VARYING = re.compile(rb"(WARC-Date|WARC-Record-ID): [^\r]*\r\n")


def _fixed(record: bytes) -> bytes:
    head, sep, rest = record.partition(b"\r\n\r\n")
    return _VARYING.sub(lambda m: m[1] + b": -\r\n", head) + sep + rest


@settings(max_examples=60, deadline=None)
@given(
    payload=st.binary(max_size=3000).map(lambda b: b"<p>SYNTHETIC " + b + b"</p>")
    | st.text().map(lambda t: f"<p>SYNTHETIC {t}</p>".encode()),
    uri=st.sampled_from(
        [
            "file:///cases/SYNTHETIC/page%20one.html",
            "https://example.org/a?b=1",
            "https://example.org/요덕/기사",
        ]
    ),  # fmt: skip
    media_type=st.sampled_from(["text/html", "application/xhtml+xml"]),
)
def test_record_is_byte_for_byte_warcios_but_for_date_and_id(payload, uri, media_type):
    digest = sha256_hex(payload)
    ours = warc_resource(payload, digest, uri, media_type)
    assert _fixed(ours) == _fixed(_warcio_record(payload, digest, uri, media_type))
    records = [(r, r.content_stream().read()) for r in ArchiveIterator(io.BytesIO(ours))]
    [(record, content)] = records
    assert record.rec_type == "resource"
    assert record.rec_headers.get_header("WARC-Target-URI") == uri
    assert record.rec_headers.get_header("WARC-Block-Digest") == f"sha256:{digest}"
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    assert re.fullmatch(r"<urn:uuid:[0-9a-f-]{36}>", record_id)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z",
                        record.rec_headers.get_header("WARC-Date"))  # fmt: skip
    assert content == payload


def test_each_record_has_its_own_id():
    page = b"<p>SYNTHETIC</p>"
    first, second = (warc_resource(page, sha256_hex(page), "file:///x.html", "text/html")
                     for _ in range(2))  # fmt: skip
    assert _fixed(first) == _fixed(second) and first != second


def test_a_hostile_url_cannot_forge_header_lines():
    page = b"<p>SYNTHETIC</p>"
    uri = "https://example.org/x\r\nWARC-Type: revisit\r\n\r\nhello world"
    record = warc_resource(page, sha256_hex(page), uri, "text/html")
    [(parsed, content)] = [
        (r, r.content_stream().read()) for r in ArchiveIterator(io.BytesIO(record))
    ]
    assert parsed.rec_type == "resource"
    target = parsed.rec_headers.get_header("WARC-Target-URI")
    assert target == "https://example.org/x%0D%0AWARC-Type:%20revisit%0D%0A%0D%0Ahello%20world"
    assert content == page
