"""`make bench`'s one table and docs/BENCHMARKS.md: the measured sections against the targets of issue 11.

`summary_rows` turns the sections' results into (area, measure, value, target, met) rows; `write_markdown`
puts them, the per-section tables, the machine, date and commit between two markers at the top of
docs/BENCHMARKS.md (notes kept by hand below the markers stay).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import platform
import statistics
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "BENCHMARKS.md"
START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"
Row = tuple[str, str, str, str, str]  # area, measure, value, target, met


def machine() -> str:
    """CPU model, cores, memory and Python of this machine, in one line."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        ram = f"{mem / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        ram = "RAM unknown"
    return f"{cpu or platform.processor()}, {os.cpu_count()} CPUs, {ram}, Python {platform.python_version()}"


def commit() -> str:
    """The short commit, marked `+changes` when the worktree differs from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return (git("rev-parse", "--short", "HEAD") or "unknown") + (" +changes" if dirty else "")


def _met(ok: bool | None) -> str:
    return "" if ok is None else ("yes" if ok else "NO")


def growth(small: float, large: float, factor: float) -> str:
    """`×r (exponent e)`: how a cost grew when the corpus grew by `factor` (exponent 1 = linear)."""
    if small <= 0 or large <= 0:
        return "n/a"
    ratio = large / small
    return f"×{ratio:.1f} (exp {math.log(ratio) / math.log(factor):.2f})"


def summary_rows(results: dict) -> list[Row]:
    """The one table: every section present in `results`, against its target."""
    rows: list[Row] = []
    for stage, lang, rate, _ in results.get("extractors", []):
        rows.append(("NLP", f"{stage} {lang}, words/s per core", f"{rate:,.0f}", "≥ 10,000", _met(rate >= 10_000)))
    parse = results.get("parse", [])
    for name, rate, ratio in parse[1:]:
        rows.append(("parse", f"{name}, pages/s per core (× pdftotext)", f"{rate:.1f} ({ratio:.1f}×)", "≤ 5×",
                     _met(ratio <= 5) if name.startswith("ingest.read") else ""))
    if ing := results.get("ingest"):
        rows += [("ingest", "saual ingest, pages/s per core (model loading apart)", f"{ing['pages_per_cpu_s']:.1f}",
                  "≥ 20", _met(ing["pages_per_cpu_s"] >= 20)),
                 ("ingest", "saual ingest, documents/s (wall, loading apart)", f"{ing['documents_per_s']:.2f}", "", ""),
                 ("ingest", "peak RSS per process, MB", f"{ing['rss_mb']:.0f}", "≤ 1024", _met(ing["rss_mb"] <= 1024)),
                 ("ingest", "model loading (wall s: import + models)", f"{ing['import']:.1f} + {ing['models']:.1f}", "", "")]
    rows += search_summary(results.get("search", {}))
    rows += conflicts_summary(results.get("conflicts", {}))
    rows += render_summary(results.get("render", {}))
    return rows


def render_summary(measured: dict) -> list[Row]:
    """Per database and size: the slowest page's cold load and warm median/p95 seconds (tests/bench_render.py)."""
    rows: list[Row] = []
    for (db, n), rendered in sorted(measured.items()):
        worst = max(rendered, key=lambda r: r.p95)
        cold = max(rendered, key=lambda r: r.cold)
        target = n >= 100_000
        rows.append(("render", f"{db} {n:,} docs: worst warm median / p95 s ({worst.page}), load {worst.load:.1f}",
                     f"{worst.median:.2f} / {worst.p95:.2f}", "≤ 1.5 at 100k", _met(worst.p95 <= 1.5) if target else ""))
        rows.append(("render", f"{db} {n:,} docs: worst cold first load s ({cold.page})", f"{cold.cold:.2f}",
                     "≤ 1.5 at 100k", _met(cold.cold <= 1.5) if target else ""))
        back = max(rendered, key=lambda r: r.returning_median if r.returning else 0.0)
        if back.returning:
            rows.append(("render", f"{db} {n:,} docs: worst returning-browser median s ({back.page})",
                         f"{back.returning_median:.2f}", "≤ 1.5 at 100k",
                         _met(back.returning_median <= 1.5) if target else ""))
    return rows


def conflicts_summary(measured: dict) -> list[Row]:
    """Per size: full recompute, listing and one document's incremental recompute; then their growth."""
    rows: list[Row] = [("conflicts", f"{n:,} docs: full recompute s / list ms / one document's recompute ms",
                        f"{m.full:.2f} / {m.listing * 1000:.0f} / {m.incremental * 1000:.0f}", "", "")
                       for n, m in sorted(measured.items())]
    for small, large in itertools.pairwise(sorted(measured)):
        a, b, f = measured[small], measured[large], large / small
        rows.append(("conflicts", f"growth {small:,} → {large:,}: full / list / one document",
                     " / ".join(growth(x, y, f) for x, y in ((a.full, b.full), (a.listing, b.listing),
                                                              (a.incremental, b.incremental))), "", ""))
    return rows


def search_summary(search: dict) -> list[Row]:
    """Per database and size: the median p50 and the worst p95 over the typical queries, and growth."""
    rows: list[Row] = []
    by_db: dict[str, dict[int, float]] = {}
    for (db, n), found in sorted(search.items()):
        p50 = statistics.median(r[1] for r in found)
        worst = max(found, key=lambda r: r[2])
        by_db.setdefault(db, {})[n] = statistics.median(r[2] for r in found)
        rows.append(("search", f"{db} {n:,} docs: median p50 / worst p95 ms ({worst[0]})",
                     f"{p50:.1f} / {worst[2]:.1f}", "p95 ≤ 50 at 100k", _met(worst[2] <= 50) if n >= 100_000 else ""))
    for db, sizes in by_db.items():
        ordered = sorted(sizes)
        for small, large in itertools.pairwise(ordered):
            rows.append(("search", f"{db} median p95 growth {small:,} → {large:,}",
                         growth(sizes[small], sizes[large], large / small), "", ""))
    return rows


def print_summary(rows: list[Row]) -> None:
    """Print the one table."""
    print("\n## Summary against the targets (issue 11)")
    print(f"{'area':<8} {'measure':<72} {'value':>18} {'target':>16} met")
    for area, measure, value, target, met in rows:
        print(f"{area:<8} {measure[:72]:<72} {value:>18} {target:>16} {met}")


def markdown(rows: list[Row], results: dict, command: str) -> str:
    """The generated part of docs/BENCHMARKS.md."""
    lines = [START, "## Latest `make bench`", "",
             f"Machine: {machine()}. Date: {dt.date.today().isoformat()}. Commit: {commit()}. Command: `{command}`.",
             "NLP, parse and ingest rates are per CPU second of the measuring process (so per core, whatever else",
             "the machine runs); search latencies are wall clock. Medians of several runs.", "",
             "| area | measure | value | target | met |", "|---|---|---:|---:|---|"]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    if search := results.get("search"):
        keys = sorted(search)
        lines += ["", "Search latency per query, ms p50 / p95:", "",
                  "| query | " + " | ".join(f"{d} {n:,}" for d, n in keys) + " |", "|---" + "|---:" * len(keys) + "|"]
        for i, (name, _, _) in enumerate(search[keys[0]]):
            lines.append(f"| {name} | " + " | ".join(f"{search[k][i][1]:.1f} / {search[k][i][2]:.1f}" for k in keys) + " |")
    if render := results.get("render"):
        keys = sorted(render)
        title = ("Explorer time to first render, s: cold / warm median / warm p95 in fresh browsers / returning "
                 "browser median (load average):")
        lines += ["", title, "",
                  "| page | " + " | ".join(f"{d} {n:,}" for d, n in keys) + " |", "|---" + "|---:" * len(keys) + "|"]
        for i, first in enumerate(render[keys[0]]):
            lines.append(f"| {first.page} | " + " | ".join(
                f"{render[k][i].cold:.2f} / {render[k][i].median:.2f} / {render[k][i].p95:.2f} / "
                f"{render[k][i].returning_median:.2f} ({render[k][i].load:.1f})"
                for k in keys) + " |")
    lines += [END, ""]
    return "\n".join(lines)


def write_markdown(rows: list[Row], results: dict, command: str, path: Path = DOC) -> None:
    """Replace the generated part of docs/BENCHMARKS.md (or put it after the title), keep the rest."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = markdown(rows, results, command)
    if START in old and END in old:
        head, rest = old.split(START, 1)
        new = head + block + rest.split(END, 1)[1].lstrip("\n")
    else:
        title, _, rest = old.partition("\n")
        new = f"{title}\n\n{block}\n{rest.lstrip()}"
    path.write_text(new, encoding="utf-8")
