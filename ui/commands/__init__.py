"""The `saual` commands, one module each (ingest, extract, search, conflicts, queue, serve), and what they share (common)."""

from collections.abc import Callable
from dataclasses import dataclass

from . import conflicts, draft, extract, ingest, manage, queue, search, serve
from .common import exception_reason, expand_paths, failure_line, known_errors, one_line
from .extract import output_name, summary_line
from .search import highlighted, hit_record, hits_table, plain_snippet
from .serve import APP_MAIN, open_browser_when_ready, streamlit_command


@dataclass(frozen=True)
class Command:
    """One `saual` command: its name, the function Typer calls, and the examples shown in --help."""

    name: str
    function: Callable[..., None]
    epilog: str


COMMANDS = (
    Command("ingest", ingest.ingest_command, ingest.EPILOG),
    Command("extract", extract.extract_command, extract.EPILOG),
    Command("search", search.search_command, search.EPILOG),
    Command("conflicts", conflicts.conflicts_command, conflicts.EPILOG),
    Command("draft-reply", draft.draft_reply_command, draft.EPILOG),
    Command("remove", manage.remove_command, manage.REMOVE_EPILOG),
    Command("failed", manage.failed_command, manage.FAILED_EPILOG),
    Command("enqueue", queue.enqueue_command, queue.ENQUEUE_EPILOG),
    Command("worker", queue.worker_command, queue.WORKER_EPILOG),
    Command("jobs", queue.jobs_command, queue.JOBS_EPILOG),
    Command("serve", serve.serve_command, serve.EPILOG),
)

__all__ = [
    "APP_MAIN",
    "COMMANDS",
    "Command",
    "exception_reason",
    "expand_paths",
    "failure_line",
    "highlighted",
    "hit_record",
    "hits_table",
    "known_errors",
    "one_line",
    "open_browser_when_ready",
    "output_name",
    "plain_snippet",
    "streamlit_command",
    "summary_line",
]
