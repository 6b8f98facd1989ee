"""Imports point one way: ui → corpus → nlp → ingest; a lower layer never imports a higher one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["ingest", "nlp", "corpus", "ui"]


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ORDER)
def test_lower_layer_never_imports_higher(package: str) -> None:
    higher = set(ORDER[ORDER.index(package) + 1:]) | {"streamlit", "typer"} - (
        {"streamlit", "typer"} if package == "ui" else set())
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_packages(path) & higher
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not offenders, offenders


def test_layer_check_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "m.py"
    bad.write_text("from corpus import search\nimport ui.cli\n", encoding="utf-8")
    assert {"corpus", "ui"} <= imported_packages(bad)
