"""JSON exports: persons and organisations in a Popolo-like shape, events, allegations with
their evidence. Each document carries the provenance of the view it was made from."""

from __future__ import annotations

from typing import Any

from docket.report.view import CaseView, huridocs_codes

POPOLO_NOTE = (
    "Popolo-like (https://www.popoloproject.com/specs/): persons are person reports (one "
    "source's account of a person), not verified identities; `identity` names the linkage "
    "cluster when one exists."
)


def _meta(view: CaseView, kind: str) -> dict[str, Any]:
    meta = {"export": kind, **view.provenance.to_dict()}
    if view.provenance.synthetic:
        meta["notice"] = "SYNTHETIC DATA: generated for demonstration; no real person or event"
    return meta


def popolo(view: CaseView) -> dict[str, Any]:
    persons = []
    for p in view.persons:
        person: dict[str, Any] = {
            "id": f"person-report/{p['id']}",
            "name": p["name"],
            "identifiers": [{"scheme": "docket-person-report", "identifier": str(p["id"])}],
            "role": p["role"],
        }
        if p.get("name_hangul"):
            person["other_names"] = [{"name": p["name_hangul"], "note": "Hangul"}]
        if p.get("sex"):
            person["gender"] = {"M": "male", "F": "female"}.get(p["sex"], p["sex"])
        if p.get("birth_year"):
            person["birth_date"] = p["birth_year"]
        if p.get("identity"):
            person["identity"] = p["identity"]
        if p.get("facility_id"):
            person["facility"] = p["facility_id"]
        if p.get("source_id") is not None:
            person["sources"] = [{"url": f"docket:source/{p['source_id']}"}]
        persons.append(person)
    organizations = []
    for o in view.organizations:
        org: dict[str, Any] = {"id": f"organization/{o['id']}", "name": o["name"]}
        if o.get("name_hangul"):
            org["other_names"] = [{"name": o["name_hangul"], "note": "Hangul"}]
        if o.get("kind"):
            org["classification"] = o["kind"]
        organizations.append(org)
    for f in view.facilities:
        organizations.append({
            "id": f"facility/{f['id']}",
            "name": f["name"],
            "other_names": [{"name": n} for n in [*f["alt_names"], f["hangul"]] if n],
            "classification": f"detention facility ({f['type']})",
            "area": {"name": f"{f['county']}, {f['province']}"},
        })  # fmt: skip
    return {
        "meta": {**_meta(view, "popolo"), "note": POPOLO_NOTE},
        "persons": persons,
        "organizations": organizations,
    }


def events_json(view: CaseView) -> dict[str, Any]:
    return {"meta": _meta(view, "events"), "events": view.events}


def allegations_json(view: CaseView) -> dict[str, Any]:
    out = []
    for f in view.findings:
        item = dict(f)
        item["huridocs"] = [
            {"act_code": code, "code": c, "label": label}
            for code in f.get("act_codes", [])
            for c, label in huridocs_codes().get(code, ())
        ]
        out.append(item)
    return {"meta": _meta(view, "allegations"), "allegations": out}


def sources_json(view: CaseView) -> dict[str, Any]:
    return {
        "meta": _meta(view, "sources"),
        "hidden_sources": view.hidden_sources,
        "sources": view.sources,
    }
