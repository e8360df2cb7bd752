"""Ingest throughput and peak memory: docket against trafilatura alone on the same pages.

    python bench/ingest.py --n 10000 --backend sqlite --backend postgres

Generates N SYNTHETIC documents (half full HTML news pages with furniture, half testimony text),
then for each backend ingests them into a fresh case in a child process (peak RSS measured by the
OS) and reports sources/s. The reference is trafilatura's extraction alone over the same HTML
pages in the same run; the overhead of hashing, WARC, blobs and the database is the ratio.

On a shared machine the load changes between runs minutes apart, so the overhead is also measured
interleaved: one process alternates trafilatura alone and docket ingest over the same chunks of
pages (ABBA order), so that both see the same load; that ratio is the one to judge the target by.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "prisoners",
    "guards",
    "camp",
    "labour",
    "mine",
    "county",
    "province",
    "winter",
    "spring",
    "detention",
    "families",
    "interrogation",
    "ministry",
    "security",
    "release",
    "transfer",
    "village",
    "river",
    "border",
    "hunger",
    "ration",
    "quota",
    "punishment",
    "barracks",
    "factory",
    "farm",
    "valley",
    "report",
    "witness",
    "testimony",
    "escape",
)
PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "."


def html_page(i: int, rng: random.Random) -> str:
    # Sized like a real news page (~100-200 KB): menus, scripts, styles, many links.
    nav = "".join(f'<li class="menu-item"><a href="/section/{j}">Section {j}</a></li>'
                  for j in range(300))  # fmt: skip
    script = "var config = " + json.dumps({f"k{j}": "x" * 40 for j in range(600)}) + ";"
    related = "".join(
        f'<li><a href="/a{j}"><img src="t{j}.jpg">Related story {j}</a></li>' for j in range(60)
    )
    body = "".join(f"<p>{_paragraph(rng)}</p>" for _ in range(rng.randint(10, 25)))
    return (
        f"<!DOCTYPE html><html><head><title>SYNTHETIC bench page {i}</title>"
        f'<meta name="author" content="Bench Writer {i % 17}">'
        f'<meta property="article:published_time" content="2016-{1 + i % 12:02d}-10T08:00:00Z">'
        f"<script>{script}</script><style>body{{font:14px sans}}</style>"
        f"</head><body><header><nav><ul>{nav}</ul></nav></header><main><article>"
        f"<h1>SYNTHETIC bench page {i}</h1><p class=byline>By Bench Writer</p>{body}"
        f"<figure><img src=x.jpg><figcaption>Photo credit: SYNTHETIC</figcaption></figure>"
        f"</article><aside><h3>Related News</h3><ul>{related}</ul>"
        f"<div class=newsletter>Sign up for our newsletter</div></aside></main>"
        f"<footer>{_paragraph(rng)} All rights reserved.</footer></body></html>"
    )


def _words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def news_page(i: int, rng: random.Random) -> str:
    """Shaped like a news site's article page (~130 KB, ~2,500 elements, where `html_page` has
    ~65 KB and ~800 flat ones): a nested mega-menu, inline links and emphasis in the paragraphs,
    figures, a table, ad slots, widgets of cards, 30-90 reader comments, a footer of link
    columns, JSON-LD and inline state scripts. trafilatura spends most of its time walking the
    tree, so the overhead of a fixed per-page cost depends on how much tree there is."""
    w = _words

    def sub(s: int) -> str:
        return "".join(
            f'<li class="submenu__item"><a class="submenu__link" href="/s{s}/t{t}" '
            f'data-track="nav-{s}-{t}"><span>{w(rng, 1, 3).title()}</span></a></li>'
            for t in range(rng.randint(12, 24))
        )

    menu = "".join(
        f'<li class="menu__item"><a class="menu__link" href="/s{s}">{w(rng, 1, 2).title()}</a>'
        f'<div class="submenu"><ul class="submenu__list">{sub(s)}</ul></div></li>'
        for s in range(16)
    )

    def para() -> str:
        parts = []
        for _ in range(rng.randint(3, 7)):
            text, r = w(rng, 6, 16), rng.random()
            if r < 0.2:
                text = f'<a href="/topic/{rng.randint(1, 999)}" class="inline-link">{text}</a>'
            elif r < 0.3:
                text = f"<em>{text}</em>"
            elif r < 0.35:
                text = f"<strong>{text}</strong>"
            parts.append(text)
        return "<p>" + " ".join(parts).capitalize() + ".</p>"

    body = []
    for k in range(rng.randint(10, 22)):
        body.append(para())
        if k % 6 == 5:
            body.append(
                f'<div class="ad-slot" id="ad-{k}" data-ad-unit="/123/news/{k}">'
                f'<div class="ad-label">Advertisement</div><div class="ad"></div></div>'
            )
        if k % 8 == 3:
            body.append(
                f'<figure class="article-figure"><div class="img-wrap"><picture><source '
                f'srcset="/img/{i}-{k}.webp" type="image/webp"><img src="/img/{i}-{k}.jpg" '
                f'alt="{w(rng, 3, 6)}" loading="lazy"></picture></div><figcaption class="caption">'
                f'{w(rng, 6, 12)} <span class="credit">Photo credit: SYNTHETIC</span></figcaption>'
                f"</figure>"
            )
    cells = "".join(
        "<tr>" + "".join(f"<td>{rng.randint(1, 999)}</td>" for _ in range(4)) + "</tr>"
        for _ in range(rng.randint(4, 10))
    )
    body.insert(
        rng.randint(2, len(body) - 1), f"<table class='data'><tbody>{cells}</tbody></table>"
    )

    def widget(title: str, n: int) -> str:
        cards = "".join(
            f'<li class="widget__item"><div class="card"><a class="card__link" '
            f'href="/a/{rng.randint(1, 99999)}"><div class="card__media"><img src="/t/{j}.jpg" '
            f'alt=""></div><div class="card__body"><h4 class="card__title">'
            f"{w(rng, 5, 10).capitalize()}</h4><time>{rng.randint(1, 23)} hours ago</time>"
            f"</div></a></div></li>"
            for j in range(n)
        )
        return f'<section class="widget"><h3>{title}</h3><ol>{cards}</ol></section>'

    comments = "".join(
        f'<div class="comment" id="c{j}"><div class="comment__meta"><span class="author">'
        f"reader{rng.randint(1, 9999)}</span><time>{rng.randint(1, 59)} minutes ago</time></div>"
        f'<div class="comment__body"><p>{w(rng, 8, 40).capitalize()}.</p></div>'
        f'<div class="comment__actions"><button>Reply</button><button>Like</button></div></div>'
        for j in range(rng.randint(30, 90))
    )
    footer = "".join(
        f'<div class="footer__col"><h5>{w(rng, 1, 2).title()}</h5><ul>'
        + "".join(f'<li><a href="/f{c}/{j}">{w(rng, 1, 3).title()}</a></li>' for j in range(10))
        + "</ul></div>"
        for c in range(8)
    )
    date = f"2016-{1 + i % 12:02d}-10"
    state = "".join(
        f"<script>window.__state{j} = "
        + json.dumps({f"k{q}": "x" * 30 for q in range(120)})
        + ";</script>"
        for j in range(5)
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>SYNTHETIC bench page {i} | Example News</title>"
        f'<meta name="author" content="Bench Writer {i % 17}">'
        f'<meta property="article:published_time" content="{date}T08:00:00Z">'
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": '
        f'"SYNTHETIC bench page {i}", "datePublished": "{date}"}}</script>{state}'
        f"<style>.x{{color:red}}</style></head><body><div id=app><header>"
        f'<a class="logo" href="/">Example News</a><form class="search"><input name="q">'
        f'</form><nav><ul class="menu">{menu}</ul></nav></header>'
        f'<div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a></div>'
        f'<main><div class="layout"><div class="layout__main"><article>'
        f"<h1>SYNTHETIC bench page {i}</h1><div class=byline>By Bench Writer {i % 17} · "
        f'<time datetime="{date}">{date}</time></div><div class="article__body">{"".join(body)}'
        f'</div><div class="newsletter-box"><h4>Sign up for our newsletter</h4></div></article>'
        f'<section class="comments"><h3>Comments</h3>{comments}</section></div>'
        f"<aside>{widget('Most read', 15)}{widget('Related News', 12)}{widget('Opinion', 10)}"
        f"{widget('Video', 10)}</aside></div>{widget('More from World', 24)}</main>"
        f"<footer>{footer}<p>{_paragraph(rng)} All rights reserved.</p></footer></div>"
        f"</body></html>"
    )


def text_doc(i: int, rng: random.Random) -> str:
    body = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(4, 10)))
    return (
        f"---\ninterviewer: Bench\ninterview_date: 2015-01-{1 + i % 28:02d}\n"
        f"witness_pseudonym: W-B{i:05d}\nconsent: internal\n---\nSYNTHETIC testimony {i}.\n{body}\n"
    )


PAGES = {"flat": html_page, "news": news_page}


def generate(folder: Path, n: int, pages: str = "flat") -> tuple[list[Path], list[Path]]:
    rng = random.Random(7)
    page = PAGES[pages]
    html, text = [], []
    for i in range(n):
        if i % 2 == 0:
            path = folder / f"page{i:05d}.html"
            path.write_text(page(i, rng), encoding="utf-8")
            html.append(path)
        else:
            path = folder / f"testimony{i:05d}.md"
            path.write_text(text_doc(i, rng), encoding="utf-8")
            text.append(path)
    return html, text


def keyed_corpus(tmp: Path, n: int, pages: str = "flat") -> tuple[Path, list[Path], list[Path]]:
    """A case key (in DOCKET_KEY_FILE, which child processes inherit) and the N SYNTHETIC
    documents of `generate` in tmp/docs: (folder, HTML pages, text documents)."""
    from docket.security import new_key_file

    key = tmp / "bench.key"
    new_key_file(key)
    os.environ["DOCKET_KEY_FILE"] = str(key)
    folder = tmp / "docs"
    folder.mkdir()
    html, text = generate(folder, n, pages)
    return folder, html, text


def _child(mode: str, folder: Path, case_dir: Path, db: str | None) -> dict:
    """Runs in a fresh process so that peak RSS belongs to this measurement alone."""
    files = sorted(p for p in folder.iterdir() if p.is_file())
    if mode == "trafilatura":
        import trafilatura

        pages = [p for p in files if p.suffix == ".html"]
        start = time.perf_counter()
        for path in pages:
            trafilatura.bare_extraction(
                path.read_bytes().decode("utf-8"), with_metadata=True, include_tables=True,
                favor_recall=True,
            )  # fmt: skip
        seconds = time.perf_counter() - start
        count = len(pages)
    elif mode == "interleaved":
        return _interleaved(files, case_dir, db)
    else:
        from docket.actor import Actor
        from docket.case import create_case
        from docket.ingest import ingest_paths, readers

        readers()  # import the readers (and trafilatura) outside the timed part, as above
        case = create_case(case_dir, database_url=db)
        subset = [p for p in files if mode == "all" or p.suffix == ".html"]
        start = time.perf_counter()
        report = ingest_paths(case, subset, actor=Actor("bench"))
        seconds = time.perf_counter() - start
        assert report.count("failed") == 0, report.failed[:3]
        count = report.count("ingested")
        case.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "count": count, "seconds": seconds, "per_second": count / seconds,
            "peak_rss_mb": peak_mb}  # fmt: skip


def _interleaved(files: list[Path], case_dir: Path, db: str | None, chunk: int = 160) -> dict:
    """trafilatura alone and docket ingest over the same chunks of pages, alternating (ABBA), so
    that both see the same machine load; wall and CPU seconds summed per side."""
    import trafilatura

    from docket.actor import Actor
    from docket.case import create_case
    from docket.ingest import ingest_paths, readers

    readers()
    case = create_case(case_dir, database_url=db)
    pages = [p for p in files if p.suffix == ".html"]
    totals = dict.fromkeys(
        ("ref_s", "ref_cpu", "ref_sys", "docket_s", "docket_cpu", "docket_sys"), 0.0
    )

    def reference(part: list[Path]) -> None:
        for path in part:
            trafilatura.bare_extraction(
                path.read_bytes().decode("utf-8"), with_metadata=True, include_tables=True,
                favor_recall=True,
            )  # fmt: skip

    def docket(part: list[Path]) -> None:
        report = ingest_paths(case, part, actor=Actor("bench"))
        assert report.count("ingested") == len(part), report.failed[:3]

    for number, start in enumerate(range(0, len(pages), chunk)):
        part = pages[start : start + chunk]
        sides = [("ref", reference), ("docket", docket)]
        for side, run in sides if number % 2 == 0 else sides[::-1]:
            wall, cpu, system = time.perf_counter(), time.process_time(), os.times().system
            run(part)
            totals[f"{side}_s"] += time.perf_counter() - wall
            totals[f"{side}_cpu"] += time.process_time() - cpu
            # kernel time (file creation, writes, fsync) apart: it depends on the file system's
            # state far more than the process's own work does
            totals[f"{side}_sys"] += os.times().system - system
    case.close()
    return {"mode": "interleaved", "count": len(pages), **totals}


def system_points(res: dict) -> float:
    """How much of the CPU overhead over trafilatura alone is kernel time, as a fraction of
    trafilatura's CPU time."""
    return (res["docket_sys"] - res["ref_sys"]) / res["ref_cpu"]


def _fresh_pg_schema(name: str) -> str:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{name}"')
    return f"{PG_URL}?options=-csearch_path%3D{name}"


def run_child(mode: str, folder: Path, case_dir: Path, db: str | None) -> dict:
    args = [sys.executable, __file__, "--child", mode, str(folder), str(case_dir), db or ""]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgres"])
    parser.add_argument("--child", nargs=4)
    parser.add_argument("--pages", choices=sorted(PAGES), default="flat",
                        help="flat: ~65 KB, ~800 elements (the earlier rounds); news: ~130 KB, "
                             "~2,500 elements in a news site's layout")  # fmt: skip
    args = parser.parse_args()
    if args.child:
        mode, folder, case_dir, db = args.child
        print(json.dumps(_child(mode, Path(folder), Path(case_dir), db or None)))
        return
    backends = args.backend or ["sqlite", "postgres"]
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder, html, text = keyed_corpus(Path(tmp), args.n, args.pages)
        size_mb = sum(p.stat().st_size for p in html + text) / 2**20
        print(f"{len(html)} HTML pages + {len(text)} text documents, {size_mb:.0f} MiB")
        ref = run_child("trafilatura", folder, Path(tmp) / "unused", None)
        print(
            f"trafilatura alone: {ref['per_second']:.1f} pages/s, peak {ref['peak_rss_mb']:.0f} MB"
        )
        for backend in backends:
            for mode in ("html", "all"):
                db = _fresh_pg_schema(f"bench_{mode}") if backend == "postgres" else None
                res = run_child(mode, folder, Path(tmp) / f"case-{backend}-{mode}", db)
                line = (f"docket ingest [{backend}, {mode}]: {res['count']} sources in "
                        f"{res['seconds']:.1f} s = {res['per_second']:.1f}/s, "
                        f"peak {res['peak_rss_mb']:.0f} MB")  # fmt: skip
                if mode == "html":
                    overhead = ref["per_second"] / res["per_second"] - 1
                    line += f"; overhead over trafilatura alone: {overhead:+.0%}"
                print(line, flush=True)
            db = _fresh_pg_schema("bench_interleaved") if backend == "postgres" else None
            res = run_child("interleaved", folder, Path(tmp) / f"case-{backend}-inter", db)
            print(
                f"interleaved [{backend}], {res['count']} pages: trafilatura alone "
                f"{res['ref_s']:.1f} s, docket {res['docket_s']:.1f} s, overhead "
                f"{res['docket_s'] / res['ref_s'] - 1:+.0%} (CPU time: "
                f"{res['docket_cpu'] / res['ref_cpu'] - 1:+.0%}, {system_points(res):+.0%} of it "
                f"kernel); load average "
                f"{os.getloadavg()[0]:.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
