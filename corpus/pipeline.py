"""The ingest pipeline: files and folders → ingest.read → nlp.analyze → store_document, file by file; the
cross-document recomputes (conflict cards, person keys, leftover reply links) once per run (corpus.pending)."""

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
from .pending import Pending, clear_pending, mark_pending, pending
from .persons import recompute_person_keys
from .reply_links import relink
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


@dataclass
class Prepared:
    """One file read and analysed (here or in a worker process), or why not: what `store_prepared` takes."""

    path: Path
    sha: str | None
    status: str = ""  # UNCHANGED or FAILED when decided before storing
    reason: str = ""
    doc: ingest.Document | None = None
    analysis: nlp.Analysis | None = None


def ingest_paths(engine: Engine, paths: Iterable[str | Path],
                 on_progress: Callable[[Path, str], None] | None = None,
                 on_start: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest every file under `paths`; a bad file is recorded as (path, reason) and the run goes on."""
    files = expand_paths(paths)
    if on_start:
        on_start(len(files))
    report = IngestReport()
    owed = Pending()
    for path in files:
        status, reason = ingest_file(engine, path, owed.indicators, owed)
        if status == ADDED:
            report.added.append(str(path))
        elif status == UNCHANGED:
            report.unchanged.append(str(path))
        else:
            report.failed.append((str(path), reason))
        if on_progress:
            on_progress(path, status)
    report.failed += finish_recomputes(engine, owed)
    return report


def ingest_file(engine: Engine, path: Path, touched: set[str], owed: Pending | None = None) -> tuple[str, str]:
    """Store one file and remember its failure (or clear it): (status, reason); the per-file step of every
    ingest (ingest_paths here, corpus.queue's workers). Conflicts and person keys are the caller's to recompute;
    with `owed` they are also marked as owed (corpus.pending) before the document is stored.

    The file is hashed once: the hash both skips bytes already stored and is recorded with a failure."""
    prepared = prepare_file(engine, path)
    if not prepared.status:
        prepared = analyse(prepared)
    return store_prepared(engine, prepared, touched, owed)


def prepare_file(engine: Engine, path: Path) -> Prepared:
    """Hash the file; bytes already stored are UNCHANGED and need no reading."""
    sha = _sha256(path)
    try:
        if sha is not None and document_id_for_sha(engine, sha) is not None:
            return Prepared(path, sha, UNCHANGED)
    except Exception as exc:  # noqa: BLE001 - the database failing stays with this file
        return Prepared(path, sha, FAILED, f"unexpected {type(exc).__name__}: {exc}".splitlines()[0])
    return Prepared(path, sha)


def analyse(prepared: Prepared) -> Prepared:
    """Read and analyse the file (no database needed: a worker process may do it)."""
    try:
        prepared.doc = ingest.read(prepared.path)
        prepared.analysis = nlp.analyze(prepared.doc)
    except ingest.IngestError as exc:
        prepared.status, prepared.reason = FAILED, exc.reason
    except (nlp.NlpError, CorpusError) as exc:
        prepared.status, prepared.reason = FAILED, str(exc)
    except Exception as exc:  # noqa: BLE001 - a reader or extractor bug must not stop the other files
        prepared.status, prepared.reason = FAILED, f"unexpected {type(exc).__name__}: {exc}".splitlines()[0]
    return prepared


def store_prepared(engine: Engine, prepared: Prepared, touched: set[str],
                   owed: Pending | None = None) -> tuple[str, str]:
    """Store an analysed file, remember its failure or clear it: (status, reason)."""
    status, reason = prepared.status, prepared.reason
    if not status:
        status, reason = _store(engine, prepared, touched, owed)
    _remember(engine, prepared.path, status, reason, prepared.sha)
    return status, reason


def _store(engine: Engine, prepared: Prepared, touched: set[str], owed: Pending | None) -> tuple[str, str]:
    """(status, reason) of storing one analysed document; the indicators of an added one go to `touched`."""
    doc, analysis = prepared.doc, prepared.analysis
    indicators = {f.indicator for f in analysis.figures if f.indicator}
    persons = any(e.label == "PER" for e in analysis.entities)
    links = doc.kind in ("reply", "inquiry")
    try:
        if owed is not None:  # durable before the document: a kill after it leaves the recomputes owed
            mark_pending(engine, indicators, persons, doc.sha256 if links else None, owed.written)
        result = store_document(engine, doc, analysis)
    except CorpusError as exc:
        return FAILED, str(exc)
    except Exception as exc:  # noqa: BLE001 - a storing bug must not stop the other files
        return FAILED, f"unexpected {type(exc).__name__}: {exc}".splitlines()[0]
    if result.created:
        touched.update(indicators)
        if owed is not None:
            owed.indicators |= indicators
            owed.persons |= persons
    if owed is not None and links:
        owed.linked.add(doc.sha256)  # store_document linked it: nothing left to relink
    return (ADDED if result.created else UNCHANGED), ""


def finish_recomputes(engine: Engine, owed: Pending | None = None) -> list[tuple[str, str]]:
    """Run once every recompute owed, this run's and any a killed run left marked, then clear the marks;
    the failures as (what, reason)."""
    owed = owed or Pending()
    try:
        left = pending(engine)
    except CorpusError as exc:
        return [("recompute", str(exc))]
    failed: list[tuple[str, str]] = []
    done = Pending(links=set(owed.linked & left.links))
    steps = (("conflicts", owed.indicators | left.indicators, lambda keys: recompute_conflicts(engine, keys)),
             ("links", left.links - owed.linked, lambda shas: _relink(engine, shas)),
             ("persons", {""} if owed.persons or left.persons else set(), lambda _: recompute_person_keys(engine)))
    for name, keys, step in steps:
        if not keys:
            continue
        try:
            step(keys)
        except CorpusError as exc:
            failed.append((name, str(exc)))
            continue
        done.indicators |= keys if name == "conflicts" else set()
        done.links |= keys if name == "links" else set()
        done.persons |= name == "persons"
    try:
        clear_pending(engine, done)
    except CorpusError as exc:
        failed.append(("recompute", str(exc)))
    return failed


def _relink(engine: Engine, shas: set[str]) -> None:
    """Link again the replies and inquiries a killed run stored but did not link."""
    for sha in sorted(shas):
        document_id = document_id_for_sha(engine, sha)
        if document_id is not None:
            relink(engine, document_id)


def remove_document(engine: Engine, document_id: int) -> list[str]:
    """Delete a document and every row derived from it (corpus.versions.delete_document) and recompute the
    conflict cards of its indicators. Returns those indicators."""
    indicators = delete_document(engine, document_id)
    recompute_conflicts(engine, indicators)
    return indicators


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
