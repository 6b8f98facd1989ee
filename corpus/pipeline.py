"""The ingest pipeline: files and folders → ingest.read → nlp.analyze → store_document, file by file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

import ingest
import nlp

from .cards import recompute_conflicts
from .db import get_engine
from .errors import CorpusError
from .failures import clear_failure, record_failure
from .persons import recompute_person_keys
from .store import document_id_for_sha, store_document
from .versions import delete_document

# The formats and the folder walk are ingest's (one list); corpus re-exports them for its callers.
SUPPORTED_EXTENSIONS = ingest.SUPPORTED_EXTENSIONS
expand_paths = ingest.expand_paths
ADDED, UNCHANGED, FAILED = "added", "unchanged", "failed"


@dataclass
class IngestReport:
    """What one ingest run did: files added, already present (same bytes), and failed with a reason."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def total(self) -> int:
        return len(self.added) + len(self.unchanged) + len(self.failed)


def ingest_paths(engine: Engine, paths: Iterable[str | Path],
                 on_progress: Callable[[Path, str], None] | None = None,
                 on_start: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest every file under `paths`; a bad file is recorded as (path, reason) and the run goes on."""
    files = expand_paths(paths)
    if on_start:
        on_start(len(files))
    report = IngestReport()
    touched: set[str] = set()
    for path in files:
        status, reason = ingest_file(engine, path, touched)
        if status == ADDED:
            report.added.append(str(path))
        elif status == UNCHANGED:
            report.unchanged.append(str(path))
        else:
            report.failed.append((str(path), reason))
        if on_progress:
            on_progress(path, status)
    if touched:
        try:
            recompute_conflicts(engine, touched)
        except CorpusError as exc:
            report.failed.append(("conflicts", str(exc)))
    if report.added:
        try:
            recompute_person_keys(engine)
        except CorpusError as exc:
            report.failed.append(("persons", str(exc)))
    return report


def ingest_file(engine: Engine, path: Path, touched: set[str]) -> tuple[str, str]:
    """Store one file and remember its failure (or clear it): (status, reason); the per-file step of every
    ingest (ingest_paths here, corpus.queue's workers). Conflicts and person keys are the caller's to recompute.

    The file is hashed once: the hash both skips bytes already stored and is recorded with a failure."""
    sha = _sha256(path)
    status, reason = _ingest_one(engine, path, touched, sha)
    _remember(engine, path, status, reason, sha)
    return status, reason


def remove_document(engine: Engine, document_id: int) -> list[str]:
    """Delete a document and every row derived from it (corpus.versions.delete_document) and recompute the
    conflict cards of its indicators. Returns those indicators."""
    indicators = delete_document(engine, document_id)
    recompute_conflicts(engine, indicators)
    return indicators


def _ingest_one(engine: Engine, path: Path, touched: set[str], sha: str | None) -> tuple[str, str]:
    """(status, reason) for one file: library errors give their one-line reason, a bug 'unexpected …'.

    The indicators of an added document's figures go to `touched` (their conflicts are recomputed). Same bytes
    already in the corpus (`sha`, as ingest hashes the raw bytes) skip parsing; no hash: ingest.read says why."""
    try:
        if sha is not None and document_id_for_sha(engine, sha) is not None:
            return UNCHANGED, ""
        doc = ingest.read(path)
        analysis = nlp.analyze(doc)
        result = store_document(engine, doc, analysis)
        if result.created:
            touched.update(f.indicator for f in analysis.figures if f.indicator)
        return (ADDED if result.created else UNCHANGED), ""
    except ingest.IngestError as exc:
        return FAILED, exc.reason
    except (nlp.NlpError, CorpusError) as exc:
        return FAILED, str(exc)
    except Exception as exc:  # noqa: BLE001 - a reader or extractor bug must not stop the other files
        return FAILED, f"unexpected {type(exc).__name__}: {exc}".splitlines()[0]


def _remember(engine: Engine, path: Path, status: str, reason: str, sha: str | None) -> None:
    """Record a failed file (path, hash, reason, time) for `saual ingest --retry-failed`; clear it once it goes in."""
    try:
        if status == FAILED:
            record_failure(engine, ingest.shown_path(path), reason, sha)
        else:
            clear_failure(engine, ingest.shown_path(path))
    except CorpusError:
        pass  # the database itself is failing: the file's own line already says why


def _sha256(path: Path) -> str | None:
    """The file's hash, streamed, when it is a regular file within the size limit (never a FIFO, a device or
    a file ingest would refuse anyway)."""
    try:
        ingest.check_file(path)
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, ValueError, ingest.IngestError):
        return None


def retry_failed(engine: Engine, **callbacks) -> IngestReport:
    """Ingest again every recorded failed file that still exists; a file that is gone stays recorded."""
    from .failures import list_failures

    paths = [Path(f.path) for f in list_failures(engine) if Path(f.path).is_file()]
    return ingest_paths(engine, paths, **callbacks) if paths else IngestReport()



def build_sample_corpus(url: str, root: Path) -> IngestReport:
    """Ingest every supported file under `root` into the database at `url` (tests' and the demo's corpus)."""
    return ingest_paths(get_engine(url), [root])
