"""`saual`: the command line over ingest, nlp and corpus (Typer).

This is the only place where library errors (IngestError, CorpusError) become one-line messages and
exit codes: 0 ok, 1 a file or the database failed, 2 a usage error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Self

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

APP_MAIN = Path(__file__).resolve().parent / "app" / "main.py"
HIGHLIGHT_START, HIGHLIGHT_END = "\x02", "\x03"  # corpus.HIGHLIGHT_START / HIGHLIGHT_END
MAX_REASON = 500

app = typer.Typer(
    name="saual",
    help="Saual: read Kazakh and Russian parliamentary inquiries, store them, search them.\n\n"
         "Run [bold]saual COMMAND --help[/bold] for the options and examples of each command.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""[bold]Examples[/bold]

  saual ingest samples/                 store every document under samples/

  saual search "еңбек мигранттары"      search the stored documents

  saual extract --json doc.pdf          the extraction contract for one file

  saual serve                           open the explorer in a browser

Database: --db URL, else $SAUAL_DATABASE_URL, else sqlite:///data/saual.db.""",
)


class Lang(str, enum.Enum):
    kk = "kk"
    ru = "ru"


class Kind(str, enum.Enum):
    inquiry = "inquiry"
    press_release = "press_release"
    news = "news"
    reply = "reply"
    other = "other"


DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="URL", show_default=False,
                 help="Database URL (default: $SAUAL_DATABASE_URL, else sqlite:///data/saual.db)."),
]


# ------------------------------------------------------------------ output helpers
def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _stdout() -> Console:
    return Console(highlight=False)


def one_line(message: str) -> str:
    """A message squeezed onto one line (newlines and runs of spaces collapsed), at most MAX_REASON chars."""
    text = " ".join(str(message).split())
    return text if len(text) <= MAX_REASON else text[:MAX_REASON - 1] + "…"


def failure_line(path: Path | str, reason: str) -> str:
    """`path: reason` on one line; a reason that already starts with the path is not doubled."""
    path = str(path)
    reason = str(reason)
    if reason.startswith(path + ": "):
        reason = reason[len(path) + 2:]
    return one_line(f"{path}: {reason}")


def exception_reason(exc: BaseException) -> str:
    """The reason for an unexpected exception: its class name and message."""
    message = str(exc).strip()
    name = f"unexpected {type(exc).__name__}"
    return f"{name}: {message}" if message else name


def _say_error(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _fatal(message: str, code: int = 1) -> typer.Exit:
    """Print `saual: error: message` on stderr and return the Exit to raise."""
    _say_error(one_line(f"saual: error: {message}"))
    return typer.Exit(code)


# ------------------------------------------------------------------ paths
def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders walked recursively for supported formats (corpus.expand_paths: one rule)."""
    import corpus

    return corpus.expand_paths(paths)


# ------------------------------------------------------------------ database
def _open_engine(db: str | None):
    import corpus

    try:
        return corpus.get_engine(db)
    except corpus.CorpusError as exc:
        raise _fatal(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a malformed URL, a missing driver: one line, no traceback
        raise _fatal(f"cannot open database: {exception_reason(exc)}") from None


def _shown_url(engine: Any) -> str:
    url = getattr(engine, "url", None)
    try:
        return url.render_as_string(hide_password=True)
    except AttributeError:
        return str(url) if url is not None else "?"


# ------------------------------------------------------------------ version
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("saual")
    except PackageNotFoundError:
        return "unknown"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"saual {_version()}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Saual: read Kazakh and Russian parliamentary inquiries, store them, search them."""


# ------------------------------------------------------------------ ingest
class _Progress:
    """A rich progress bar on a terminal, one plain stderr line per file otherwise."""

    def __init__(self, total: int):
        self.total = total
        self.done = 0
        self.console = _stderr()
        self.live = self.console.is_terminal
        self.bar = None
        self.task = None

    def __enter__(self) -> Self:
        if self.live:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                MofNCompleteColumn(), TimeElapsedColumn(), console=self.console)
            self.bar.__enter__()
            self.task = self.bar.add_task("ingesting", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=f"{self.done} file{'s' if self.done != 1 else ''}")
            self.bar.__exit__(*exc)

    def start(self, path: Path) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=Text(path.name, overflow="ellipsis", no_wrap=True))

    def finish(self, path: Path, status: str, failure: str | None = None) -> None:
        self.done += 1
        if self.bar is not None:
            if failure:
                self.bar.console.print(Text(failure), soft_wrap=True)
            self.bar.advance(self.task)
        elif failure:
            _say_error(failure)
        else:
            _say_error(f"[{self.done}/{self.total}] {status:<9} {path}")


def _count(value: Any) -> int:
    return value if isinstance(value, int) else len(value or ())


def _ingest_one(engine: Any, path: Path) -> tuple[str, str | None]:
    """Store one file in its own call, so that any exception stays with that file: (status, reason)."""
    import corpus

    statuses: list[str] = []
    try:
        report = corpus.ingest_paths(engine, [path], on_progress=lambda _p, s: statuses.append(str(s)),
                                     on_start=lambda _n: None)
    except corpus.CorpusError as exc:
        return "failed", str(exc)
    except Exception as exc:  # noqa: BLE001 - any failure stays with its file; the run goes on
        return "failed", exception_reason(exc)
    if report.failed:
        _failed_path, reason = report.failed[0]
        return "failed", str(reason)
    if _count(report.added):
        return "added", None
    if _count(report.unchanged):
        return "unchanged", None
    return (statuses[-1] if statuses else "unchanged"), None


@app.command(epilog="""[bold]Examples[/bold]

  saual ingest samples/            every document under samples/, recursively

  saual ingest a.pdf news.html --db sqlite:///tmp/x.db

  SAUAL_DATABASE_URL=postgresql+psycopg://localhost/saual saual ingest inbox/

Exit code 0 when every file went in (or was already there), 1 when any file failed.""")
def ingest(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", show_default=False,
                                                help="Files or folders (walked recursively for .pdf .html "
                                                     ".htm .txt .docx; hidden files skipped).")],
    db: DbOption = None,
) -> None:
    """Read files (PDF, scanned PDF, HTML, TXT, DOCX) and store them in the corpus.

    Re-ingesting a file already stored (same sha256) changes nothing. A file that cannot be read is reported as one line `path: reason` on stderr; the other files still go in.
    """
    files = expand_paths(paths)
    if not files:
        raise _fatal("no files found in " + ", ".join(str(p) for p in paths))
    engine = _open_engine(db)
    counts = {"added": 0, "unchanged": 0, "failed": 0}
    with _Progress(len(files)) as progress:
        for path in files:
            progress.start(path)
            status, reason = _ingest_one(engine, path)
            status = status if status in counts else "added"
            counts[status] += 1
            progress.finish(path, status, failure_line(path, reason) if status == "failed" else None)
    typer.echo(f"{len(files)} file{'s' if len(files) != 1 else ''}: {counts['added']} added, "
               f"{counts['unchanged']} unchanged, {counts['failed']} failed  ({_shown_url(engine)})")
    raise typer.Exit(1 if counts["failed"] else 0)


# ------------------------------------------------------------------ extract
NAME_FIELDS = ("stem", "id", "format", "parent", "name")


def output_name(template: str, path: Path, fmt: str) -> str:
    """The file name (without .json) for `path` from --name-template; raises KeyError/ValueError if bad."""
    name = template.format(stem=path.stem, id=path.stem.split("_")[0], format=fmt,
                           parent=path.parent.name, name=path.name)
    if not name or name in {".", ".."} or "/" in name or "\\" in name:
        raise ValueError(f"the template gives {name!r}, which is not a plain file name")
    return name


def _check_template(template: str) -> None:
    try:
        output_name(template, Path("dir/000_abc.txt"), "txt")
    except (KeyError, IndexError, ValueError) as exc:
        raise typer.BadParameter(f"{exc}; fields are {', '.join('{' + f + '}' for f in NAME_FIELDS)}",
                                 param_hint="--name-template") from None


def summary_line(contract: dict[str, Any], paragraphs: int) -> str:
    """A short human summary of one extracted document."""
    source = contract.get("source", {})
    pages = source.get("pages")
    parts = [
        f"language {contract.get('language')}",
        f"kind {contract.get('kind')}",
        f"date {contract.get('date') or '-'}",
        f"pages {pages if pages is not None else '-'}",
        f"paragraphs {paragraphs}",
        f"figures {len(contract.get('figures', []))}",
        f"entities {len(contract.get('entities', []))}",
        f"demands {len(contract.get('demands', []))}",
    ]
    if source.get("ocr"):
        parts.append("OCR")
    return " · ".join(parts)


@app.command(epilog="""[bold]Examples[/bold]

  saual extract samples/pdf/8920.pdf   a short summary

  saual extract --json samples/pdf/*.pdf > out.jsonl   (JSON Lines)

  saual extract --json --pretty doc.pdf | less

  saual extract samples/pdf/*.pdf --out pred/ --name-template 'pdf-{stem}'

  saual extract samples/seeds/*.txt --out pred/ --name-template 'seed-{id}'

  python3 ../shared/eval/score.py ../shared/gold/dev.json pred/

--name-template fields: {stem} file name without extension (default), {id} the stem up to its first '_', {format} pdf/html/txt/docx, {parent} the folder's name, {name} the full file name. Two files that would get the same name: the second one fails.""")
def extract(
    files: Annotated[list[Path], typer.Argument(metavar="FILE", show_default=False,
                                                help="Files to read (folders are walked recursively).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per file and line "
                                                          "(the saual.extraction/1 contract, "
                                                          "docs/extraction.schema.json).")] = False,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON (implies --json; no longer one "
                                                          "object per line).")] = False,
    out: Annotated[Path | None, typer.Option("--out", metavar="DIR", file_okay=False, show_default=False,
                                             help="Also write one <name>.json per file into DIR "
                                                  "(created if missing).")] = None,
    name_template: Annotated[str, typer.Option("--name-template", metavar="TEMPLATE",
                                               help="File name for --out, without .json.")] = "{stem}",
) -> None:
    """Read files and print what was found: language, kind, date, figures, entities, demands.

    Nothing is stored. A file that cannot be read is reported as one line `path: reason` on stderr; the other files are still processed, and the exit code is 1.
    """
    import ingest
    import nlp

    _check_template(name_template)
    as_json = as_json or pretty
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fatal(f"cannot create {out}: {exc.strerror or exc}") from None
    written: dict[str, Path] = {}
    failed = 0
    for path in expand_paths(files):
        try:
            doc = ingest.read(path)
            contract = nlp.to_contract(doc, nlp.analyze(doc))
            line = json.dumps(contract, ensure_ascii=False, indent=2 if pretty else None)
        except ingest.IngestError as exc:
            failed += 1
            _say_error(failure_line(path, exc.reason))
            continue
        except Exception as exc:  # noqa: BLE001 - any failure stays with its file; the run goes on
            failed += 1
            _say_error(failure_line(path, exception_reason(exc)))
            continue
        target = None
        if out is not None:
            name = output_name(name_template, path, doc.format)
            if name in written:
                failed += 1
                _say_error(failure_line(path, f"output name {name}.json already used by {written[name]}; "
                                              "choose another --name-template"))
                continue
            written[name] = path
            target = out / f"{name}.json"
            try:
                target.write_text(json.dumps(contract, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            except OSError as exc:
                failed += 1
                _say_error(failure_line(path, f"cannot write {target}: {exc.strerror or exc}"))
                continue
        if as_json:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        else:
            typer.echo(str(path) + (f"  → {target}" if target else ""))
            typer.echo("  " + summary_line(contract, len(doc.paragraphs)))
            if doc.title:
                typer.echo("  title " + one_line(doc.title))
    raise typer.Exit(1 if failed else 0)


# ------------------------------------------------------------------ search
def highlighted(snippet: str, style: str = "bold") -> Text:
    """A snippet with HIGHLIGHT_START…HIGHLIGHT_END spans shown in `style` (never parsed as markup)."""
    text = Text()
    bold = False
    buf = ""
    for ch in snippet.replace("\n", " "):
        if ch in (HIGHLIGHT_START, HIGHLIGHT_END):
            if buf:
                text.append(buf, style=style if bold else None)
                buf = ""
            bold = ch == HIGHLIGHT_START
        else:
            buf += ch
    if buf:
        text.append(buf, style=style if bold else None)
    return text


def plain_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet without markers and the [start, end] offsets of its highlighted terms."""
    plain: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    start: int | None = None
    for ch in snippet:
        if ch == HIGHLIGHT_START:
            start = pos
        elif ch == HIGHLIGHT_END:
            if start is not None and pos > start:
                spans.append([start, pos])
            start = None
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), spans


def hit_record(hit: Any) -> dict[str, Any]:
    """One search hit as a JSON-ready dict: plain snippet plus highlight offsets into it."""
    record = dataclasses.asdict(hit) if dataclasses.is_dataclass(hit) else dict(vars(hit))
    for key, value in record.items():
        if isinstance(value, dt.date):
            record[key] = value.isoformat()
    record["snippet"], record["highlights"] = plain_snippet(str(record.get("snippet") or ""))
    return record


def _shown_path(path: str) -> str:
    """A stored path relative to the current folder when it lies below it, else as stored."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return path


def hits_table(hits: list[Any], query: str) -> Table:
    """Search hits as a rich table: document (title, path, kind, date), page, language, highlighted snippet."""
    table = Table(title=Text(f"{len(hits)} match{'es' if len(hits) != 1 else ''} for «{query}»"),
                  show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Document", ratio=2, overflow="fold")
    table.add_column("Page", justify="right", no_wrap=True)
    table.add_column("Lang", no_wrap=True)
    table.add_column("Snippet", ratio=3)
    for i, hit in enumerate(hits, 1):
        title = one_line(hit.title or Path(hit.path).name)
        doc = Text(title if len(title) <= 80 else title[:79] + "…", style="bold")
        details = " · ".join(str(x) for x in (hit.kind, hit.date) if x)
        doc.append(f"\n{_shown_path(hit.path)}" + (f"\n{details}" if details else ""), style="dim")
        table.add_row(str(i), doc, str(hit.page) if hit.page is not None else "-",
                      str(hit.language or hit.doc_language or "-"), highlighted(hit.snippet or ""))
    return table


@app.command(epilog="""[bold]Examples[/bold]

  saual search "еңбек мигранттары"

  saual search Корея --lang ru --kind news

  saual search квота --from 2025-01-01 --to 2025-12-31 --limit 5

  saual search "EPS" --json | jq .path

Kazakh words match by prefix, so 'мигрант' also finds 'мигранттардың'. Query syntax characters are taken literally.""")
def search(
    query: Annotated[str, typer.Argument(help="Words to look for.", show_default=False)],
    lang: Annotated[Lang | None, typer.Option("--lang", help="Only passages in this language.",
                                              show_default=False)] = None,
    kind: Annotated[Kind | None, typer.Option("--kind", help="Only documents of this kind.",
                                              show_default=False)] = None,
    date_from: Annotated[dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD",
                                                          help="Only documents dated on or after this day.",
                                                          show_default=False)] = None,
    date_to: Annotated[dt.datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD",
                                                        help="Only documents dated on or before this day.",
                                                        show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="At most this many matches.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many matches first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per match and line.")] = False,
    db: DbOption = None,
) -> None:
    """Full-text search of the stored documents, best matches first."""
    import corpus

    engine = _open_engine(db)
    try:
        hits = corpus.search(engine, query, language=lang.value if lang else None,
                             kind=kind.value if kind else None,
                             date_from=date_from.date() if date_from else None,
                             date_to=date_to.date() if date_to else None, limit=limit, offset=offset)
    except corpus.CorpusError as exc:
        raise _fatal(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback
        raise _fatal(f"search failed: {exception_reason(exc)}") from None
    if as_json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit_record(hit), ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()
    elif not hits:
        _say_error(f"no matches for «{query}»")
    else:
        _stdout().print(hits_table(hits, query))


# ------------------------------------------------------------------ serve
def streamlit_command(port: int, app_path: Path = APP_MAIN) -> list[str]:
    """The `python -m streamlit run` command line for the explorer.

    Always headless: a non-headless first run stops at Streamlit's e-mail prompt on stdin; the
    browser is opened by `open_browser_when_ready` instead.
    """
    return [sys.executable, "-m", "streamlit", "run", str(app_path),
            "--server.port", str(port), "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"]


_OPENER = """
import sys, time, urllib.request, webbrowser
url = sys.argv[1]
for _ in range(120):
    try:
        urllib.request.urlopen(url + "_stcore/health", timeout=1)
    except OSError:
        time.sleep(0.5)
        continue
    webbrowser.open(url)
    break
"""


def open_browser_when_ready(url: str) -> None:
    """A detached helper that opens `url` in the user's browser once the explorer answers."""
    subprocess.Popen([sys.executable, "-c", _OPENER, url], start_new_session=True,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@app.command(epilog="""[bold]Examples[/bold]

  saual serve                          http://localhost:8501, opens a browser

  saual serve --port 8600 --headless   on a server: no browser

  saual serve --db postgresql+psycopg://localhost/saual""")
def serve(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8501,
    db: DbOption = None,
    headless: Annotated[bool, typer.Option("--headless", help="Do not open a browser.")] = False,
) -> None:
    """Start the Streamlit explorer (search and document pages) over the corpus."""
    import corpus

    if not APP_MAIN.exists():
        raise _fatal(f"the explorer app is missing: {APP_MAIN}")
    engine = _open_engine(db)  # surfaces a bad URL here, as one line, before Streamlit starts
    url = corpus.database_url(db)
    engine.dispose()
    env = dict(os.environ, SAUAL_DATABASE_URL=url)
    command = streamlit_command(port)
    _say_error(f"saual: explorer on http://localhost:{port}  ({_shown_url(engine)}); Ctrl+C stops it")
    if not headless:
        open_browser_when_ready(f"http://localhost:{port}/")
    sys.stdout.flush()
    if os.name == "posix":  # become Streamlit: signals (Ctrl+C, kill) reach it directly, no orphan left
        try:
            os.execve(command[0], command, env)
        except OSError as exc:
            raise _fatal(f"cannot start Streamlit: {exc}") from None
    try:
        code = subprocess.call(command, env=env)
    except KeyboardInterrupt:
        code = 130
    raise typer.Exit(code)


def main() -> None:
    """Console-script entry point (`saual`)."""
    app()


if __name__ == "__main__":
    main()
