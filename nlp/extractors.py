"""The registry of extractors: each turns a Segmentation into the items of one Analysis field.

`analyze()`, the JSON contract and corpus.store iterate over `extractors()`, so a new capability is
one module that registers itself (`@extractor("demands", Demand)`) plus its rows and views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from .errors import NlpError
from .lang import Segmentation

Run = Callable[[Segmentation], list[Any]]


@dataclass(frozen=True)
class Extractor:
    """One registered extractor: `name` is the Analysis field (and contract key) it fills."""

    name: str
    item: type
    run: Run
    to_json: Callable[[Any], dict[str, Any]] = asdict


_REGISTRY: dict[str, Extractor] = {}


def extractor(name: str, item: type, to_json: Callable[[Any], dict[str, Any]] = asdict) -> Callable[[Run], Run]:
    """Decorator registering `run(segmentation) -> list[item]` as the extractor of field `name`."""
    def register(run: Run) -> Run:
        if name in _REGISTRY and _REGISTRY[name].run is not run:
            raise NlpError(f"extractor {name!r} is registered twice")
        _REGISTRY[name] = Extractor(name, item, run, to_json)
        return run
    return register


def extractors() -> tuple[Extractor, ...]:
    """The registered extractors, in registration order."""
    return tuple(_REGISTRY.values())
