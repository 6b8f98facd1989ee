"""`saual ingest`: store files and folders in the corpus, one file at a time, with a progress display."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Self

import typer
from rich.text import Text

from .common import (
    DbOption,
    exception_reason,
    failure_line,
    fatal,
    open_engine,
    say_error,
    shown,
    shown_url,
    stderr_console,
)

EPILOG = """[bold]Examples[/bold]

  saual ingest samples/            every document under samples/, recursively

  saual ingest a.pdf news.html --db sqlite:///tmp/x.db

  saual ingest --retry-failed      the files earlier runs could not store (saual failed lists them)

  SAUAL_DATABASE_URL=postgresql+psycopg://localhost/saual saual ingest inbox/

  saual ingest -- -draft.pdf       a file name starting with a dash (or ./-draft.pdf)

A folder walk prints a `skipped` line for each file it leaves out, and why. Per-file limits on size,
pages, text, time and memory are settings (SAUAL_MAX_FILE_MB, SAUAL_MAX_PAGES, SAUAL_MAX_TEXT_CHARS,
SAUAL_READ_TIMEOUT, SAUAL_READ_MEMORY_MB, …; docs/RELIABILITY.md).

Exit code 0 when every file went in (or was already there), 1 when any file failed."""


def _walked_extensions() -> str:
    """The extensions a folder walk takes, for --help (ingest's one list)."""
    import ingest

    return " ".join(ingest.SUPPORTED_EXTENSIONS)


class Progress:
    """A rich progress bar on a terminal, one plain stderr line per file otherwise."""

    def __init__(self, total: int):
        self.total = total
        self.done = 0
        self.console = stderr_console()
        self.live = self.console.is_terminal
        self.bar = None
        self.task = None

    def __enter__(self) -> Self:
        if self.live:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as Bar

            self.bar = Bar(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                           MofNCompleteColumn(), TimeElapsedColumn(), console=self.console)
            self.bar.__enter__()
            self.task = self.bar.add_task("ingesting", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=f"{self.done} file{'s' if self.done != 1 else ''}")
            self.bar.__exit__(*exc)

    def start(self, path: Path) -> None:
        """Show the file being read."""
        if self.bar is not None:
            self.bar.update(self.task, description=Text(path.name, overflow="ellipsis", no_wrap=True))

    def finish(self, path: Path, status: str, failure: str | None = None) -> None:
        """Count one file done; print its failure line, or its status line without a terminal."""
        self.done += 1
        if self.bar is not None:
            if failure:
                self.bar.console.print(Text(failure), soft_wrap=True)
            self.bar.advance(self.task)
        elif failure:
            say_error(failure)
        else:
            say_error(f"[{self.done}/{self.total}] {status:<9} {shown(path)}")


def _count(value: Any) -> int:
    """A report field as a number: a count, or the length of a list of paths."""
    return value if isinstance(value, int) else len(value or ())


def store_one(engine: Any, prepared: Any, owed: Any) -> tuple[str, str | None]:
    """Store one read and analysed file in its own call, so that any exception stays with that file:
    (status, reason). Cross-document recomputes are owed and done once at the end of the run."""
    import corpus
    import ingest

    path = prepared.path
    try:
        ingest.check_file(path)  # a FIFO, a device or a huge file is refused before anything reads it
    except ingest.IngestError as exc:
        _record_failure(engine, path, exc.reason)
        return "failed", exc.reason
    try:
        status, reason = corpus.store_prepared(engine, prepared, set(), owed)
    except Exception as exc:  # noqa: BLE001 - any failure stays with its file; the run goes on
        return "failed", exception_reason(exc)
    return status, (reason or None) if status == "failed" else None


def _record_failure(engine: Any, path: Path, reason: str) -> None:
    """Record a file refused before the pipeline saw it, as the pipeline records its own failures."""
    import corpus

    try:
        corpus.record_failure(engine, shown(path), reason)
    except corpus.CorpusError:
        pass  # the database itself is failing: the file's own line already says why


def ingest_command(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="PATH", show_default=False,
                                                       help=f"Files or folders (walked recursively for "
                                                            f"{_walked_extensions()}; hidden files and a "
                                                            "folder's README/SOURCES/LICENSE notes skipped).")] = None,
    db: DbOption = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Also try again every file an earlier run "
                                               "could not store (see saual failed).")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes that read and analyse files (each "
                                         "loads the models once, about 1 GB each); this one stores them.")] = 1,
) -> None:
    """Read files (PDF, scanned PDF, HTML, TXT, DOCX) and store them in the corpus.

    Re-ingesting a file already stored (same sha256) changes nothing. A file that cannot be read is reported as one line `path: reason` on stderr; the other files still go in.
    """
    paths = list(paths or [])
    if not paths and not retry_failed:
        raise fatal("give files or folders to ingest, or --retry-failed", code=2)
    engine = open_engine(db)
    walked = _walk(paths + (_failed_paths(engine) if retry_failed else []))
    files = walked.files
    if not files:
        if retry_failed and not paths:
            typer.echo("no failed files to retry")
            raise typer.Exit(0)
        raise fatal("no files found in " + ", ".join(shown(p) for p in paths))
    counts = _ingest_files(engine, files, workers)
    typer.echo(f"{len(files)} file{'s' if len(files) != 1 else ''}: {counts['added']} added, "
               f"{counts['unchanged']} unchanged, {counts['failed']} failed, {len(walked.skipped)} skipped  "
               f"({shown_url(engine)})")
    raise typer.Exit(1 if counts["failed"] else 0)


def _ingest_files(engine: Any, files: list[Path], workers: int) -> dict[str, int]:
    """Read, analyse and store the files (in order, `workers` processes reading), then the recomputes owed."""
    import corpus

    counts = {"added": 0, "unchanged": 0, "failed": 0}
    owed = corpus.Pending()
    with Progress(len(files)) as progress:
        for prepared in corpus.prepared_files(engine, files, workers, on_start=progress.start):
            status, reason = store_one(engine, prepared, owed)
            status = status if status in counts else "added"
            counts[status] += 1
            progress.finish(prepared.path, status, failure_line(prepared.path, reason) if status == "failed" else None)
    for what, reason in corpus.finish_recomputes(engine, owed):
        say_error(f"{what}: {reason}")
        counts["failed"] += 1
    return counts


def _failed_paths(engine: Any) -> list[Path]:
    """The recorded failed files that are still there (a file that is gone stays recorded, with a line)."""
    import corpus

    try:
        failures = corpus.list_failures(engine)
    except corpus.CorpusError as exc:
        raise fatal(str(exc)) from None
    out = []
    for f in failures:
        path = Path(f.path)
        if path.exists():
            out.append(path)
        else:
            say_error(f"skipped   {f.path} (failed before and no longer there)")
    return out


def _walk(paths: list[Path]) -> Any:
    """The files to ingest (ingest.walk); each file a folder walk leaves out is one `skipped` line."""
    import ingest

    try:
        walked = ingest.walk(paths)
    except ingest.IngestError as exc:  # a malformed limit setting
        raise fatal(str(exc)) from None
    for path, why in walked.skipped:
        say_error(f"skipped   {shown(path)} ({why})")
    return walked
