"""BagIt packages: valid as made, invalid after one changed byte, originals only for the full
view; `docket verify-bag` exit codes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from docket.actor import Actor
from docket.cli import main
from docket.export import verify_bag, write_bag
from docket.security.redact import SENSITIVE_WITHHELD
from docket.store.models import Source


def _flip_one_byte(path: Path) -> None:
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_full_bag_validates_and_names_a_changed_byte(filled, tmp_path):
    bag = write_bag(filled, tmp_path / "bag", actor=Actor("i", "investigator"))
    report = verify_bag(bag)
    assert report.ok, report.problems
    with filled.session() as session:
        sources = {s.sha256: s for s in session.scalars(select(Source))}
    originals = sorted((bag / "data" / "originals").iterdir())
    assert len(originals) == len(sources)  # every source, sealed ones opened
    for path in originals:
        sha = path.name.split("-", 1)[1].split(".")[0]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha and sha in sources
    assert any((bag / "data" / "warc").iterdir())
    info = (bag / "bag-info.txt").read_text()
    assert "Docket-Case-Fingerprint:" in info and "SYNTHETIC" in info
    _flip_one_byte(originals[0])
    broken = verify_bag(bag)
    assert not broken.ok
    named = f"data/originals/{originals[0].name}"
    assert any(named in p and "content changed" in p for p in broken.problems), broken.problems
    assert any(named in p and "original sha256" in p for p in broken.problems)


def test_resealed_bag_with_a_changed_original_still_fails(filled, tmp_path):
    """Someone alters an original and regenerates the BagIt manifests: docket's own manifest
    (each original's sha256 as preserved) still catches it."""
    import bagit

    bag = write_bag(filled, tmp_path / "bag", actor=Actor("i", "investigator"))
    original = sorted((bag / "data" / "originals").iterdir())[0]
    _flip_one_byte(original)
    for name in ("manifest-sha256.txt", "tagmanifest-sha256.txt"):
        (bag / name).chmod(0o644)
    resealed = bagit.Bag(str(bag))
    resealed.save(manifests=True)
    report = verify_bag(bag)
    assert [p for p in report.problems if original.name in p], report.problems


@pytest.mark.parametrize("role", ["analyst", "public"])
def test_restricted_bags_carry_redacted_text_not_originals(filled, tmp_path, role):
    bag = write_bag(filled, tmp_path / "bag", actor=Actor("x", role))
    assert verify_bag(bag).ok
    data = bag / "data"
    assert not (data / "originals").exists() and not (data / "warc").exists()
    manifest = json.loads((data / "manifest.json").read_text())
    assert {f["role"] for f in manifest["files"]} == {"redacted-text"}
    sources = json.loads((data / "metadata" / "sources.json").read_text())
    consents = {s["consent"] for s in sources["sources"]}
    if role == "public":
        assert sources["hidden_sources"] >= 1 and consents == {"public"}
    else:  # the analyst sees consented sources, but never sensitive text
        sensitive = [s["id"] for s in sources["sources"] if s["sensitive"]]
        assert sensitive and "internal" in consents
        for sid in sensitive:
            assert (data / "text" / f"{sid}.txt").read_text() == SENSITIVE_WITHHELD


def _docket(capsys, *args: str) -> tuple[int, str, str]:
    """Run the real entry point in-process: exit code, stdout, stderr."""
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_bag_command_exit_codes(filled, tmp_path, capsys):
    bag = write_bag(filled, tmp_path / "bag", actor=Actor("a", "analyst"))
    code, out, _ = _docket(capsys, "verify-bag", str(bag))
    assert code == 0 and "valid" in out
    _flip_one_byte(sorted((bag / "data" / "text").iterdir())[0])
    code, out, err = _docket(capsys, "verify-bag", str(bag))
    assert code == 1 and "INVALID" in out
    assert "data/text/" in err and "content changed" in err
    code, _, err = _docket(capsys, "verify-bag", str(tmp_path / "nope"))
    assert code == 2 and "nope" in err
    code, _, err = _docket(capsys, "verify-bag", str(tmp_path))
    assert code == 1 and "not a readable bag" in err


def test_bag_and_exports_on_both_backends(case, tmp_path):
    """The same exports from SQLite and PostgreSQL: bags validate, fingerprint in bag-info."""
    from docket.export import export_case
    from docket.report import case_fingerprint
    from tests.report.corpus import populate

    populate(case, tmp_path / "plant")
    bag = write_bag(case, tmp_path / "bag", actor=Actor("i", "investigator"))
    report = verify_bag(bag)
    assert report.ok, report.problems
    with case.session() as session:
        fp = case_fingerprint(session, case.keyring, case.config.case_id).value
    assert report.info["Docket-Case-Fingerprint"] == fp
    written = export_case(case, "csv", tmp_path / "csv", actor=Actor("a", "analyst"))
    assert any(p.name == "events.csv" and p.read_text().count("\n") == 2 for p in written)


def test_a_plain_bagit_bag_from_elsewhere_is_checked_as_bagit(tmp_path):
    import bagit

    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "SYNTHETIC.txt").write_text("SYNTHETIC payload\n")
    bagit.make_bag(str(folder), checksums=["sha256"])
    report = verify_bag(folder)
    assert report.ok and report.notes and "plain BagIt" in report.notes[0]
    (folder / "data" / "SYNTHETIC.txt").write_text("SYNTHETIC payloaD\n")
    broken = verify_bag(folder)
    assert not broken.ok and "data/SYNTHETIC.txt" in broken.problems[0]
