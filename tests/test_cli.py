"""The `saual` command line: ingest, extract, help and version, and bad input (search and serve:
tests/test_cli_search.py).

Real console-script subprocesses for the end-to-end runs, Typer's CliRunner where monkeypatching is needed.
Each test uses its own SQLite database in tmp_path.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import corpus
from ui import cli

ROOT = Path(__file__).resolve().parent.parent
SAUAL = Path(sys.executable).with_name("saual")
SEEDS = sorted((ROOT / "samples" / "seeds").glob("*.txt"))
PDFS = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
BAD = ROOT / "tests" / "data" / "bad"  # committed by the PDF reader's work: encrypted.pdf, no_pages.pdf, ...
runner = CliRunner()


def saual(*args: str, timeout: float = 600, **env: str) -> subprocess.CompletedProcess:
    """Run the installed console script, without a terminal (so progress is plain lines)."""
    full_env = {k: v for k, v in os.environ.items() if k != "SAUAL_DATABASE_URL"}
    full_env.update(COLUMNS="200", **env)
    return subprocess.run([str(SAUAL), *args], check=False, capture_output=True, text=True, encoding="utf-8",
                          env=full_env, timeout=timeout, cwd=ROOT)


def lines_starting_with(text: str, prefix: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(prefix)]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    yield url
    corpus.close_engine(url)


def stored_paths(db: str) -> list[str]:
    return sorted(str(Path(d.path).resolve()) for d in corpus.list_documents(corpus.get_engine(db)))


def copy_to(folder: Path, *files: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for f in files:
        target = folder / f.name
        shutil.copyfile(f, target)
        out.append(target)
    return out


def _a_word(path: Path, language: str) -> str:
    """A long word from the sample text that only one language's alphabet would spell (not a fixed answer)."""
    kk = set("әғқңөұүһі")
    words = re.findall(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{8,}", path.read_text(encoding="utf-8"))
    pick = [w for w in words if (language == "kk") == bool(kk & set(w.lower()))]
    return max(pick, key=pick.count)


# ------------------------------------------------------------------ ingest
def test_ingest_folder_then_reingest_is_unchanged(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "in"
    good = copy_to(folder / "seeds", *SEEDS) + copy_to(folder / "pdf", PDFS[0])
    (folder / "SOURCES.md").write_text("# notes about the corpus, not a document\n", encoding="utf-8")
    (folder / "scan.xyz").write_text("not a format saual reads\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("an editor's scratch file\n", encoding="utf-8")

    first = saual("ingest", str(folder), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "3 files: 3 added, 0 unchanged, 0 failed" in first.stdout
    for path in good:  # plain progress lines, one per file, on stderr
        assert len([line for line in first.stderr.splitlines() if line.endswith(str(path))]) == 1
    left_out = [line for line in first.stderr.splitlines() if not line.startswith("skipped ")]
    assert not any(x in line for line in left_out for x in ("SOURCES.md", ".hidden", "scan.xyz"))
    assert "3 files: 3 added, 0 unchanged, 0 failed, 3 skipped" in first.stdout  # each a `skipped` line
    assert stored_paths(db) == sorted(str(p.resolve()) for p in good)

    again = saual("ingest", str(folder), "--db", db)
    assert again.returncode == 0, again.stderr
    assert "3 files: 0 added, 3 unchanged, 0 failed" in again.stdout
    assert stored_paths(db) == sorted(str(p.resolve()) for p in good)


def test_ingest_and_search_on_each_database(tmp_path: Path, db_url: str) -> None:
    """The whole command-line round trip on SQLite and on a real PostgreSQL (db_url is both)."""
    folder = tmp_path / "in"
    good = copy_to(folder, *SEEDS)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n" + random.Random(3).randbytes(5000))

    result = saual("ingest", str(folder), "--db", db_url)
    assert result.returncode == 1
    assert len(lines_starting_with(result.stderr, str(folder / "broken.pdf"))) == 1
    assert "2 added, 0 unchanged, 1 failed" in result.stdout
    assert stored_paths(db_url) == sorted(str(p.resolve()) for p in good)

    word = _a_word(SEEDS[1], "kk")
    found = saual("search", word, "--json", "--db", db_url)
    assert found.returncode == 0, found.stderr
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert hits and {Path(h["path"]).name for h in hits} >= {SEEDS[1].name}


def test_ingest_database_url_from_environment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    result = saual("ingest", str(SEEDS[0]), SAUAL_DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    assert len(stored_paths(url)) == 1


def _truncated_pdf(path: Path) -> None:
    data = PDFS[0].read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _corrupt_pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + random.Random(7).randbytes(20_000))


def _random_bytes_pdf(path: Path) -> None:
    path.write_bytes(random.Random(8).randbytes(20_000))


def _committed(name: str):
    def make(path: Path) -> None:
        if not (BAD / name).exists():
            pytest.skip(f"tests/data/bad/{name} is not committed")
        shutil.copyfile(BAD / name, path)
    return make


def _undecodable_text(path: Path) -> None:
    junk = random.Random(9).randbytes(4000)
    path.write_bytes(bytes(range(256)) + junk.replace(b"\n", b"\x00"))


BAD_INPUT = [  # name, file name, how to make it
    ("empty", "empty.pdf", lambda p: p.write_bytes(b"")),
    ("blank", "blank.txt", lambda p: p.write_bytes(b" \n\n \t\n")),
    ("truncated-pdf", "truncated.pdf", _truncated_pdf),
    ("corrupt-pdf", "corrupt.pdf", _corrupt_pdf),
    ("random-bytes-pdf", "random.pdf", _random_bytes_pdf),
    ("encrypted-pdf", "encrypted.pdf", _committed("encrypted.pdf")),
    ("pdf-without-pages", "no_pages.pdf", _committed("no_pages.pdf")),
    ("committed-truncated-pdf", "truncated.pdf", _committed("truncated.pdf")),
    ("committed-corrupt-pdf", "corrupt.pdf", _committed("corrupt.pdf")),
    ("unknown-format", "notes.xyz", lambda p: p.write_text("some words in an unknown format\n")),
    ("undecodable-text", "junk.txt", _undecodable_text),
    ("missing", "does-not-exist.pdf", lambda p: None),
]


@pytest.mark.parametrize("name, filename, make", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_ingest_bad_input(tmp_path: Path, db: str, name: str, filename: str, make) -> None:
    folder = tmp_path / "in"
    good = copy_to(folder, SEEDS[0])[0]
    bad = folder / filename
    make(bad)

    result = saual("ingest", str(good), str(bad), "--db", db)

    assert result.returncode == 1, (result.stdout, result.stderr)
    errors = lines_starting_with(result.stderr, str(bad))
    assert len(errors) == 1, result.stderr
    assert re.fullmatch(re.escape(str(bad)) + r": \S.*", errors[0]), errors
    assert "Traceback" not in result.stderr
    assert "1 added, 0 unchanged, 1 failed" in result.stdout
    assert stored_paths(db) == [str(good.resolve())]  # the good file went in, nothing for the bad one


@pytest.mark.parametrize("name, filename, make", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_extract_bad_input(tmp_path: Path, name: str, filename: str, make) -> None:
    good = copy_to(tmp_path, SEEDS[0])[0]
    bad = tmp_path / filename
    make(bad)
    result = runner.invoke(cli.app, ["extract", "--json", str(bad), str(good)])
    assert result.exit_code == 1, result.output
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"{bad}: "), result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"]["path"] == str(good)


def test_unexpected_exception_is_one_line_and_the_run_goes_on(tmp_path: Path, db: str, monkeypatch) -> None:
    good = copy_to(tmp_path / "in", *SEEDS)
    real = corpus.store_prepared

    def flaky(engine, prepared, *args, **kw):
        if Path(prepared.path).name == good[0].name:
            raise ZeroDivisionError("division by zero somewhere deep")
        return real(engine, prepared, *args, **kw)

    monkeypatch.setattr(corpus, "store_prepared", flaky)
    result = runner.invoke(cli.app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert result.exit_code == 1, result.output
    assert lines_starting_with(result.stderr, str(good[0])) == [
        f"{good[0]}: unexpected ZeroDivisionError: division by zero somewhere deep"]
    assert "1 added, 0 unchanged, 1 failed" in result.stdout
    assert stored_paths(db) == [str(good[1].resolve())]


def test_extract_unexpected_exception(tmp_path: Path, monkeypatch) -> None:
    import nlp

    good = copy_to(tmp_path, *SEEDS)
    real = nlp.analyze

    def flaky(doc):
        if doc.path == str(good[0]):
            raise KeyError("missing")
        return real(doc)

    monkeypatch.setattr(nlp, "analyze", flaky)
    result = runner.invoke(cli.app, ["extract", *map(str, good)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{good[0]}: unexpected KeyError: 'missing'"]
    assert str(good[1]) in result.stdout and "language" in result.stdout


def _known_errors():
    import ingest
    import nlp
    from nlp.lang import ResourceError

    return [nlp.NlpError("the Kazakh NER model is missing"), ResourceError("numbers_kk.tsv: bad row 3"),
            corpus.CorpusError("database is locked"), ingest.IngestError("", "OCR failed: tesseract died")]


@pytest.mark.parametrize("error", _known_errors(), ids=lambda e: type(e).__name__)
def test_known_errors_are_one_line_never_unexpected(tmp_path: Path, db: str, monkeypatch, error) -> None:
    """IngestError, NlpError and CorpusError (and their subclasses) print `path: reason`; 'unexpected'
    is kept for real bugs."""
    import nlp

    good = copy_to(tmp_path / "in", *SEEDS)
    real = nlp.analyze

    def failing(doc):
        if doc.path == str(good[0]):
            raise error
        return real(doc)

    monkeypatch.setattr(nlp, "analyze", failing)
    reason = str(error)
    extracted = runner.invoke(cli.app, ["extract", "--json", *map(str, good)])
    assert extracted.exit_code == 1
    assert extracted.stderr.splitlines() == [f"{good[0]}: {reason}"]
    ingested = runner.invoke(cli.app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert ingested.exit_code == 1 and "1 added, 0 unchanged, 1 failed" in ingested.stdout
    assert lines_starting_with(ingested.stderr, str(good[0])) == [f"{good[0]}: {reason}"]
    monkeypatch.setattr(corpus, "search", lambda *a, **kw: (_ for _ in ()).throw(error))
    searched = runner.invoke(cli.app, ["search", "мигрант", "--db", db])
    assert searched.exit_code == 1 and searched.stderr.splitlines() == [f"saual: error: {reason}"]
    assert "unexpected" not in extracted.stderr + ingested.stderr + searched.stderr


def test_bad_database_url_is_one_line(tmp_path: Path) -> None:
    result = saual("ingest", str(SEEDS[0]), "--db", "nosuchdriver://nowhere/db")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("saual: error: ")


# ------------------------------------------------------------------ extract
def test_extract_summary_and_out_dir(tmp_path: Path) -> None:
    out = tmp_path / "pred"
    result = saual("extract", *map(str, SEEDS), "--out", str(out), "--name-template", "seed-{id}")
    assert result.returncode == 0, result.stderr
    for seed in SEEDS:
        assert str(seed) in result.stdout
        written = json.loads((out / f"seed-{seed.stem.split('_')[0]}.json").read_text(encoding="utf-8"))
        assert written["source"]["path"] == str(seed)
    assert re.search(r"language (kk|ru)\S* · kind \w+ · date \S+ · pages \S+ · paragraphs \d+ · "
                     r"figures \d+ · entities \d+ · demands \d+", result.stdout)


def test_extract_pretty_is_indented_json(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["extract", "--pretty", str(SEEDS[0])])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("{\n  ")
    assert json.loads(result.stdout)["schema"] == "saual.extraction/1"


@pytest.mark.parametrize("template, expected", [
    ("{stem}", "000_abc"), ("seed-{id}", "seed-000"), ("{format}-{stem}", "txt-000_abc"),
    ("{parent}_{name}", "dir_000_abc.txt"),
])
def test_output_name(template: str, expected: str) -> None:
    assert cli.output_name(template, Path("dir/000_abc.txt"), "txt") == expected


@pytest.mark.parametrize("template", ["{nope}", "{0}", "a/{stem}", ""])
def test_bad_name_template_is_a_usage_error(tmp_path: Path, template: str) -> None:
    result = runner.invoke(cli.app, ["extract", str(SEEDS[0]), "--out", str(tmp_path), "--name-template",
                                     template])
    assert result.exit_code == 2, result.output


def test_extract_name_collision_fails_the_second_file(tmp_path: Path) -> None:
    a = copy_to(tmp_path / "a", SEEDS[0])[0]
    b = copy_to(tmp_path / "b", SEEDS[0])[0]
    result = runner.invoke(cli.app, ["extract", str(a), str(b), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert lines_starting_with(result.stderr, str(b))[0].startswith(f"{b}: output name")
    assert len(list((tmp_path / "out").iterdir())) == 1


# ------------------------------------------------------------------ usage, help, version
@pytest.mark.parametrize("args", [
    ["search", "x", "--lang", "en"], ["search", "x", "--from", "2025-13-01"], ["search", "x", "--limit", "0"],
    ["ingest"], ["extract"], ["nosuchcommand"], ["serve", "--port", "0"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(cli.app, args).exit_code == 2


@pytest.mark.parametrize("command", [[], ["ingest"], ["extract"], ["search"], ["serve"]])
def test_help_everywhere_with_examples(command: list[str]) -> None:
    result = runner.invoke(cli.app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout and "Examples" in result.stdout
    assert f"saual {command[0]}" in result.stdout if command else "ingest" in result.stdout


def test_help_and_version_from_the_console_script() -> None:
    from importlib.metadata import version

    top = saual("--help")
    assert top.returncode == 0 and all(c in top.stdout for c in ("ingest", "extract", "search", "serve"))
    assert saual("serve", "--help").returncode == 0
    ver = saual("--version")
    assert ver.returncode == 0 and ver.stdout.strip() == f"saual {version('saual')}"


def test_expand_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / ".git").mkdir(parents=True)
    for name in ("a/2.pdf", "a/1.txt", "a/.git/x.txt", "a/README.md", "a/b.xyz", "a/c.HTML"):
        (tmp_path / name).write_text("x")
    named = [tmp_path / "a", tmp_path / "a" / "1.txt", tmp_path / "a" / "b.xyz", tmp_path / "missing.pdf"]
    got = cli.expand_paths(named)
    assert [p.relative_to(tmp_path).as_posix() for p in got] == [
        "a/1.txt", "a/2.pdf", "a/c.HTML", "a/b.xyz", "missing.pdf"]  # named files are always tried
