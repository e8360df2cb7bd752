"""The synthetic demo case's source documents: testimonies, news pages, official statements.

Everything is invented and says SYNTHETIC in its text. The same seed gives byte-identical files,
so demos, fixtures and benchmarks can rely on them. `manifest.json` records the ground truth a
perfect pipeline should recover, including the traps: one witness interviewed twice under two
pseudonyms and spellings, one account repeated by four news pages, victims named by several
witnesses in different spellings. Do not ingest `manifest.json` itself as a source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from docket.synth import _testimonies
from docket.synth._articles import Story
from docket.synth._html import NOTICE, render_page, slug, wire_dateline
from docket.synth._newsroom import write_stories
from docket.synth._outlets import STATEMENT_YEAR
from docket.synth._speech import GUARD_QUOTES, catchphrase
from docket.synth._statements import write_statements
from docket.synth._world import World, build_world

KINDS = ("testimonies", "articles", "statements")


@dataclass(frozen=True)
class DemoCorpus:
    """Where the demo sources were written, per kind, and the ground-truth manifest."""

    root: Path
    testimonies: tuple[Path, ...]
    articles: tuple[Path, ...]
    statements: tuple[Path, ...]
    manifest_path: Path
    manifest: dict

    def all_files(self) -> tuple[Path, ...]:
        return self.testimonies + self.articles + self.statements


def demo_witness_names(seed: int = 2014, all_forms: bool = False) -> list[str]:
    """The protected witness names (front-matter `witness_name`) of the demo testimonies.

    With `all_forms`, every spelling of each witness's name (Hangul, each romanization), for
    checks that nothing identifying leaks in any form.
    """
    world = build_world(seed)
    names: list[str] = []
    for w in world.witnesses:
        forms = w.person.name.all_forms() if all_forms else (w.person.name.render(w.name_style),)
        names.extend(forms)
    return list(dict.fromkeys(names))


def write_demo_sources(out_dir: Path, seed: int = 2014) -> DemoCorpus:
    """Write the demo documents under out_dir/{testimonies,articles,statements}/ and a manifest."""
    out_dir = Path(out_dir)
    for kind in KINDS:
        (out_dir / kind).mkdir(parents=True, exist_ok=True)
    world = build_world(seed)
    entries: list[dict] = []
    written: dict[str, list[Path]] = {k: [] for k in KINDS}

    def put(rel: str, text: str, entry: dict) -> None:
        path = out_dir / rel
        path.write_bytes(text.encode("utf-8"))
        written[rel.split("/")[0]].append(path)
        entries.append({"path": rel, **entry})

    for w in world.witnesses:
        text, mentions = _testimonies.render(w, world, seed)
        setting = world.settings[w.person.setting]
        put(
            f"testimonies/{w.pseudonym}.md",
            text,
            {
                "kind": "testimony",
                "id": w.pseudonym,
                "language": w.language,
                "witness_pseudonym": w.pseudonym,
                "person_id": w.person.id,
                "consent": w.consent,
                "interview_date": w.interview_date,
                "setting": setting.key,
                "facility_ids": [x for x in (setting.holding_id, setting.facility_id) if x],
                **mentions,
            },
        )

    stories = write_stories(world, seed)
    for s in stories:
        related = [(o.headline, slug(o)) for o in stories if o.outlet == s.outlet and o is not s]
        html = render_page(s, related[:4])
        put(f"articles/{s.id}_{s.outlet.key}.html", html, _story_entry(s))

    press = next(w for w in world.witnesses if w.pseudonym == world.press_witness)
    original = stories[0]
    for st in write_statements(
        original.aliases[press.pseudonym],
        original.outlet.name,
        original.published,
        press.person.sex == "F",
    ):
        put(
            f"statements/{st.filename}",
            st.text,
            {
                "kind": "statement",
                "id": st.id,
                "language": st.language,
                "issued": st.issued,
                "issuer": st.issuer,
                "title": st.title,
                "denial": st.denial,
                "names_witness_alias": st.names_witness_alias,
            },
        )

    manifest = _manifest(world, seed, entries, stories)
    manifest_path = out_dir / "manifest.json"
    manifest_path.write_bytes(
        (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    )
    return DemoCorpus(
        root=out_dir,
        testimonies=tuple(written["testimonies"]),
        articles=tuple(written["articles"]),
        statements=tuple(written["statements"]),
        manifest_path=manifest_path,
        manifest=manifest,
    )


def _story_entry(s: Story) -> dict:
    lede = s.paragraphs[0]
    if s.outlet.template == "wire":
        lede = wire_dateline(s) + lede
    return {
        "kind": "article",
        "id": s.id,
        "language": "en",
        "outlet": s.outlet.name,
        "template": s.outlet.template,
        "published": s.published,
        "author": s.author,
        "headline": s.headline,
        "first_paragraph": lede,
        "witnesses_quoted": s.witnesses,
        "aliases": s.aliases,
        "people": s.people,
        "facility_ids": s.facility_ids,
        "republished_from": s.republished_from,
        "multi_paragraph_quote": s.multi_paragraph_quote,
        "synthetic_notice": NOTICE,
        # From 2014 on, the denial quoted is from the agency statement in statements/ (S1).
        "quotes_statement": "S1" if int(s.published[:4]) >= STATEMENT_YEAR else "",
    }


def _manifest(world: World, seed: int, entries: list[dict], stories: list[Story]) -> dict:
    by_id = {e["id"]: e["path"] for e in entries}
    mentions: dict[str, list[dict]] = {}
    event_files: dict[str, list[str]] = {}
    for e in entries:
        for m in e.get("people", []):
            mentions.setdefault(m["person_id"], []).append(
                {"path": e["path"], "written_as": m["written_as"]}
            )
        for ev in e.get("events", []):
            event_files.setdefault(ev, []).append(e["path"])
    people = {
        pid: {
            "role": p.role,
            "sex": p.sex,
            "birth_year": p.birth_year,
            "setting": p.setting,
            "fate": p.fate,
            "when": f"{p.when.year}-{p.when.month:02d}" if p.when else "",
            "perpetrator_role": p.detail,
            "catchphrase": GUARD_QUOTES[catchphrase(p)][0] if p.role == "perpetrator" else "",
            "hangul": p.name.hangul,
            "hangul_dprk": p.name.hangul_dprk,
            "forms": list(p.name.all_forms()),
            "mentioned_in": mentions.get(pid, []),
        }
        for pid, p in world.people.items()
    }
    events = {
        eid: {
            "act": ev.act,
            "setting": ev.setting,
            "facility_id": world.settings[ev.setting].facility_id,
            "when": f"{ev.when.year}-{ev.when.month:02d}",
            "victims": ev.victims,
            "perpetrators": ev.perpetrators,
            "count": ev.count,
            "mentioned_in": event_files.get(eid, []),
        }
        for eid, ev in world.events.items()
    }
    aliases: dict[str, dict] = {}
    person_of = {w.pseudonym: w.person.id for w in world.witnesses}
    for s in stories:
        for pseudonym, printed in s.aliases.items():
            a = aliases.setdefault(
                pseudonym, {"person_id": person_of[pseudonym], "printed_as": [], "articles": []}
            )
            a["printed_as"] = sorted({*a["printed_as"], printed})
            a["articles"].append(by_id[s.id])
    press = world.press_witness
    press_articles = [s for s in stories if press in s.witnesses]
    twice = [
        {
            "person_id": next(w.person.id for w in world.witnesses if w.pseudonym == a),
            "pseudonyms": [b, a],
            "files": [by_id[b], by_id[a]],
            "note": "one witness interviewed twice; count one witness, not two",
        }
        for a, b in world.duplicate_of.items()
    ]
    return {
        "synthetic": True,
        "notice": "SYNTHETIC — every document, outlet, agency and person here is invented.",
        "generator": "docket.synth.corpus.write_demo_sources",
        "seed": seed,
        "counts": {k: sum(e["path"].startswith(k + "/") for e in entries) for k in KINDS},
        "files": sorted(entries, key=lambda e: e["path"]),
        "people": people,
        "events": events,
        "press_aliases": aliases,
        "traps": {
            "same_witness_twice": twice,
            "republished_account": {
                "witness_pseudonym": press,
                "testimony": by_id[press],
                "original": by_id[press_articles[0].id],
                "articles": [by_id[s.id] for s in press_articles],
                "independent_accounts": 1,
                "attacked_by": [e["path"] for e in entries if e.get("names_witness_alias")],
                "note": "one witness's account, carried by one wire story, republished and "
                "retold; it is one source, not four corroborating ones",
            },
            "shared_victims": _shared(people, "victim"),
            "shared_perpetrators": _shared(people, "perpetrator"),
            "multi_paragraph_quotes": [by_id[s.id] for s in stories if s.multi_paragraph_quote],
        },
    }


def _shared(people: dict[str, dict], role: str) -> list[str]:
    """People of one role named in two or more documents (linkage should join the mentions)."""
    return sorted(
        pid
        for pid, p in people.items()
        if p["role"] == role and len({m["path"] for m in p["mentioned_in"]}) >= 2
    )
