"""BagIt packages (RFC 8493) of a case for one reader, and verification of a received bag.

Layout of the payload (`data/`):
    README.txt                 what the bag is, for whom, and (demo) that it is SYNTHETIC
    originals/<id>-<sha256><ext>   the preserved originals (full view only)
    warc/<id>-<sha256>.warc        their WARC records (full view only)
    text/<id>.txt              redacted plain text (pseudonymous and public views, instead of
                               originals, and only sources the reader may see)
    metadata/*.json            provenance, sources (with custody), allegations with evidence,
                               events, persons and organisations (Popolo-like)
    manifest.json              each payload file with its role, source id and hashes
bag-info.txt carries the case fingerprint, the sources digest and the view. `verify_bag` runs
BagIt validation (every file against manifest-sha256.txt, no file missing or added) and then
docket's own checks: every original and WARC record hashes to the sha256 its name and the
manifest claim, and for a full-view bag the sources digest recomputes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bagit

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.export.json_export import allegations_json, events_json, popolo, sources_json
from docket.report.fingerprint import sources_digest
from docket.report.view import case_view, source_payloads

MANIFEST = "manifest.json"


def _ext(media_type: str) -> str:
    if media_type.startswith("text/markdown"):
        return ".md"
    return mimetypes.guess_extension(media_type.split(";")[0].strip()) or ".bin"


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n",
                    encoding="utf-8")  # fmt: skip


def _readme(prov: dict[str, Any]) -> str:
    lines = []
    if prov["synthetic"]:
        lines += ["SYNTHETIC DATA: this bag was made from a synthetic demonstration case.",
                  "No person, testimony or event in it is real.", ""]  # fmt: skip
    lines += [
        f"docket export of case {prov['case_name']} ({prov['case_id']})",
        f"view: {prov['view']} (made for {prov['generated_by']}, role {prov['role']})",
        f"case fingerprint: {prov['fingerprint']}",
        f"sources digest:   {prov['sources_digest']}",
        f"made {prov['generated_at']} with docket {prov['docket_version']}",
        "",
        "Check it with `docket verify-bag PATH` (or any BagIt validator).",
        "The full view carries originals and WARC records; other views carry redacted text.",
    ]
    return "\n".join(lines) + "\n"


def write_bag(case: Case, out: Path, *, actor: Actor) -> Path:
    """Write a bag for `actor`'s view into the new folder `out`."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BadInput("exists and is not an empty folder", where=str(out))
    view = case_view(case, actor=actor, purpose="export bag")
    payloads = source_payloads(case, view, actor=actor)
    prov = view.provenance.to_dict()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".bag-", dir=out.parent))
    try:
        files: list[dict[str, Any]] = []
        for item in payloads:
            sid, sha = item["id"], item["sha256"]
            if "original" in item:
                name = f"originals/{sid}-{sha}{_ext(item['media_type'])}"
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                (staging / name).write_bytes(item["original"])
                files.append({"path": f"data/{name}", "role": "original", "source_id": sid,
                              "sha256": sha, "media_type": item["media_type"]})  # fmt: skip
            if "warc" in item:
                name = f"warc/{sid}-{item['warc_sha256']}.warc"
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                (staging / name).write_bytes(item["warc"])
                files.append({"path": f"data/{name}", "role": "warc", "source_id": sid,
                              "sha256": item["warc_sha256"]})  # fmt: skip
            if "text" in item:
                name = f"text/{sid}.txt"
                data = item["text"].encode("utf-8")
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                (staging / name).write_bytes(data)
                files.append({"path": f"data/{name}", "role": "redacted-text", "source_id": sid,
                              "sha256": hashlib.sha256(data).hexdigest(),
                              "original_sha256": sha})  # fmt: skip
        _dump(staging / "metadata/provenance.json", prov)
        _dump(staging / "metadata/sources.json", sources_json(view))
        _dump(staging / "metadata/allegations.json", allegations_json(view))
        _dump(staging / "metadata/events.json", events_json(view))
        _dump(staging / "metadata/popolo.json", popolo(view))
        triples = [(s["sha256"], s["text_sha256"], s["warc_sha256"]) for s in view.sources]
        _dump(staging / MANIFEST, {
            **({"notice": "SYNTHETIC DATA"} if prov["synthetic"] else {}),
            "view": prov["view"],
            "complete": view.hidden_sources == 0 and prov["view"] == "full",
            "sources": triples,
            "files": files,
        })  # fmt: skip
        (staging / "README.txt").write_text(_readme(prov), encoding="utf-8")
        info = {
            "Source-Organization": f"docket case {prov['case_name']}",
            "External-Description": (
                ("SYNTHETIC DATA. " if prov["synthetic"] else "")
                + f"docket export, {prov['view']} view, made for {prov['generated_by']}"
            ),
            "External-Identifier": prov["case_id"],
            "Docket-Version": prov["docket_version"],
            "Docket-Case-Fingerprint": prov["fingerprint"],
            "Docket-Sources-Digest": prov["sources_digest"],
            "Docket-View": prov["view"],
            "Docket-Synthetic": "yes" if prov["synthetic"] else "no",
        }
        bagit.make_bag(str(staging), info, checksums=["sha256"])
        if out.exists():
            out.rmdir()
        shutil.move(str(staging), str(out))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out


@dataclass
class BagReport:
    path: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "ok": self.ok, "files": self.files,
                "problems": self.problems, "notes": self.notes, "info": self.info}  # fmt: skip


def _detail(err: Any) -> str:
    path = getattr(err, "path", None)
    kind = type(err).__name__
    if kind == "ChecksumMismatch":
        return (
            f"{path}: content changed ({err.algorithm} expected {err.expected[:12]}…, "
            f"found {err.found[:12]}…)"
        )
    if kind == "FileMissing":
        return f"{path}: listed in the manifest but missing"
    if kind == "UnexpectedFile":
        return f"{path}: present but not in the manifest"
    return str(err)


def verify_bag(path: Path) -> BagReport:
    """Validate a bag received from anywhere; every problem is named in `problems`."""
    report = BagReport(str(path))
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as exc:
        report.problems.append(f"not a readable bag: {exc}")
        return report
    report.info = {k: str(v) for k, v in bag.info.items()}
    logger = logging.getLogger("bagit")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # every problem is reported once, in `problems`
    try:
        bag.validate(processes=1)
    except bagit.BagValidationError as exc:
        report.problems += [_detail(d) for d in exc.details] or [str(exc.message)]
    except bagit.BagError as exc:
        report.problems.append(str(exc))
    finally:
        logger.setLevel(level)
    root = Path(path)
    manifest_path = root / "data" / MANIFEST
    if not manifest_path.is_file():
        report.notes.append(f"no data/{MANIFEST}: a plain BagIt bag, checked as BagIt only")
        return report
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files = manifest["files"]
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        report.problems.append(f"data/{MANIFEST}: unreadable ({exc})")
        return report
    report.files = len(files)
    for entry in files:
        target = root / entry["path"]
        if not target.is_file():
            if not any(entry["path"] in p for p in report.problems):
                report.problems.append(f"{entry['path']}: missing")
            continue
        actual = hashlib.sha256(target.read_bytes()).hexdigest()
        if actual != entry["sha256"]:
            report.problems.append(
                f"{entry['path']}: hashes to {actual[:12]}…, not the {entry['role']} "
                f"sha256 {entry['sha256'][:12]}… docket recorded"
            )
    if manifest.get("complete"):
        digest = sources_digest([tuple(t) for t in manifest.get("sources", [])])
        claimed = report.info.get("Docket-Sources-Digest")
        if claimed and digest != claimed:
            report.problems.append(
                f"bag-info.txt: Docket-Sources-Digest {claimed[:12]}… does not match the "
                f"sources listed in data/{MANIFEST} ({digest[:12]}…)"
            )
    return report
