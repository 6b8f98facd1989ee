"""`saual extract`: read files and print what nlp finds (the JSON contract or a summary); nothing stored."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .common import exception_reason, expand_paths, failure_line, fatal, one_line, say_error

NAME_FIELDS = ("stem", "id", "format", "parent", "name")

EPILOG = """[bold]Examples[/bold]

  saual extract samples/pdf/8920.pdf   a short summary

  saual extract --json samples/pdf/*.pdf > out.jsonl   (JSON Lines)

  saual extract --json --pretty doc.pdf | less

  saual extract samples/pdf/*.pdf --out pred/ --name-template 'pdf-{stem}'

  saual extract samples/seeds/*.txt --out pred/ --name-template 'seed-{id}'

  python3 ../shared/eval/score.py ../shared/gold/dev.json pred/

--name-template fields: {stem} file name without extension (default), {id} the stem up to its first '_', {format} pdf/html/txt/docx, {parent} the folder's name, {name} the full file name. Two files that would get the same name: the second one fails."""


def output_name(template: str, path: Path, fmt: str) -> str:
    """The file name (without .json) for `path` from --name-template; raises KeyError/ValueError if bad."""
    name = template.format(stem=path.stem, id=path.stem.split("_")[0], format=fmt,
                           parent=path.parent.name, name=path.name)
    if not name or name in {".", ".."} or "/" in name or "\\" in name:
        raise ValueError(f"the template gives {name!r}, which is not a plain file name")
    return name


def _check_template(template: str) -> None:
    """Reject a bad --name-template before any file is read (exit 2, the fields listed)."""
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


class _Writer:
    """Where extracted contracts go: stdout (JSON lines or a summary) and optionally one file each in --out."""

    def __init__(self, out: Path | None, template: str, as_json: bool, pretty: bool):
        self.out, self.template, self.as_json, self.pretty = out, template, as_json, pretty
        self.written: dict[str, Path] = {}

    def save(self, path: Path, doc: Any, contract: dict[str, Any]) -> Path | None:
        """Write `<name>.json` into --out (None without --out); raises ValueError with the reason."""
        if self.out is None:
            return None
        name = output_name(self.template, path, doc.format)
        if name in self.written:
            raise ValueError(f"output name {name}.json already used by {self.written[name]}; "
                             "choose another --name-template")
        self.written[name] = path
        target = self.out / f"{name}.json"
        try:
            target.write_text(json.dumps(contract, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise ValueError(f"cannot write {target}: {exc.strerror or exc}") from None
        return target

    def show(self, path: Path, doc: Any, contract: dict[str, Any], line: str, target: Path | None) -> None:
        """Print the JSON line (--json) or the summary of one file."""
        if self.as_json:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
            return
        typer.echo(str(path) + (f"  → {target}" if target else ""))
        typer.echo("  " + summary_line(contract, len(doc.paragraphs)))
        if doc.title:
            typer.echo("  title " + one_line(doc.title))


def _extract_one(path: Path, pretty: bool) -> tuple[Any, dict[str, Any], str]:
    """(Document, contract, JSON line) for one file; library errors and bugs propagate to the caller."""
    import ingest
    import nlp

    doc = ingest.read(path)
    contract = nlp.to_contract(doc, nlp.analyze(doc))
    return doc, contract, json.dumps(contract, ensure_ascii=False, indent=2 if pretty else None)


def extract_command(
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
    _check_template(name_template)
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise fatal(f"cannot create {out}: {exc.strerror or exc}") from None
    writer = _Writer(out, name_template, as_json or pretty, pretty)
    failed = 0
    for path in expand_paths(files):
        try:
            doc, contract, line = _extract_one(path, pretty)
        except Exception as exc:  # noqa: BLE001 - any failure stays with its file; the run goes on
            failed += 1
            say_error(failure_line(path, exception_reason(exc)))
            continue
        try:
            target = writer.save(path, doc, contract)
        except ValueError as exc:
            failed += 1
            say_error(failure_line(path, str(exc)))
            continue
        writer.show(path, doc, contract, line, target)
    raise typer.Exit(1 if failed else 0)
